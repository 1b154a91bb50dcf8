#!/usr/bin/env node
'use strict';
/**
 * `node scripts/prune-source-maps.js <node_modules> [--dry-run]`: deletes the source maps (`*.map`) that
 * packages ship next to their built files (26 MiB in the production tree, swagger-ui-dist alone 8). The image
 * runs without --enable-source-maps and serves none of them (Swagger UI's routes are an allow-list), so
 * nothing reads them. Only files under the given node_modules; the application's own dist/ is not touched.
 * See docs/adr/0170-prune-foreign-native-prebuilds-in-the-image.md.
 */
const fs = require('node:fs');
const path = require('node:path');

/** Every `*.map` file below `dir` (symlinks not followed). */
function plan(dir) {
  const found = [];
  const walk = (at) => {
    for (const entry of fs.readdirSync(at, { withFileTypes: true })) {
      const full = path.join(at, entry.name);
      if (entry.isDirectory()) walk(full);
      else if (entry.isFile() && entry.name.endsWith('.map')) found.push(full);
    }
  };
  walk(dir);
  return found;
}

function prune(dir, { dryRun = false } = {}) {
  const files = plan(dir);
  let bytes = 0;
  for (const file of files) {
    bytes += fs.statSync(file).size;
    if (!dryRun) fs.rmSync(file);
  }
  return { files, bytes };
}

if (require.main === module) {
  const args = process.argv.slice(2);
  const dir = args.find((a) => !a.startsWith('--'));
  const dryRun = args.includes('--dry-run');
  if (!dir || path.basename(path.resolve(dir)) !== 'node_modules') {
    console.error('usage: prune-source-maps.js <node_modules> [--dry-run] (only a node_modules folder)');
    process.exit(1);
  }
  const { files, bytes } = prune(dir, { dryRun });
  console.log(
    `prune-source-maps: ${dryRun ? 'would remove' : 'removed'} ${files.length} files, ${(bytes / 2 ** 20).toFixed(1)} MiB`,
  );
}

module.exports = { plan, prune };
