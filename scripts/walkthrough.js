#!/usr/bin/env node
/* global fetch, AbortSignal */
'use strict';
/**
 * `npm run walkthrough`: the partner funnel walkthrough (walkthrough/*.http, run by httpyac) against the
 * local stack. Uses the stack answering at WALKTHROUGH_BASE_URL (default http://localhost:$PORT|3000) and its
 * sandbox at WALKTHROUGH_SANDBOX_URL (default http://localhost:$SANDBOX_PORT|4010); when none answers it
 * starts `npm start` and stops it afterwards. Exit code: httpyac's (non-zero on any unexpected status).
 * walkthrough/async.http (IncompleteResults polling) runs when WALKTHROUGH_ASYNC_CLIENT_ID and
 * WALKTHROUGH_ASYNC_API_KEY name a client with `async_flow: true`.
 */
const { spawn } = require('node:child_process');
const path = require('node:path');
const { waitFor } = require('./lib/redis');

const ROOT = path.join(__dirname, '..');
const HTTPYAC = path.join(ROOT, 'node_modules/httpyac/bin/httpyac.js');
const env = process.env;
const BASE_URL = (env.WALKTHROUGH_BASE_URL || `http://localhost:${env.PORT || '3000'}`).replace(/\/+$/, '');
const SANDBOX_URL = (env.WALKTHROUGH_SANDBOX_URL || `http://localhost:${env.SANDBOX_PORT || '4010'}`).replace(
  /\/+$/,
  '',
);
const STACK_START_MS = 300_000;

async function answers(url) {
  try {
    const res = await fetch(url, { signal: AbortSignal.timeout(1500) });
    await res.arrayBuffer();
    return res.ok;
  } catch {
    return false;
  }
}

/** `npm start` in its own process group, so stopping it stops the sandbox and BFF it started too. */
function startStack() {
  console.log(`No stack answers at ${BASE_URL}: starting "npm start" (builds first)…`);
  const child = spawn('npm', ['start'], {
    cwd: ROOT,
    env,
    stdio: ['ignore', 'inherit', 'inherit'],
    detached: true,
  });
  return {
    child,
    stop: () =>
      new Promise((resolve) => {
        if (child.exitCode !== null) return resolve();
        child.once('exit', resolve);
        try {
          process.kill(-child.pid, 'SIGTERM');
        } catch {
          resolve();
        }
      }),
  };
}

function runHttpyac() {
  const files = ['walkthrough/funnel.http', 'walkthrough/errors.http'];
  const vars = [`baseUrl=${BASE_URL}`, `sandboxUrl=${SANDBOX_URL}`];
  if (env.WALKTHROUGH_CLIENT_ID) vars.push(`clientId=${env.WALKTHROUGH_CLIENT_ID}`);
  if (env.WALKTHROUGH_API_KEY) vars.push(`apiKey=${env.WALKTHROUGH_API_KEY}`);
  if (env.WALKTHROUGH_ASYNC_CLIENT_ID && env.WALKTHROUGH_ASYNC_API_KEY) {
    files.push('walkthrough/async.http');
    vars.push(
      `asyncClientId=${env.WALKTHROUGH_ASYNC_CLIENT_ID}`,
      `asyncApiKey=${env.WALKTHROUGH_ASYNC_API_KEY}`,
    );
  }
  const args = [HTTPYAC, 'send', ...files, '--all', '--bail', '-e', 'local', '--no-color'];
  args.push('-o', env.WALKTHROUGH_OUTPUT || 'none', '--output-failed', 'exchange', '--var', ...vars);
  return new Promise((resolve) => {
    const child = spawn(process.execPath, args, { cwd: ROOT, env, stdio: 'inherit' });
    child.once('exit', (code, signal) => resolve(code ?? (signal ? 1 : 0)));
  });
}

async function main() {
  let stack = null;
  if (!(await answers(`${BASE_URL}/health/live`))) {
    stack = startStack();
    const up = await waitFor(
      async () => stack.child.exitCode === null && (await answers(`${BASE_URL}/health/live`)),
      STACK_START_MS,
      500,
    );
    if (!up) {
      console.error(`The stack did not come up at ${BASE_URL}.`);
      await stack.stop();
      return 1;
    }
  }
  try {
    return await runHttpyac();
  } finally {
    await stack?.stop();
  }
}

main().then(
  (code) => process.exit(code),
  (e) => {
    console.error(e);
    process.exit(1);
  },
);
