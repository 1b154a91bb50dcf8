import { randomUUID } from 'node:crypto';
import { openOwnerStore } from './support/owner-store';

const REDIS_URL = process.env.TEST_REDIS_URL || 'redis://127.0.0.1:6379/15';

describe('BookingOwnerStore (real Redis)', () => {
  const prefix = `test-owner-${randomUUID()}:`;
  let opened: Awaited<ReturnType<typeof openOwnerStore>>;

  beforeAll(async () => {
    opened = await openOwnerStore(REDIS_URL, prefix);
  });
  afterAll(async () => {
    const keys = await opened.redis.client.keys(`${prefix}*`);
    if (keys.length) await opened.redis.client.del(...keys);
    await opened.close();
  });

  it('writes booking:{bid} under the key prefix with client, creation time, departure and a TTL', async () => {
    const now = new Date('2026-06-01T03:00:00Z');
    expect(await opened.store.write('70000001', 'demo', { departureAt: '2026-06-04 05:00:00', now })).toBe(true);
    const raw = await opened.redis.client.hgetall(`${prefix}booking:70000001`);
    expect(raw).toEqual({ client_id: 'demo', created_at: '2026-06-01T03:00:00.000Z', departure_at: '2026-06-04 05:00:00' });
    const ttl = await opened.redis.client.ttl(`${prefix}booking:70000001`);
    expect(ttl).toBeGreaterThanOrEqual(30 * 86_400);
    expect(ttl).toBeLessThanOrEqual(400 * 86_400);
    expect(await opened.store.read('70000001')).toEqual({
      bid: '70000001',
      clientId: 'demo',
      createdAt: '2026-06-01T03:00:00.000Z',
      departureAt: '2026-06-04 05:00:00',
    });
  });

  it('keeps the first creation time on a rewrite', async () => {
    await opened.store.write('70000002', 'demo', { now: new Date('2026-06-01T00:00:00Z') });
    await opened.store.write('70000002', 'demo', { now: new Date('2026-06-02T00:00:00Z') });
    expect((await opened.store.read('70000002'))?.createdAt).toBe('2026-06-01T00:00:00.000Z');
  });

  it('answers null for an absent record', async () => {
    expect(await opened.store.read('99999999')).toBeNull();
  });

  it('reports a failed write as false instead of throwing', async () => {
    const broken = await openOwnerStore(REDIS_URL, `${prefix}broken:`);
    await broken.close();
    expect(await broken.store.write('70000003', 'demo')).toBe(false);
    await expect(broken.store.read('70000003')).rejects.toThrow();
  });
});
