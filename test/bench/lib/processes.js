/* global performance, setTimeout, clearTimeout, fetch, AbortSignal */
'use strict';
/** Child processes of `npm run bench`: spawn, wait for a `{"port":n}` line or an HTTP answer, stop. */
const { spawn } = require('node:child_process');
const fs = require('node:fs');
const net = require('node:net');

const ROOT = require('node:path').join(__dirname, '..', '..', '..');
const NODE = process.execPath;
const children = new Set();

function freePort() {
  return new Promise((resolve, reject) => {
    const srv = net.createServer();
    srv.once('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const { port } = srv.address();
      srv.close(() => resolve(port));
    });
  });
}

/** Starts a TypeScript entry through the swc register; resolves with its printed port. */
function startTsServer(label, entry, env, logFile, nodeArgs = []) {
  return new Promise((resolve, reject) => {
    const out = fs.openSync(logFile, 'w');
    const child = spawn(NODE, [...nodeArgs, '-r', '@swc-node/register', entry], {
      cwd: ROOT,
      env: { ...process.env, ...env },
      stdio: ['ignore', 'pipe', out],
    });
    children.add(child);
    let buffer = '';
    const timer = setTimeout(
      () => reject(new Error(`${label}: no port within 60 s (see ${logFile})`)),
      60_000,
    );
    child.stdout.on('data', (d) => {
      buffer += d.toString();
      const line = buffer.split('\n').find((l) => l.startsWith('{"port"'));
      if (line) {
        clearTimeout(timer);
        child.stdout.removeAllListeners('data');
        child.stdout.resume();
        resolve({ child, port: JSON.parse(line).port, url: `http://127.0.0.1:${JSON.parse(line).port}` });
      }
    });
    child.once('exit', (code) => {
      children.delete(child);
      clearTimeout(timer);
      reject(new Error(`${label} exited with ${code} (see ${logFile})`));
    });
  });
}

/** Polls url until it answers `status` (default 200); resolves with the elapsed ms since `since`. */
async function waitForStatus(
  url,
  { since = performance.now(), timeoutMs = 30_000, status = 200, intervalMs = 5 } = {},
) {
  for (;;) {
    try {
      const res = await fetch(url, { signal: AbortSignal.timeout(1000) });
      await res.arrayBuffer();
      if (res.status === status) return performance.now() - since;
    } catch {
      /* not listening yet */
    }
    if (performance.now() - since > timeoutMs) throw new Error(`${url}: no ${status} within ${timeoutMs} ms`);
    await new Promise((r) => setTimeout(r, intervalMs));
  }
}

/** Spawns a plain node process (the production build) with an IPC channel for the memory probe. */
function spawnNode(args, env, logFile) {
  const out = fs.openSync(logFile, 'w');
  const child = spawn(NODE, args, {
    cwd: ROOT,
    env: { ...process.env, ...env },
    stdio: ['ignore', out, out, 'ipc'],
  });
  children.add(child);
  child.once('exit', () => children.delete(child));
  return child;
}

function stop(child, timeoutMs = 10_000) {
  return new Promise((resolve) => {
    if (!child || child.exitCode !== null || child.signalCode !== null) return resolve();
    const timer = setTimeout(() => child.kill('SIGKILL'), timeoutMs);
    child.once('exit', () => {
      clearTimeout(timer);
      resolve();
    });
    child.kill('SIGTERM');
  });
}

async function stopAll() {
  await Promise.all([...children].map((c) => stop(c)));
}

let probeId = 0;
/** process.memoryUsage() of a child started with the memory probe (after GC when asked). */
function memoryOf(child, gc = true) {
  return new Promise((resolve, reject) => {
    const id = ++probeId;
    const timer = setTimeout(() => reject(new Error('memory probe: no answer')), 10_000);
    const onMessage = (msg) => {
      if (msg?.type === 'mem' && msg.id === id) {
        clearTimeout(timer);
        child.off('message', onMessage);
        resolve(msg.usage);
      }
    };
    child.on('message', onMessage);
    child.send({ type: 'mem', id, gc });
  });
}

module.exports = { ROOT, NODE, freePort, startTsServer, waitForStatus, spawnNode, stop, stopAll, memoryOf };
