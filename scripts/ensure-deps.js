#!/usr/bin/env node
'use strict';
/**
 * `prestart` / `pretest`: on a fresh clone (or after package-lock.json changed) install the locked
 * dependencies first, so `npm start` and `npm test` are the only two commands a newcomer needs.
 * Runs on whatever Node is on PATH (the pinned Node 22 arrives with the install itself).
 */
const { spawnSync } = require('node:child_process');
const fs = require('node:fs');
const path = require('node:path');

const root = path.join(__dirname, '..');
const installed = path.join(root, 'node_modules', '.package-lock.json');
const lock = path.join(root, 'package-lock.json');

const mtime = (file) => (fs.existsSync(file) ? fs.statSync(file).mtimeMs : 0);
if (mtime(installed) >= mtime(lock)) process.exit(0);

console.log('Installing the locked dependencies (npm ci)…');
const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';
const result = spawnSync(npm, ['ci', '--no-audit', '--no-fund'], { cwd: root, stdio: 'inherit' });
process.exit(result.status ?? 1);
