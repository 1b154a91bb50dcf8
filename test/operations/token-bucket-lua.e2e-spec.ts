import { randomUUID } from 'node:crypto';
import Redis from 'ioredis';
import { TOKEN_BUCKET_LUA } from '../../apps/connect-api/src/platform/rate-limit/token-bucket.lua';
import { testRedisUrl } from '../support/stack';

/** The Redis token bucket itself (the script every instance runs), on the real test Redis. */
describe('token-bucket Lua script', () => {
  const redis = new Redis(testRedisUrl(), { lazyConnect: true });
  const key = `test:tb-${randomUUID()}:rl:demo`;
  const take = async (rps: number, burst: number, cost: number) =>
    (await redis.eval(TOKEN_BUCKET_LUA, 1, key, rps, burst, cost)) as [number, string];

  beforeAll(() => redis.connect());
  afterAll(async () => {
    await redis.del(key);
    await redis.quit();
  });

  it('keeps a bucket in debt until the debt is repaid, not only for one refill from empty', async () => {
    // burst 10, 1 token/s: a 25-token charge leaves −15, which takes 25 s to be full again
    const [allowed, tokens] = await take(1, 10, 25);
    expect(allowed).toBe(1);
    expect(Number(tokens)).toBe(-15);
    expect(await redis.pttl(key)).toBeGreaterThan(25_000);
    const [next] = await take(1, 10, 1);
    expect(next).toBe(0);
  });

  it('leases whole tokens on top of an allowed charge only, as far as the bucket holds them', async () => {
    const leaseKey = `${key}-lease`;
    // One token per 1,000 s: no whole token comes back during the test.
    const charge = async (cost: number, lease: number) => {
      const [allowed, tokens, leased] = (await redis.eval(
        TOKEN_BUCKET_LUA,
        1,
        leaseKey,
        0.001,
        100,
        cost,
        lease,
      )) as [number, string, number];
      return [allowed, Math.floor(Number(tokens)), leased];
    };
    try {
      expect(await charge(1, 0)).toEqual([1, 99, 0]);
      expect(await charge(1, 32)).toEqual([1, 66, 32]);
      expect(await charge(60, 32)).toEqual([1, 0, 6]);
      expect(await charge(1, 32)).toEqual([0, 0, 0]);
    } finally {
      await redis.del(leaseKey);
    }
  });
});
