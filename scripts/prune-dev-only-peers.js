#!/usr/bin/env node
'use strict';
/**
 * `node scripts/prune-dev-only-peers.js [<dir>] [--dry-run]` — run in a production install (`<dir>` holds
 * package-lock.json and node_modules; default: the current directory).
 *
 * npm keeps a dev dependency in an `--omit=dev` install when a production package names it as an *optional*
 * peer (the lockfile marks it `devOptional`): valibot (via @bull-board/api) names typescript, @nestjs/terminus
 * names @grpc/grpc-js — 30 MiB the service never loads. This script deletes every installed package that is
 * not reachable from package.json's `dependencies` through `dependencies`, `optionalDependencies` and
 * required (non-optional) `peerDependencies`, resolved the way Node resolves them from the lockfile's paths.
 * See docs/adr/0170-prune-foreign-native-prebuilds-in-the-image.md.
 */
const fs = require('node:fs');
const path = require('node:path');

/** Lockfile path a package at `from` gets for `name` (its own node_modules, then each ancestor's). */
function resolve(packages, from, name) {
  let base = from;
  for (;;) {
    const candidate = base === '' ? `node_modules/${name}` : `${base}/node_modules/${name}`;
    if (packages[candidate]) return candidate;
    if (base === '') return null;
    const cut = base.lastIndexOf('/node_modules/');
    base = cut === -1 ? '' : base.slice(0, cut);
  }
}

/** Lockfile paths of the production closure (the root `""` included). */
function productionClosure(lock) {
  const packages = lock.packages ?? {};
  const root = packages[''] ?? {};
  const reached = new Set(['']);
  const queue = [];
  const visit = (from, names) => {
    for (const name of names) {
      const target = resolve(packages, from, name);
      if (target && !reached.has(target)) {
        reached.add(target);
        queue.push(target);
      }
    }
  };
  visit('', Object.keys(root.dependencies ?? {}));
  while (queue.length > 0) {
    const at = queue.shift();
    const pkg = packages[at];
    const optionalPeers = pkg.peerDependenciesMeta ?? {};
    const requiredPeers = Object.keys(pkg.peerDependencies ?? {}).filter((n) => !optionalPeers[n]?.optional);
    visit(at, [
      ...Object.keys(pkg.dependencies ?? {}),
      ...Object.keys(pkg.optionalDependencies ?? {}),
      ...requiredPeers,
    ]);
  }
  return reached;
}

/** Installed lockfile paths outside the production closure (outermost first; nested ones go with them). */
function plan(dir) {
  const lock = JSON.parse(fs.readFileSync(path.join(dir, 'package-lock.json'), 'utf8'));
  const keep = productionClosure(lock);
  const remove = Object.keys(lock.packages ?? {})
    .filter((p) => p.startsWith('node_modules/') && !keep.has(p) && !lock.packages[p].link)
    .filter((p) => fs.existsSync(path.join(dir, p)))
    .sort((a, b) => a.length - b.length);
  return remove.filter((p, i) => !remove.slice(0, i).some((outer) => p.startsWith(`${outer}/`)));
}

function prune(dir, { dryRun = false } = {}) {
  const removed = plan(dir);
  if (!dryRun) for (const p of removed) fs.rmSync(path.join(dir, p), { recursive: true, force: true });
  return removed;
}

if (require.main === module) {
  const args = process.argv.slice(2);
  const dryRun = args.includes('--dry-run');
  const dir = args.find((a) => !a.startsWith('--')) ?? '.';
  try {
    const removed = prune(dir, { dryRun });
    const names = removed.map((p) => p.replace(/^.*node_modules\//, ''));
    console.log(
      `prune-dev-only-peers: ${dryRun ? 'would remove' : 'removed'} ${removed.length} packages${names.length ? `: ${names.join(', ')}` : ''}`,
    );
  } catch (e) {
    console.error(`prune-dev-only-peers: ${e.message}`);
    process.exit(1);
  }
}

module.exports = { productionClosure, plan, prune, resolve };
