'use strict';
/**
 * Preloaded (`node -r`) into the BFF by `npm run bench` only: answers `{ type: 'mem', gc }` IPC messages
 * with process.memoryUsage() (after a full GC when the process runs with --expose-gc and `gc` is true).
 */
if (typeof process.send === 'function') {
  process.on('message', (msg) => {
    if (!msg || msg.type !== 'mem') return;
    if (msg.gc && typeof globalThis.gc === 'function') {
      globalThis.gc();
      globalThis.gc();
    }
    process.send({ type: 'mem', id: msg.id, usage: process.memoryUsage() });
  });
  // The IPC channel must not keep the process alive on its own.
  if (process.channel && typeof process.channel.unref === 'function') process.channel.unref();
}
