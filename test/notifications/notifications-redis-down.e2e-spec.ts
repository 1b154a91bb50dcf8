import { Queue } from 'bullmq';
import { BookingOwnerStore } from '../../apps/connect-api/src/booking-owner/booking-owner.store';
import { DedicatedRedisNotify } from './support/dedicated-redis-notify';
import { createSandboxBooking } from './support/sandbox-booking';
import { waitFor, waitForItems } from './support/webhook-receiver';
import { twelvegoWebhook, type NotifyStack } from './support/notify-stack';
import type { ErrorJson } from './support/wire-types';

jest.setTimeout(60_000);

/** docs/operations.md#when-redis-is-down: Redis down → the receiver answers 503 and acknowledges nothing; recovery without restart. */
describe('12go webhook receiver while Redis is down', () => {
  const rig = new DedicatedRedisNotify();
  const { redis, receiver } = rig;
  let n: NotifyStack;
  let demoPath: string;

  beforeAll(async () => {
    n = await rig.start({ routeSandboxWebhooks: false, env: { NOTIFY_ENQUEUE_TIMEOUT_MS: '1000' } });
    demoPath = rig.demoPath;
  });

  afterAll(() => rig.close());

  const stored = async (jobId: string) => {
    const q = new Queue('notify-inbound', {
      connection: { host: '127.0.0.1', port: redis.port },
      prefix: n.stack.queuePrefix,
    });
    try {
      return await q.getJob(jobId);
    } finally {
      await q.close();
    }
  };

  it('answers 503 while Redis is unreachable and 200 again once it is back, without a restart', async () => {
    const booking = await createSandboxBooking(n.stack.sandboxUrl, 'sandbox-key-1');
    const owners = n.stack.app.get(BookingOwnerStore, { strict: false });
    expect(await owners.write(booking.bid, 'demo')).toBe(true);
    expect((await n.postInbound(twelvegoWebhook(booking.bid, 'booking_updated', 100))).status).toBe(200);
    await waitForItems(() => receiver.delivered(demoPath), 1, 15_000, 'delivery before the outage');

    await redis.stop();
    const down = await n.postInbound(twelvegoWebhook('70000202', 'booking_confirmed', 200));
    expect(down.status).toBe(503);
    expect(down.headers.get('retry-after')).toBeTruthy();
    expect(((await down.json()) as ErrorJson).error.code).toBe('upstream_unavailable');
    // answered by the bounded enqueue (NOTIFY_ENQUEUE_TIMEOUT_MS), not by a hang: a hang would be no answer at all
    // a duplicate of an acknowledged event is not mistaken for acknowledged while Redis is down
    expect((await n.postInbound(twelvegoWebhook(booking.bid, 'booking_updated', 100))).status).toBe(503);

    await redis.start();
    // 12go retries: the same notification is accepted once Redis answers again
    await waitFor(
      async () => (await n.postInbound(twelvegoWebhook('70000202', 'booking_confirmed', 200))).status === 200,
      20_000,
      'recovery',
    );
    expect(await stored('in-70000202-booking_confirmed-200')).toBeTruthy();

    // the workers reconnect on their own: a new event for a known booking is delivered (this Redis has no persistence)
    await waitFor(() => owners.write(booking.bid, 'demo'), 10_000, 'owner record rewritten');
    expect((await n.postInbound(twelvegoWebhook(booking.bid, 'booking_updated', 300))).status).toBe(200);
    await waitForItems(() => receiver.delivered(demoPath), 2, 20_000, 'delivery after recovery');
  });
});
