import type { RedisOptions } from 'ioredis';

/**
 * How long `disconnect()` waits for the server to close an ended socket before destroying it. ioredis keeps
 * a (ref'd) 2 s timer for this, which outlives a socket that had already failed (Redis down) and holds the
 * process open after shutdown.
 */
export const REDIS_DISCONNECT_TIMEOUT_MS = 100;

/** ioredis options from a `redis[s]://[user:pass@]host:port[/db]` URL. */
export function redisOptionsFromUrl(url: string): RedisOptions {
  const u = new URL(url);
  const db = u.pathname && u.pathname !== '/' ? Number(u.pathname.slice(1)) : 0;
  return {
    host: u.hostname || '127.0.0.1',
    port: u.port ? Number(u.port) : 6379,
    username: u.username ? decodeURIComponent(u.username) : undefined,
    password: u.password ? decodeURIComponent(u.password) : undefined,
    db: Number.isInteger(db) ? db : 0,
    disconnectTimeout: REDIS_DISCONNECT_TIMEOUT_MS,
    ...(u.protocol === 'rediss:' ? { tls: {} } : {}),
  };
}
