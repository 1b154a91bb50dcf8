import { Queue } from 'bullmq';
import { DedicatedRedis } from './support/redis-server';
import { WebhookReceiver, waitFor } from './support/webhook-receiver';
import { notifyClientsFile, startNotifyStack, twelvegoWebhook, type NotifyStack } from './support/notify-stack';

jest.setTimeout(60_000);

/** operations.md §6.5: Redis down → the receiver answers 503 and acknowledges nothing; recovery without restart. */
describe('12go webhook receiver while Redis is down', () => {
  const redis = new DedicatedRedis();
  const receiver = new WebhookReceiver();
  let n: NotifyStack;

  beforeAll(async () => {
    await redis.start();
    await receiver.start();
    const { file } = notifyClientsFile(receiver);
    n = await startNotifyStack({
      clientsFile: file,
      twelvegoBaseUrl: 'http://127.0.0.1:9',
      env: { REDIS_URL: redis.url, NOTIFICATIONS_WORKERS_ENABLED: 'false', NOTIFY_ENQUEUE_TIMEOUT_MS: '1000' },
    });
  });

  afterAll(async () => {
    await n?.close();
    await redis.destroy();
    await receiver.close();
  });

  const stored = async (jobId: string) => {
    const q = new Queue('notify-inbound', { connection: { host: '127.0.0.1', port: redis.port }, prefix: n.stack.queuePrefix });
    try {
      return await q.getJob(jobId);
    } finally {
      await q.close();
    }
  };

  it('answers 503 while Redis is unreachable and 200 again once it is back, without a restart', async () => {
    expect((await n.postInbound(twelvegoWebhook('70000201', 'booking_confirmed', 100))).status).toBe(200);
    expect(await stored('in-70000201-booking_confirmed-100')).toBeTruthy();

    await redis.stop();
    const started = Date.now();
    const down = await n.postInbound(twelvegoWebhook('70000202', 'booking_confirmed', 200));
    expect(down.status).toBe(503);
    expect(down.headers.get('retry-after')).toBeTruthy();
    expect(((await down.json()) as any).error.code).toBe('upstream_unavailable');
    expect(Date.now() - started).toBeLessThan(5000);
    // a duplicate of an acknowledged event is not mistaken for acknowledged while Redis is down
    expect((await n.postInbound(twelvegoWebhook('70000201', 'booking_confirmed', 100))).status).toBe(503);

    await redis.start();
    // 12go retries: the same notification is accepted once Redis answers again
    await waitFor(async () => (await n.postInbound(twelvegoWebhook('70000202', 'booking_confirmed', 200))).status === 200, 20_000, 'recovery');
    expect(await stored('in-70000202-booking_confirmed-200')).toBeTruthy();
  });
});
