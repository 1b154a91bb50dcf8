'use strict';
/* global URL, setTimeout */
/**
 * Finds a Redis for `npm start` / `npm test`: an explicit URL, else one answering on 127.0.0.1:6379,
 * else a private `redis-server` started in a temp dir on a free port (stopped with the caller).
 */
const { spawn, spawnSync } = require('node:child_process');
const fs = require('node:fs');
const net = require('node:net');
const os = require('node:os');
const path = require('node:path');

const HOW_TO_GET_REDIS =
  'No Redis available: set REDIS_URL, start Redis on 127.0.0.1:6379, or install redis-server (apt-get install redis-server / brew install redis).';

/** Sends PING over a raw socket; resolves true on +PONG (or an auth error: something is answering). */
function pingRedis(url, timeoutMs = 1500) {
  return new Promise((resolve) => {
    let u;
    try {
      u = new URL(url);
    } catch {
      return resolve(false);
    }
    const socket = net.connect({ host: u.hostname || '127.0.0.1', port: Number(u.port || 6379) });
    let buffer = '';
    const done = (ok) => {
      socket.destroy();
      resolve(ok);
    };
    socket.setTimeout(timeoutMs, () => done(false));
    socket.once('error', () => done(false));
    socket.once('connect', () => socket.write('PING\r\n'));
    socket.on('data', (d) => {
      buffer += d.toString();
      if (buffer.includes('\r\n')) done(buffer.startsWith('+PONG') || buffer.startsWith('-NOAUTH'));
    });
  });
}

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

function findRedisServer() {
  const candidates = [
    process.env.REDIS_SERVER_BIN,
    'redis-server',
    '/usr/bin/redis-server',
    '/usr/local/bin/redis-server',
    '/opt/homebrew/bin/redis-server',
  ].filter(Boolean);
  for (const bin of candidates) {
    const r = spawnSync(bin, ['--version'], { stdio: 'ignore' });
    if (r.status === 0) return bin;
  }
  return undefined;
}

async function waitFor(check, timeoutMs, intervalMs = 100) {
  const until = Date.now() + timeoutMs;
  while (Date.now() < until) {
    if (await check()) return true;
    await new Promise((r) => setTimeout(r, intervalMs));
  }
  return false;
}

/** Starts a throwaway redis-server (no persistence) in a temp dir; returns { url, stop }. */
async function startPrivateRedis(bin) {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'tc-redis-'));
  const port = await freePort();
  const child = spawn(
    bin,
    [
      '--port',
      String(port),
      '--bind',
      '127.0.0.1',
      '--dir',
      dir,
      '--save',
      '',
      '--appendonly',
      'no',
      '--daemonize',
      'no',
    ],
    {
      stdio: 'ignore',
    },
  );
  const url = `redis://127.0.0.1:${port}`;
  const exited = new Promise((r) => child.once('exit', r));
  const ok = await waitFor(() => pingRedis(url, 300), 5000);
  const stop = async () => {
    if (child.exitCode === null && !child.killed) child.kill('SIGTERM');
    await Promise.race([exited, new Promise((r) => setTimeout(r, 2000))]);
    if (child.exitCode === null) child.kill('SIGKILL');
    fs.rmSync(dir, { recursive: true, force: true });
  };
  if (!ok) {
    await stop();
    return undefined;
  }
  return { url, stop, pid: child.pid };
}

/**
 * @param {{ explicitUrl?: string, defaultUrl: string }} opts
 * @returns {Promise<{ url: string, source: 'env'|'local'|'private', stop(): Promise<void> } | undefined>}
 */
async function ensureRedis(opts) {
  const noop = async () => {};
  if (opts.explicitUrl) {
    return (await pingRedis(opts.explicitUrl))
      ? { url: opts.explicitUrl, source: 'env', stop: noop }
      : undefined;
  }
  if (await pingRedis(opts.defaultUrl)) return { url: opts.defaultUrl, source: 'local', stop: noop };
  const bin = findRedisServer();
  if (!bin) return undefined;
  const priv = await startPrivateRedis(bin);
  if (!priv) return undefined;
  const db = new URL(opts.defaultUrl).pathname;
  return { url: priv.url + (db && db !== '/' ? db : ''), source: 'private', stop: priv.stop };
}

/**
 * Deletes every key under the prefixes (SCAN + DEL, never KEYS/FLUSHDB); a Redis that is gone is ignored.
 * Used by the test harness and the bench to leave the test database as they found it.
 */
async function deleteKeysWithPrefixes(redisUrl, prefixes) {
  if (Array.isArray(redisUrl)) {
    // A Redis Cluster: every master holds its share of the keys.
    await Promise.all(redisUrl.map((url) => deleteKeysWithPrefixes(url, prefixes)));
    return;
  }
  const Redis = require('ioredis');
  const redis = new Redis(redisUrl, {
    lazyConnect: true,
    maxRetriesPerRequest: 1,
    connectTimeout: 2000,
    disconnectTimeout: 100,
    retryStrategy: () => null,
  });
  try {
    await redis.connect();
    for (const prefix of prefixes) {
      let cursor = '0';
      do {
        const [next, keys] = await redis.scan(
          cursor,
          'MATCH',
          `${prefix.replace(/([*?[\]\\])/g, '\\$1')}*`,
          'COUNT',
          500,
        );
        cursor = next;
        // One DEL per key: on a Redis Cluster node a multi-key DEL fails across slots.
        if (keys.length) await keys.reduce((p, k) => p.del(k), redis.pipeline()).exec();
      } while (cursor !== '0');
    }
  } catch {
    /* Redis gone: nothing to clean */
  } finally {
    redis.disconnect();
  }
}

module.exports = {
  ensureRedis,
  pingRedis,
  freePort,
  waitFor,
  deleteKeysWithPrefixes,
  findRedisServer,
  HOW_TO_GET_REDIS,
};
