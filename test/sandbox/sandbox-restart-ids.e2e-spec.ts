/* eslint-disable @typescript-eslint/no-explicit-any -- JSON bodies and log lines are walked dynamically */
import { randomBytes } from 'node:crypto';
import { deleteKeysWithPrefixes, startStack, testRedisTargets, type TestStack } from '../support/stack';
import {
  FunnelClient,
  fillBookingData,
  scenarioItineraryId,
  travelDate,
} from '../booking/support/funnel.helpers';
import { appOwnerStore } from '../post-booking/support/owner-store';

/**
 * Two `npm start`-like cycles (a fresh sandbox and BFF each time) on one Redis key space: the BFF keeps the
 * previous cycle's cart state and owner records, so a sandbox that restarted its id sequences would make the
 * next CreateBooking collide with them.
 */
describe('sandbox restarts on the same BFF Redis', () => {
  const id = randomBytes(5).toString('hex');
  const prefixes = { REDIS_KEY_PREFIX: `test:restart-${id}:`, QUEUE_PREFIX: `{tq-restart-${id}}` };
  afterAll(() => deleteKeysWithPrefixes(testRedisTargets(), Object.values(prefixes)));

  async function withCycle<T>(sandboxEnv: Record<string, string>, run: (stack: TestStack) => Promise<T>) {
    const stack = await startStack({
      env: prefixes,
      sandboxEnv: { SANDBOX_CONFIRM_DELAY_MS: '300', ...sandboxEnv },
    });
    try {
      return await run(stack);
    } finally {
      await stack.close();
    }
  }

  async function bookAndConfirm(stack: TestStack, api: FunnelClient) {
    const date = await travelDate(stack);
    const opened = await api.itinerary(scenarioItineraryId('OKINST', date));
    expect(opened.status).toBe(200);
    const it0 = opened.body.itineraries[0];
    const booking = await api.book({
      booking_token: it0.booking_token,
      booking_data: fillBookingData(it0.booking_schema, 1),
    });
    expect(booking.status).toBe(200);
    const confirmed = await api.confirm(booking.body.id);
    expect(confirmed.status).toBe(200);
    expect(confirmed.body.status).toBe('approved');
    return booking.body.id as string;
  }

  it('each cycle books and confirms with ids of its own (default id base = start time)', async () => {
    // Blank = the default, derived from the start time (the harness pins 0 otherwise).
    const first = await withCycle({ SANDBOX_ID_BASE: '' }, (s) => bookAndConfirm(s, new FunnelClient(s)));
    await new Promise((r) => setTimeout(r, 5));
    const second = await withCycle({ SANDBOX_ID_BASE: '' }, (s) => bookAndConfirm(s, new FunnelClient(s)));
    expect(second).not.toBe(first);
  });

  it('CreateBooking never overwrites an owner record of another client for its new bid, and logs both ids', async () => {
    const pinned = { SANDBOX_ID_BASE: '910000' };
    const bid = String(70000001 + 910000);
    await withCycle(pinned, async (s) => {
      await bookAndConfirm(s, new FunnelClient(s));
      expect((await appOwnerStore(s).read(bid))?.clientId).toBe('demo');
    });
    // The cart records (hours) expire long before the owner records (30+ days): without them the repeated cart
    // id is new to the BFF, and only the repeated bid can collide.
    await deleteKeysWithPrefixes(testRedisTargets(), [`${prefixes.REDIS_KEY_PREFIX}schema:`]);
    await withCycle(pinned, async (s) => {
      // Same pinned base: the restarted sandbox hands out the same bid again, this time to demo-b.
      const other = new FunnelClient(s, 'demo-b', s.demoBKey);
      const date = await travelDate(s);
      const it0 = (await other.itinerary(scenarioItineraryId('OKINST', date))).body.itineraries[0];
      const booking = await other.book({
        booking_token: it0.booking_token,
        booking_data: fillBookingData(it0.booking_schema, 1),
      });
      expect(booking.status).toBe(200);
      expect((await appOwnerStore(s).read(bid))?.clientId).toBe('demo');
      const conflict = s.logs.lines().find((l: any) => l.event === 'booking_owner.conflict');
      expect(conflict).toMatchObject({ level: 'error', bid, client_id: 'demo-b', owner_client_id: 'demo' });
    });
  });
});
