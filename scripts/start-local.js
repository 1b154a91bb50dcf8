#!/usr/bin/env node
/* global fetch, AbortSignal */
'use strict';
/**
 * `npm start`: the 12go sandbox on 4010 and the BFF on 3000, from dist/ (the npm script builds first),
 * on the local defaults of config/local.env. Redis: REDIS_URL, else 127.0.0.1:6379, else a private
 * redis-server in a temp dir. Ctrl-C stops everything it started.
 *
 * `npm run dev` (`--dev`): the same stack in watch mode — `nest start --watch --debug` per app (webpack
 * rebuilds and restarts on change, inline source maps, --enable-source-maps), the BFF's inspector on
 * 127.0.0.1:$BFF_INSPECT_PORT (9229) and the sandbox's on $SANDBOX_INSPECT_PORT (9230), pretty logs.
 */
const { spawn } = require('node:child_process');
const fs = require('node:fs');
const path = require('node:path');
const { ensureRedis, waitFor, HOW_TO_GET_REDIS } = require('./lib/redis');

const ROOT = path.join(__dirname, '..');
const API_MAIN = path.join(ROOT, 'dist/apps/connect-api/main.js');
const SANDBOX_MAIN = path.join(ROOT, 'dist/apps/twelvego-sandbox/main.js');
const SANDBOX_PORT = process.env.SANDBOX_PORT || '4010';
const API_PORT = process.env.PORT || '3000';
const DEV = process.argv.includes('--dev');
const NEST_CLI = path.join(ROOT, 'node_modules/@nestjs/cli/bin/nest.js');
const BFF_INSPECT_PORT = process.env.BFF_INSPECT_PORT || '9229';
const SANDBOX_INSPECT_PORT = process.env.SANDBOX_INSPECT_PORT || '9230';
/** Dev mode compiles before the first start: allow for a cold webpack build on a busy machine. */
const FIRST_ANSWER_MS = DEV ? 240_000 : 30_000;

/** What runs an app: its built file, or (dev) the Nest CLI watching and restarting it. */
function appCommand(project, builtFile, inspectPort) {
  if (!DEV) return [builtFile];
  return [
    NEST_CLI,
    'start',
    project,
    '--watch',
    '--preserveWatchOutput',
    '--no-shell',
    '--debug',
    `127.0.0.1:${inspectPort}`,
  ];
}

function readEnvFile(file) {
  const env = {};
  for (const line of fs.readFileSync(file, 'utf8').split(/\r?\n/)) {
    const m = /^\s*([A-Z0-9_]+)\s*=\s*(.*?)\s*$/.exec(line);
    if (m) env[m[1]] = m[2];
  }
  return env;
}

async function httpAnswers(url) {
  try {
    const res = await fetch(url, { signal: AbortSignal.timeout(1000) });
    await res.arrayBuffer();
    return true;
  } catch {
    return false;
  }
}

function tomorrow() {
  return new Date(Date.now() + 24 * 3600 * 1000).toISOString().slice(0, 10);
}

async function main() {
  for (const file of DEV ? [] : [API_MAIN, SANDBOX_MAIN]) {
    if (!fs.existsSync(file)) {
      console.error(
        `Missing ${path.relative(ROOT, file)}: run "npm run build" (or use "npm start", which builds first).`,
      );
      process.exit(1);
    }
  }
  const redis = await ensureRedis({
    explicitUrl: process.env.REDIS_URL,
    defaultUrl: 'redis://127.0.0.1:6379',
  });
  if (!redis) {
    console.error(
      process.env.REDIS_URL
        ? `No Redis answers at REDIS_URL=${process.env.REDIS_URL}; fix it or unset it. ${HOW_TO_GET_REDIS}`
        : HOW_TO_GET_REDIS,
    );
    process.exit(1);
  }

  const net = require('node:net');
  const portBusy = (port) =>
    new Promise((resolve) => {
      const socket = net.connect({ host: '127.0.0.1', port: Number(port) });
      socket.once('connect', () => (socket.destroy(), resolve(true)));
      socket.once('error', () => resolve(false));
    });
  for (const [name, port] of [
    ['sandbox (SANDBOX_PORT)', SANDBOX_PORT],
    ['BFF (PORT)', API_PORT],
  ]) {
    if (await portBusy(port)) {
      console.error(
        `Port ${port} for the ${name} is already in use: stop what runs there or set ${name.match(/\((.*)\)/)[1]}.`,
      );
      await redis.stop();
      process.exit(1);
    }
  }

  const children = [];
  let stopping = false;
  const stopAll = async (code) => {
    if (stopping) return;
    stopping = true;
    for (const child of children.reverse()) if (child.exitCode === null) child.kill('SIGTERM');
    await Promise.all(
      children.map((c) => (c.exitCode === null ? new Promise((r) => c.once('exit', r)) : null)),
    );
    await redis.stop();
    process.exit(code);
  };
  process.on('SIGINT', () => void stopAll(0));
  process.on('SIGTERM', () => void stopAll(0));

  const start = (name, args, env) => {
    const child = spawn(process.execPath, args, { cwd: ROOT, env, stdio: 'inherit' });
    child.once('exit', (code, signal) => {
      if (!stopping) {
        console.error(`${name} exited (${signal ?? code}); stopping.`);
        void stopAll(1);
      }
    });
    children.push(child);
    return child;
  };

  const sandboxUrl = `http://127.0.0.1:${SANDBOX_PORT}`;
  start('twelvego-sandbox', appCommand('twelvego-sandbox', SANDBOX_MAIN, SANDBOX_INSPECT_PORT), {
    SANDBOX_PORT,
    SANDBOX_PUBLIC_URL: `http://localhost:${SANDBOX_PORT}`,
    ...process.env,
  });
  if (!(await waitFor(() => httpAnswers(`${sandboxUrl}/`), FIRST_ANSWER_MS, 200))) {
    console.error(`The sandbox did not answer on ${sandboxUrl}.`);
    return stopAll(1);
  }

  const local = readEnvFile(path.join(ROOT, 'config/local.env'));
  const env = {
    ...local,
    TWELVEGO_BASE_URL: sandboxUrl,
    CLIENTS_CONFIG_PATH: path.join(ROOT, local.CLIENTS_CONFIG_PATH || 'config/clients.local.json'),
    ...(DEV ? { LOG_PRETTY: 'true' } : {}),
    ...process.env,
    REDIS_URL: redis.url,
    PORT: API_PORT,
  };
  start('connect-api', appCommand('connect-api', API_MAIN, BFF_INSPECT_PORT), env);
  const apiUrl = `http://localhost:${API_PORT}`;
  if (!(await waitFor(() => httpAnswers(`${apiUrl}/health/live`), FIRST_ANSWER_MS, 200))) {
    console.error(`The BFF did not answer on ${apiUrl}.`);
    return stopAll(1);
  }
  const redisNote = redis.source === 'private' ? ' (private redis-server, removed on exit)' : '';
  console.log(
    `\nTravelier Connect BFF on ${apiUrl}  ·  12go sandbox on ${sandboxUrl}  ·  Redis ${redis.url}${redisNote}`,
  );
  console.log('Try:');
  console.log(
    `  curl -s -H 'x-api-key: local-demo-key-a-0123456789abcdef0123' '${apiUrl}/v1/demo/itineraries?departures=4055&arrivals=11553&departure_date=${tomorrow()}&pax=1'`,
  );
  if (DEV)
    console.log(
      `Watch mode: edits rebuild and restart the app. Debugger: BFF on 127.0.0.1:${BFF_INSPECT_PORT}, sandbox on 127.0.0.1:${SANDBOX_INSPECT_PORT} (VS Code: "Attach to the BFF").`,
    );
  console.log('Ctrl-C stops everything.\n');
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
