import { randomBytes } from 'node:crypto';
import Redis from 'ioredis';
import { bffChildEnv } from '../support/bff-child-env';
import { startSandbox, type RunningSandbox } from '../support/stack';
import { spawnBff, type BffProcess } from './support/bff-process';
import { FAST_NOTIFY_ENV, notifyClientsFile, twelvegoWebhook } from './support/notify-stack';
import { DedicatedRedis } from './support/redis-server';
import { createSandboxBooking } from './support/sandbox-booking';
import { TcpProxy } from '../support/tcp-proxy';
import { WebhookReceiver, waitFor, waitForItems } from './support/webhook-receiver';

jest.setTimeout(90_000);

const SHUTDOWN_TIMEOUT_MS = 20_000;

/**
 * docs/operations.md#shutdown-and-restarts: SIGTERM exits 0 within its bounds even when Redis went away after boot. The BFF child
 * (production entry point, workers on) reaches a dedicated redis-server through a TCP proxy; after one event
 * was delivered and while a second delivery is in flight, the proxy is cut, then SIGTERM.
 */
describe('graceful shutdown after Redis was lost', () => {
  const redis = new DedicatedRedis();
  const receiver = new WebhookReceiver();
  let proxy: TcpProxy;
  let sandbox: RunningSandbox;
  let bff: BffProcess | undefined;
  let heldUntil = 0;

  beforeAll(async () => {
    await redis.start();
    proxy = new TcpProxy(redis.port);
    await proxy.start();
    await receiver.start();
    sandbox = await startSandbox({ SANDBOX_LATENCY_PROFILE: 'none' });
  });

  afterAll(async () => {
    if (bff && bff.proc.exitCode === null && bff.proc.signalCode === null) bff.proc.kill('SIGKILL');
    await bff?.exited;
    await proxy?.cut();
    // the receiver's held answer is a timer of its own
    await new Promise((r) => setTimeout(r, Math.max(0, heldUntil - Date.now())));
    await sandbox?.close();
    await receiver.close();
    await redis.destroy();
  });

  it('exits 0 promptly on SIGTERM although the notification workers and queues lost their Redis', async () => {
    const made = notifyClientsFile(receiver);
    const pathSecret = randomBytes(24).toString('hex');
    const keyPrefix = `test:shutdown-${randomBytes(4).toString('hex')}:`;
    bff = await spawnBff({
      ...bffChildEnv({
        sandboxUrl: sandbox.url,
        redisUrl: `redis://127.0.0.1:${proxy.port}/0`,
        keyPrefix,
        clientsFile: made.file,
      }),
      ...FAST_NOTIFY_ENV,
      SHUTDOWN_DRAIN_DELAY_MS: '0',
      SHUTDOWN_TIMEOUT_MS: String(SHUTDOWN_TIMEOUT_MS),
      TWELVEGO_WEBHOOK_PATH_SECRETS: pathSecret,
      NOTIFICATIONS_WORKERS_ENABLED: 'true',
    });
    const child = bff;

    // both queues and both workers are connected: one event goes all the way to the partner
    const direct = new Redis(redis.url);
    const first = await createSandboxBooking(sandbox.url, 'sandbox-key-1');
    const second = await createSandboxBooking(sandbox.url, 'sandbox-key-1');
    for (const b of [first, second]) await direct.hset(`${keyPrefix}booking:${b.bid}`, { client_id: 'demo' });
    direct.disconnect();
    const post = (bid: string, stamp: number) =>
      fetch(`${child.url}/webhooks/12go/${pathSecret}`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify(twelvegoWebhook(bid, 'booking_confirmed', stamp)),
      });
    expect((await post(first.bid, 1)).status).toBe(200);
    await waitForItems(() => receiver.delivered(made.clients.demo.path), 1, 20_000, 'first delivery');

    // the partner holds the second delivery open: a job is active when Redis goes away
    receiver.behave(() => {
      heldUntil = Date.now() + 1600;
      return { status: 200, delayMs: 1500 };
    });
    expect((await post(second.bid, 2)).status).toBe(200);
    await waitFor(() => receiver.at(made.clients.demo.path).length >= 2, 20_000, 'second delivery in flight');
    expect(proxy.connections).toBeGreaterThan(0);
    await proxy.cut();
    await new Promise((r) => setTimeout(r, 300)); // the connections notice and start reconnecting

    child.proc.kill('SIGTERM');
    let timer: NodeJS.Timeout | undefined;
    const deadline = new Promise((r) => (timer = setTimeout(() => r('still running'), SHUTDOWN_TIMEOUT_MS)));
    const outcome = await Promise.race([child.exited, deadline]);
    clearTimeout(timer);
    expect({ outcome, output: outcome === 0 ? '' : child.output().slice(-2000) }).toEqual({
      outcome: 0,
      output: '',
    });
    // the exit came before the hard stop (the race above), bounded by the delivery in flight and the close grace
    expect(child.output()).toContain('shutdown.complete');
    expect(child.output()).not.toContain('shutdown.timeout');
    expect(child.output()).toContain('notify.worker_close_forced');
  });
});
