/* global URL */
/**
 * Jest e2e globalSetup: make sure a Redis answers at TEST_REDIS_URL (default db 15 on 127.0.0.1:6379).
 * scripts/run-tests.js normally provides one (and exports TEST_REDIS_URL); when jest is run directly we
 * only check reachability and fail with one clear line instead of letting every test time out.
 */
const net = require('node:net');

function reachable(url, timeoutMs = 1500) {
  return new Promise((resolve) => {
    let u;
    try {
      u = new URL(url);
    } catch {
      return resolve(false);
    }
    const socket = net.connect({ host: u.hostname || '127.0.0.1', port: Number(u.port || 6379) });
    const done = (ok) => {
      socket.destroy();
      resolve(ok);
    };
    socket.setTimeout(timeoutMs, () => done(false));
    socket.once('error', () => done(false));
    socket.once('connect', () => done(true));
  });
}

module.exports = async function globalSetup() {
  const url = process.env.TEST_REDIS_URL || 'redis://127.0.0.1:6379/15';
  process.env.TEST_REDIS_URL = url;
  if (!(await reachable(url))) {
    throw new Error(
      `e2e tests need Redis at ${url}: run "npm test" (starts a private redis-server) or set TEST_REDIS_URL`,
    );
  }
};
