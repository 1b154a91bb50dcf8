import { randomUUID } from 'node:crypto';
import { BookingOwnerStore } from '../../apps/connect-api/src/booking-owner/booking-owner.store';
import { ReconcileWatchList } from '../../apps/connect-api/src/booking-owner/reconcile-watch-list';
import type { AppConfig } from '../../apps/connect-api/src/platform/config/app-config';
import { startStack, type TestStack } from '../support/stack';
import { openOwnerStore } from './support/owner-store';

describe('BookingOwnerStore (real Redis)', () => {
  const prefix = `test-owner-${randomUUID()}:`;
  let stack: TestStack;
  let opened: Awaited<ReturnType<typeof openOwnerStore>>;

  beforeAll(async () => {
    // no 12go calls here: the BFF only provides its platform pieces (config, logger)
    stack = await startStack({ twelvegoBaseUrl: 'http://127.0.0.1:9' });
    opened = await openOwnerStore(stack, prefix);
  });
  afterAll(async () => {
    const keys = await opened.redis.client.keys(`${prefix}*`);
    if (keys.length) await opened.redis.client.del(...keys);
    await opened.close();
    await stack.close();
  });

  it('writes booking:{bid} under the key prefix with client, creation time, departure and a TTL', async () => {
    const now = new Date('2026-06-01T03:00:00Z');
    expect(await opened.store.write('70000001', 'demo', { departureAt: '2026-06-04 05:00:00', now })).toBe(
      true,
    );
    const raw = await opened.redis.client.hgetall(`${prefix}booking:70000001`);
    expect(raw).toEqual({
      client_id: 'demo',
      created_at: '2026-06-01T03:00:00.000Z',
      departure_at: '2026-06-04 05:00:00',
    });
    const ttl = await opened.redis.client.ttl(`${prefix}booking:70000001`);
    expect(ttl).toBeGreaterThanOrEqual(30 * 86_400);
    expect(ttl).toBeLessThanOrEqual(400 * 86_400);
    expect(await opened.store.read('70000001')).toEqual({
      bid: '70000001',
      clientId: 'demo',
      createdAt: '2026-06-01T03:00:00.000Z',
      departureAt: '2026-06-04 05:00:00',
      origin: null,
    });
  });

  it("records who wrote it: CreateBooking's claim is `booking`, the owner probe says `probe`", async () => {
    expect(await opened.store.claim('70000021', 'demo')).toEqual({ outcome: 'written' });
    expect((await opened.store.read('70000021'))?.origin).toBe('booking');
    expect(await opened.store.write('70000022', 'demo', { origin: 'probe' })).toBe(true);
    expect((await opened.store.read('70000022'))?.origin).toBe('probe');
    expect(await opened.store.write('70000023', 'demo')).toBe(true);
    expect((await opened.store.read('70000023'))?.origin).toBeNull();
  });

  it('keeps the first creation time on a rewrite', async () => {
    await opened.store.write('70000002', 'demo', { now: new Date('2026-06-01T00:00:00Z') });
    await opened.store.write('70000002', 'demo', { now: new Date('2026-06-02T00:00:00Z') });
    expect((await opened.store.read('70000002'))?.createdAt).toBe('2026-06-01T00:00:00.000Z');
  });

  it('answers null for an absent record', async () => {
    expect(await opened.store.read('99999999')).toBeNull();
  });

  it('is the store the BFF itself uses, with its key prefix', async () => {
    const own = stack.app.get(BookingOwnerStore, { strict: false });
    expect(await own.write('70000009', 'demo-b')).toBe(true);
    expect(await opened.redis.client.hget(`${stack.keyPrefix}booking:70000009`, 'client_id')).toBe('demo-b');
  });

  it('reports a failed write as false instead of throwing', async () => {
    const broken = await openOwnerStore(stack, `${prefix}broken:`);
    await broken.close();
    expect(await broken.store.write('70000003', 'demo')).toBe(false);
    await expect(broken.store.read('70000003')).rejects.toThrow();
  });

  it('has the reconciler watch every record it writes, by write or by claim, but not a bid another client holds', async () => {
    const config = {
      RECONCILE_ENABLED: true,
      RECONCILE_INTERVAL_MS: 60_000,
      BOOKING_OWNER_GRACE_DAYS: 30,
    } as AppConfig;
    const watchList = new ReconcileWatchList(opened.redis, config);
    const store = new BookingOwnerStore(opened.redis, config, watchList);

    expect(await store.write('70000010', 'demo')).toBe(true);
    expect(await store.claim('70000011', 'demo')).toEqual({ outcome: 'written' });
    expect(await watchList.enrolledAt('70000010')).not.toBeNull();
    expect(await watchList.enrolledAt('70000011')).not.toBeNull();

    expect(await opened.store.write('70000012', 'demo-b')).toBe(true); // a store without a watch list
    expect(await store.claim('70000012', 'demo')).toEqual({ outcome: 'held_by_other', heldBy: 'demo-b' });
    expect(await watchList.enrolledAt('70000012')).toBeNull();
  });
});
