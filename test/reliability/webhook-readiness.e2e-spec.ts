/* eslint-disable @typescript-eslint/no-explicit-any -- readiness reports are walked dynamically */
import { randomBytes } from 'node:crypto';
import { startStack, testRedisUrl, type TestStack } from '../support/stack';
import { TcpProxy } from '../support/tcp-proxy';

jest.setTimeout(60_000);

/**
 * Readiness vs the inbound 12go webhook (hardening issue, item 7): the webhook stores through the request-path
 * Redis and the inbound queue's own connection, which reconnects on its own schedule. Here the queue
 * connection goes through a proxy the test takes down while the request path stays up — the state the BFF
 * is in for seconds after Redis returns. Readiness must not say ready while the webhook cannot store.
 */
describe('reliability: readiness is not ready before the 12go webhook can store', () => {
  const pathSecret = randomBytes(20).toString('hex');
  const redis = new URL(testRedisUrl());
  const proxy = new TcpProxy(Number(redis.port || 6379), redis.hostname);
  let stack: TestStack;
  let bid = 79_500_000 + Math.floor(Math.random() * 100_000);

  const ready = async (): Promise<any> => (await fetch(`${stack.bffUrl}/health/ready`)).json();
  const webhook = async (): Promise<number> => {
    const res = await fetch(`${stack.bffUrl}/webhooks/12go/${pathSecret}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({
        bid: bid++,
        type: 'booking_updated',
        stamp: Math.floor(Date.now() / 1000),
        new_data: { status: 'confirmed' },
        previous_data: { status: 'pending' },
      }),
    });
    await res.arrayBuffer();
    return res.status;
  };

  beforeAll(async () => {
    await proxy.start();
    stack = await startStack({
      env: {
        REDIS_QUEUE_URL: `redis://127.0.0.1:${proxy.port}${redis.pathname}`,
        TWELVEGO_WEBHOOK_PATH_SECRETS: pathSecret,
        NOTIFY_ENQUEUE_TIMEOUT_MS: '1000',
      },
      secrets: [pathSecret],
    });
  });
  afterAll(async () => {
    proxy.up(); // a failed run must not leave the BFF closing against a vanished Redis
    await stack?.close();
    await proxy.cut();
  });

  it('reports webhook_store down (not ready) while the queue connection is gone, and is ready only once the webhook stores', async () => {
    expect(await webhook()).toBe(200);
    expect((await ready()).status).toBe('ready');

    proxy.down();
    let status = 0;
    for (let i = 0; i < 40 && status !== 503; i++) {
      status = await webhook();
      if (status !== 503) await new Promise((r) => setTimeout(r, 250));
    }
    expect(status).toBe(503);
    const during = await ready();
    expect(during.checks.redis.status).toBe('up');
    expect(during.status).not.toBe('ready');
    expect(during.checks.webhook_store).toMatchObject({ status: 'down' });

    proxy.up();
    // The first moment readiness says ready, the webhook must store.
    let report: any;
    const deadline = Date.now() + 30_000;
    do {
      report = await ready();
      if (report.status === 'ready') break;
      await new Promise((r) => setTimeout(r, 50));
    } while (Date.now() < deadline);
    expect(report.status).toBe('ready');
    expect(await webhook()).toBe(200);
  });
});
