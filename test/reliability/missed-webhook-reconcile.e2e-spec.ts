import Redis from 'ioredis';
import { BookingOwnerStore } from '../../apps/connect-api/src/booking-owner/booking-owner.store';
import { ReconcileWatchList } from '../../apps/connect-api/src/booking-owner/reconcile-watch-list';
import { partnerEventId } from '../../apps/connect-api/src/notifications/queueing/partner-event.mapper';
import { DedicatedRedisNotify } from '../notifications/support/dedicated-redis-notify';
import {
  confirmSandboxBooking,
  createSandboxBooking,
  getSandboxBooking,
} from '../notifications/support/sandbox-booking';
import { waitFor, waitForItems } from '../notifications/support/webhook-receiver';
import type { NotifyStack } from '../notifications/support/notify-stack';
import type { EventJson } from '../notifications/support/wire-types';

jest.setTimeout(120_000);

const INTERVAL_MS = 500;

interface SandboxWebhookAttempt {
  bid: number;
  type: string;
  status: string;
  attempt: number;
  httpStatus: number | null;
  outcome: string;
}

/**
 * Attack: Redis goes away exactly while 12go announces a confirmation. The 12go webhook is answered 503
 * (nothing stored), the sender retries and gives up; once Redis is back the reconciler must still tell the
 * partner — once, with the event id the webhook would have produced, and not again when the real webhook
 * turns up late.
 */
describe('a 12go webhook lost during a Redis outage still reaches the partner (reconciliation)', () => {
  // AOF with fsync on every write: the outage loses the connection, not the data (as with a Redis failover)
  const rig = new DedicatedRedisNotify(['--appendonly', 'yes', '--appendfsync', 'always']);
  const { redis, receiver } = rig;
  let n: NotifyStack;
  let demoPath: string;
  let inspect: Redis;

  beforeAll(async () => {
    n = await rig.start({
      env: {
        NOTIFY_ENQUEUE_TIMEOUT_MS: '1000',
        RECONCILE_ENABLED: 'true',
        RECONCILE_INTERVAL_MS: String(INTERVAL_MS),
        RECONCILE_RATE_PER_S: '20',
      },
      // the sandbox as 12go: a short retry schedule it gives up after, a short operator answer
      sandboxEnv: { SANDBOX_WEBHOOK_RETRY_DELAYS_MS: '100,200,400', SANDBOX_CONFIRM_DELAY_MS: '1500' },
    });
    demoPath = rig.demoPath;
    inspect = new Redis(redis.url, { lazyConnect: true, maxRetriesPerRequest: 1 });
    await inspect.connect();
  });

  afterAll(async () => {
    inspect?.disconnect();
    await rig.close();
  });

  const webhookLog = async (bid: string): Promise<SandboxWebhookAttempt[]> => {
    const all = (await (await n.stack.sandboxAdmin('/webhooks')).json()) as SandboxWebhookAttempt[];
    return all.filter((a) => String(a.bid) === bid);
  };

  it('delivers booking.confirmed once after Redis returns, and a late real webhook adds nothing', async () => {
    const booking = await createSandboxBooking(n.stack.sandboxUrl, 'sandbox-key-1', 'OKPEND');
    const owners = n.stack.app.get(BookingOwnerStore, { strict: false });
    expect(await owners.write(booking.bid, 'demo', { departureAt: booking.departure })).toBe(true);
    const ownerKey = `${n.stack.keyPrefix}booking:${booking.bid}`;
    // the reconciler has looked once: the partner knows the reservation (nothing to tell)
    await waitFor(
      async () => (await inspect.hget(ownerKey, 'notified_status')) === 'pending_client_confirmation',
      20_000,
      'first reconcile pass',
    );

    inspect.disconnect();
    await redis.stop();
    // OKPEND: pending at once, confirmed by the operator 1.5 s later; both webhooks meet a 503 and are dropped
    await confirmSandboxBooking(n.stack.sandboxUrl, booking);
    const dropped = await waitFor(
      async () =>
        (await webhookLog(booking.bid)).find(
          (a) => a.type === 'booking_confirmed' && a.outcome === 'dropped',
        ),
      30_000,
      'the sandbox giving up the booking_confirmed webhook',
    );
    const confirmedAttempts = (await webhookLog(booking.bid)).filter((a) => a.type === 'booking_confirmed');
    expect(confirmedAttempts.length).toBe(4);
    expect(confirmedAttempts.every((a) => a.httpStatus === 503)).toBe(true);
    expect(dropped.status).toBe('confirmed');
    expect(receiver.at(demoPath)).toHaveLength(0);
    const upstream = await getSandboxBooking(n.stack.sandboxUrl, booking);
    expect(upstream.status).toBe('confirmed');

    await redis.start();
    await inspect.connect();
    const [delivery] = await waitForItems(
      () => receiver.delivered(demoPath),
      1,
      60_000,
      'reconciled delivery',
    );
    const event = JSON.parse(delivery.body) as EventJson;
    expect(event.type).toBe('booking.confirmed');
    expect(event.data.status).toBe('approved');
    expect(event.data.booking_id).toBe(booking.bid);
    // the id the webhook path derives from (client, bid, type, stamp)
    const expectedId = partnerEventId('demo', booking.bid, 'booking_confirmed', String(upstream.stamp));
    expect(event.id).toBe(expectedId);
    expect(delivery.headers['webhook-id']).toBe(expectedId);
    expect(n.stack.logs.lines().some((l) => l.msg === 'reconcile.emitted' && l.bid === booking.bid)).toBe(
      true,
    );

    // 12go's webhook turns up late (same stamp): the BFF acknowledges it as a duplicate
    const resent = await n.stack.sandboxAdmin(`/bookings/${booking.bid}/webhook`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ type: 'booking_confirmed' }),
    });
    expect(resent.status).toBe(200);
    await waitFor(
      async () =>
        (await webhookLog(booking.bid)).some(
          (a) => a.type === 'booking_confirmed' && a.outcome === 'delivered' && a.httpStatus === 200,
        ),
      20_000,
      'the late webhook accepted',
    );
    // several reconcile ticks and the whole delivery pipeline get the chance to send a second copy
    await new Promise((r) => setTimeout(r, INTERVAL_MS * 8));
    expect(receiver.at(demoPath)).toHaveLength(1);
    expect(
      n.stack.logs
        .lines()
        .filter((l) => l.msg === 'webhook.inbound' && l.result === 'duplicate' && l.bid === booking.bid),
    ).toHaveLength(1);
    expect(await inspect.hget(ownerKey, 'notified_status')).toBe('confirmed');
  });
  it('keeps its index bounded and stays silent while the webhooks arrive', async () => {
    const watch = n.stack.app.get(ReconcileWatchList, { strict: false });
    // one key slot: both sets carry the `{reconcile}` hash tag
    expect(watch.dueKey).toBe(`${n.stack.keyPrefix}{reconcile}:due`);
    expect(watch.sinceKey).toBe(`${n.stack.keyPrefix}{reconcile}:since`);
    // an entry beyond RECONCILE_MAX_AGE_DAYS (7) is dropped without a 12go call
    await watch.enroll('79999991', Date.now() - 8 * 86_400_000);
    await waitFor(async () => (await inspect.zscore(watch.sinceKey, '79999991')) === null, 20_000, 'pruning');
    expect(await inspect.zscore(watch.dueKey, '79999991')).toBeNull();

    // OPCANC: confirmed, then cancelled by the operator; Redis is up, so the webhooks carry both
    const receivedBefore = receiver.at(demoPath).length;
    const booking = await createSandboxBooking(n.stack.sandboxUrl, 'sandbox-key-1', 'OPCANC');
    const owners = n.stack.app.get(BookingOwnerStore, { strict: false });
    expect(await owners.write(booking.bid, 'demo', { departureAt: booking.departure })).toBe(true);
    expect(await inspect.zscore(watch.dueKey, booking.bid)).not.toBeNull();
    await confirmSandboxBooking(n.stack.sandboxUrl, booking);
    // a final status, once the partner has it, takes the booking off the index
    await waitFor(
      async () => (await inspect.zscore(watch.dueKey, booking.bid)) === null,
      30_000,
      'the cancelled booking leaving the index',
    );
    await waitForItems(() => receiver.delivered(demoPath).slice(receivedBefore), 2, 20_000, 'two events');
    await new Promise((r) => setTimeout(r, INTERVAL_MS * 6));
    const events = receiver
      .at(demoPath)
      .slice(receivedBefore)
      .map((d) => (JSON.parse(d.body) as EventJson).type);
    expect(events.sort()).toEqual(['booking.cancelled', 'booking.confirmed']);
    expect(await inspect.zscore(watch.sinceKey, booking.bid)).toBeNull();
    expect(await inspect.hget(`${n.stack.keyPrefix}booking:${booking.bid}`, 'notified_status')).toBe(
      'cancelled',
    );
  });
  it('moves the notified status only forward and never creates an owner record', async () => {
    const watch = n.stack.app.get(ReconcileWatchList, { strict: false });
    const owners = n.stack.app.get(BookingOwnerStore, { strict: false });
    expect(await watch.recordNotified('79999992', { status: 'confirmed', stamp: 10 })).toBe(false);
    expect(await inspect.exists(`${n.stack.keyPrefix}booking:79999992`)).toBe(0);

    expect(await owners.write('79999993', 'demo')).toBe(true);
    expect(await watch.recordNotified('79999993', { status: 'cancelled', stamp: 20 })).toBe(true);
    // an older webhook processed late does not roll the record back
    expect(await watch.recordNotified('79999993', { status: 'confirmed', stamp: 10 })).toBe(false);
    expect(await watch.lastNotified('79999993')).toEqual({ status: 'cancelled', stamp: 20 });
    expect((await owners.read('79999993'))?.clientId).toBe('demo');
  });
});
