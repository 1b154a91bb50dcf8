#!/usr/bin/env node
'use strict';
/**
 * `node scripts/prune-native-prebuilds.js <node_modules> [--platform=linux] [--arch=x64] [--libc=glibc]
 *   [--abi=current|<n>] [--dry-run]`
 *
 * dd-trace's native add-ons (`@datadog/*`) ship prebuilt binaries for every platform (darwin, win32, musl,
 * arm …) in `prebuilds/<os>-<arch>/`. The image runs on one platform (node:*-bookworm-slim: linux x64 glibc),
 * so the Dockerfile drops the others. Only platform folders are judged; anything else in `prebuilds/`
 * (WASM fallbacks, config) stays; with `--abi` only that Node ABI's builds are kept (`current`: the Node
 * running this script — in the image, the build stage's, which is the runtime's), N-API builds always. See
 * docs/adr/0170-prune-foreign-native-prebuilds-in-the-image.md.
 */
const fs = require('node:fs');
const path = require('node:path');

/** The scopes whose packages' prebuilds are pruned. */
const SCOPES = ['@datadog'];
const KNOWN_OS = [
  'linux',
  'linuxglibc',
  'linuxmusl',
  'darwin',
  'win32',
  'freebsd',
  'openbsd',
  'android',
  'sunos',
  'aix',
];
const MAX_DEPTH = 12;

/** `linuxglibc-x64` → { os: 'linux', libc: 'glibc', arch: 'x64' }; null for a folder that is no platform. */
function platformOf(dirName) {
  const m = /^([a-z0-9]+)-([a-z0-9]+)$/.exec(dirName);
  if (!m || !KNOWN_OS.includes(m[1])) return null;
  const os = m[1].startsWith('linux') ? 'linux' : m[1];
  const libc = m[1] === 'linuxglibc' ? 'glibc' : m[1] === 'linuxmusl' ? 'musl' : null;
  return { os, libc, arch: m[2] };
}

/** Libc a binary's file name declares (`dd_pprof.musl.node.abi127.node`), or null when it declares none. */
function libcOfFile(fileName) {
  if (/(^|\.)musl(\.|$)/.test(fileName)) return 'musl';
  if (/(^|\.)glibc(\.|$)/.test(fileName)) return 'glibc';
  return null;
}

/** Node ABI a binary's file name is built for (`node-127.node`, `dd_pprof.node.abi127.node`); null for N-API. */
function abiOfFile(fileName) {
  const m = /(?:^node-|\.abi)(\d+)\./.exec(fileName);
  return m ? m[1] : null;
}

/** Paths under one `prebuilds/` folder that the target does not need. */
function planPrebuilds(prebuildsDir, target) {
  const remove = [];
  for (const entry of fs.readdirSync(prebuildsDir, { withFileTypes: true })) {
    if (!entry.isDirectory()) continue;
    const platform = platformOf(entry.name);
    if (!platform) continue;
    const dir = path.join(prebuildsDir, entry.name);
    const wrongPlatform =
      platform.os !== target.platform ||
      platform.arch !== target.arch ||
      (platform.libc !== null && platform.libc !== target.libc);
    if (wrongPlatform) {
      remove.push(dir);
      continue;
    }
    // A folder shared by both libcs (`linux-x64`) names the libc in each file; ABI-specific builds name
    // the Node ABI (only with --abi: the image's Node is the build stage's).
    for (const file of fs.readdirSync(dir, { withFileTypes: true })) {
      if (!file.isFile()) continue;
      const libc = libcOfFile(file.name);
      const abi = abiOfFile(file.name);
      const wrongLibc = libc !== null && libc !== target.libc;
      const wrongAbi = target.abi != null && abi !== null && abi !== target.abi;
      if (wrongLibc || wrongAbi) remove.push(path.join(dir, file.name));
    }
  }
  return remove;
}

/** Every path to delete below `nodeModules` (nested node_modules included). */
function plan(nodeModules, target) {
  const remove = [];
  const visitPackage = (pkgDir, scope, depth) => {
    if (SCOPES.includes(scope)) {
      const prebuilds = path.join(pkgDir, 'prebuilds');
      if (fs.existsSync(prebuilds)) remove.push(...planPrebuilds(prebuilds, target));
    }
    const nested = path.join(pkgDir, 'node_modules');
    if (depth < MAX_DEPTH && fs.existsSync(nested)) visitModules(nested, depth + 1);
  };
  const visitModules = (dir, depth) => {
    for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
      if (!entry.isDirectory() || entry.name.startsWith('.')) continue;
      const full = path.join(dir, entry.name);
      if (entry.name.startsWith('@')) {
        for (const sub of fs.readdirSync(full, { withFileTypes: true }))
          if (sub.isDirectory()) visitPackage(path.join(full, sub.name), entry.name, depth);
      } else visitPackage(full, null, depth);
    }
  };
  visitModules(nodeModules, 0);
  return remove;
}

function sizeOf(p) {
  const st = fs.lstatSync(p);
  if (!st.isDirectory()) return st.size;
  let total = 0;
  for (const e of fs.readdirSync(p)) total += sizeOf(path.join(p, e));
  return total;
}

/** Deletes what `plan` lists; returns { removed, bytes }. */
function prune(nodeModules, target, { dryRun = false } = {}) {
  const removed = plan(nodeModules, target);
  let bytes = 0;
  for (const p of removed) {
    bytes += sizeOf(p);
    if (!dryRun) fs.rmSync(p, { recursive: true, force: true });
  }
  return { removed, bytes };
}

function parseArgs(argv) {
  const options = {
    target: { platform: 'linux', arch: 'x64', libc: 'glibc', abi: null },
    dryRun: false,
    dir: null,
  };
  for (const arg of argv) {
    const m = /^--(platform|arch|libc|abi)=(.+)$/.exec(arg);
    if (m && m[1] === 'abi') options.target.abi = m[2] === 'current' ? process.versions.modules : m[2];
    else if (m) options.target[m[1]] = m[2];
    else if (arg === '--dry-run') options.dryRun = true;
    else if (!arg.startsWith('--') && options.dir === null) options.dir = arg;
    else throw new Error(`unknown argument: ${arg}`);
  }
  if (options.dir === null)
    throw new Error(
      'usage: prune-native-prebuilds.js <node_modules> [--platform= --arch= --libc= --abi=] [--dry-run]',
    );
  return options;
}

if (require.main === module) {
  try {
    const { dir, target, dryRun } = parseArgs(process.argv.slice(2));
    if (!fs.existsSync(dir)) throw new Error(`no such directory: ${dir}`);
    const { removed, bytes } = prune(dir, target, { dryRun });
    const what = dryRun ? 'would remove' : 'removed';
    const abi = target.abi ? `, Node ABI ${target.abi}` : '';
    console.log(
      `prune-native-prebuilds: ${what} ${removed.length} paths, ${(bytes / 2 ** 20).toFixed(1)} MiB (kept ${target.platform}-${target.arch} ${target.libc}${abi})`,
    );
  } catch (e) {
    console.error(`prune-native-prebuilds: ${e.message}`);
    process.exit(1);
  }
}

module.exports = { platformOf, libcOfFile, abiOfFile, plan, prune, parseArgs };
