import type { AppLogger } from '../logging/app-logger';
import type { MetricsService } from '../metrics/metrics.service';
import type { RedisService } from '../redis/redis.service';
import { ClientRateLimiter } from './client-rate-limiter';
import { BucketState, takeToken } from './token-bucket';

/** A Redis whose token-bucket script is the same arithmetic in memory, answering after a tick. */
function fakeRedis() {
  let state: BucketState | undefined;
  const fault = { failAfterMs: -1 };
  const calls: number[] = [];
  const client = {
    defineCommand: () => undefined,
    tcTokenBucket: async (_key: string, rps: number, burst: number, cost: number, lease: number) => {
      calls.push(lease);
      if (fault.failAfterMs >= 0) {
        await new Promise((r) => setTimeout(r, fault.failAfterMs));
        throw new Error('Command timed out');
      }
      await new Promise((r) => setImmediate(r));
      const step = takeToken(state, { rps, burst }, Date.now(), cost);
      let leased = 0;
      if (step.allowed && lease > 0 && step.state.tokens >= 1) {
        leased = Math.min(lease, Math.floor(step.state.tokens));
        step.state.tokens -= leased;
      }
      state = step.state;
      return [step.allowed ? 1 : 0, String(state.tokens), leased];
    },
  };
  const redis = { client, keyPrefix: 'p:', run: (_: string, fn: (c: unknown) => unknown) => fn(client) };
  return { redis: redis as unknown as RedisService, calls, fault };
}

describe('ClientRateLimiter with token leases', () => {
  const limiterWith = (redis: RedisService) =>
    new ClientRateLimiter(
      redis,
      { increment: () => undefined } as unknown as MetricsService,
      { forContext: () => ({ warn: () => undefined, log: () => undefined }) } as unknown as AppLogger,
    );

  it('concurrent requests wait for the lease being asked for instead of each asking Redis', async () => {
    const { redis, calls } = fakeRedis();
    const limiter = limiterWith(redis);
    const limits = { rps: 1000, burst: 10_000 };
    // A busy second: 64 requests one after the other make the next lease 32 tokens.
    for (let i = 0; i < 64; i++) expect((await limiter.take('c', limits)).allowed).toBe(true);
    const before = calls.length;
    const burst = await Promise.all(Array.from({ length: 60 }, () => limiter.take('c', limits)));
    expect(burst.every((d) => d.allowed)).toBe(true);
    expect(calls.length - before).toBeLessThanOrEqual(2);
  });

  it('small buckets ask Redis on every request, with no lease', async () => {
    const { redis, calls } = fakeRedis();
    const limiter = limiterWith(redis);
    const decisions = await Promise.all(
      Array.from({ length: 5 }, () => limiter.take('c', { rps: 0.1, burst: 3 })),
    );
    expect(decisions.map((d) => d.allowed)).toEqual([true, true, true, false, false]);
    expect(calls).toEqual([0, 0, 0, 0, 0]);
  });

  it('when Redis hangs, requests waiting for a lease fall back with the asker: one command timeout each, not two', async () => {
    const { redis, calls, fault } = fakeRedis();
    const limiter = limiterWith(redis);
    const limits = { rps: 1000, burst: 10_000 };
    for (let i = 0; i < 64; i++) await limiter.take('c', limits);
    // the lease runs out; Redis now answers nothing for 40 ms, then fails (REDIS_COMMAND_TIMEOUT_MS)
    await new Promise((r) => setTimeout(r, 1_100));
    fault.failAfterMs = 40;
    const before = calls.length;
    const decisions = await Promise.all(Array.from({ length: 16 }, () => limiter.take('c', limits)));
    expect(decisions.every((d) => d.allowed && d.mode === 'local')).toBe(true);
    // only the request that asked for the lease waited on Redis; on the old code each waiter asked again
    expect(calls.length - before).toBe(1);
  });
});
