import { BucketLimits, BucketState, takeToken } from './token-bucket';
import { LEASE_TTL_MS, maxLease, TokenLeases } from './token-leases';

/** The Redis script's arithmetic (token-bucket.lua.ts): the charge, then whole tokens leased on top. */
function redisCharge(
  bucket: { state?: BucketState },
  limits: BucketLimits,
  now: number,
  cost: number,
  lease: number,
) {
  const step = takeToken(bucket.state, limits, now, cost);
  let granted = 0;
  if (step.allowed && lease > 0 && step.state.tokens >= 1) {
    granted = Math.min(lease, Math.floor(step.state.tokens));
    step.state.tokens -= granted;
  }
  bucket.state = step.state;
  return { allowed: step.allowed, tokens: step.state.tokens, granted };
}

/** One instance's charge as ClientRateLimiter.take makes it: the lease first, else Redis. */
function charge(
  leases: TokenLeases,
  bucket: { state?: BucketState },
  limits: BucketLimits,
  now: number,
  cost = 1,
) {
  const local = leases.spend('c', limits, cost, now);
  if (local) return { allowed: true, redis: false, remaining: local.remaining };
  const ask = leases.toAsk('c', limits, now);
  const r = redisCharge(bucket, limits, now, cost, ask);
  const left = leases.granted('c', ask, r.granted, r.tokens, now);
  return { allowed: r.allowed, redis: true, remaining: Math.floor(r.allowed ? left : r.tokens) };
}

describe('rate-limit token leases', () => {
  const big = { rps: 100, burst: 1000 };

  it('leases nothing for buckets under 100 tokens: every charge asks Redis', () => {
    expect(maxLease({ rps: 0.1, burst: 3 })).toBe(0);
    expect(maxLease({ rps: 5, burst: 20 })).toBe(0);
    expect(maxLease({ rps: 10, burst: 99 })).toBe(0);
    expect(maxLease({ rps: 10, burst: 100 })).toBe(2);
    expect(maxLease(big)).toBe(20);
    expect(maxLease({ rps: 1e6, burst: 1e6 })).toBe(32);
    const leases = new TokenLeases();
    const bucket = {};
    const small = { rps: 1, burst: 20 };
    const calls = Array.from({ length: 25 }, (_, i) => charge(leases, bucket, small, i));
    expect(calls.every((c) => c.redis)).toBe(true);
    expect(calls.map((c) => c.allowed).filter(Boolean)).toHaveLength(20);
  });

  it('a busy client spends leased tokens locally and asks Redis about once per lease', () => {
    const leases = new TokenLeases();
    const bucket = {};
    // 200 requests per second on this instance for 2 s.
    const calls = Array.from({ length: 400 }, (_, i) => charge(leases, bucket, big, i * 5));
    expect(calls.every((c) => c.allowed)).toBe(true);
    const redisCalls = calls.filter((c) => c.redis).length;
    expect(redisCalls).toBeLessThan(60);
    // Remaining never exceeds the bucket and goes down while the client spends faster than the refill.
    expect(Math.max(...calls.map((c) => c.remaining))).toBeLessThanOrEqual(big.burst);
    expect(calls[399].remaining).toBeLessThan(calls[0].remaining);
  });

  it('a slow client never leases (no token is forfeited)', () => {
    const leases = new TokenLeases();
    const bucket: { state?: BucketState } = {};
    const calls = Array.from({ length: 20 }, (_, i) => charge(leases, bucket, big, i * 1500));
    expect(calls.every((c) => c.redis && c.allowed)).toBe(true);
    expect(bucket.state!.tokens).toBe(big.burst - 1);
  });

  it('forfeits an expired lease instead of spending it late, and asks for less next time', () => {
    const leases = new TokenLeases();
    const bucket: { state?: BucketState } = {};
    for (let i = 0; i < 100; i++) charge(leases, bucket, big, i); // 100 requests in 100 ms: leases of up to 20
    const late = 100 + LEASE_TTL_MS + 1;
    expect(leases.spend('c', big, 1, late)).toBeUndefined();
    expect(leases.toAsk('c', big, late)).toBeLessThanOrEqual(maxLease(big));
  });

  it('one lease at a time: a charge does not ask while another one is asking', () => {
    const leases = new TokenLeases();
    for (let i = 0; i < 10; i++) leases.spend('c', big, 1, i);
    const first = leases.toAsk('c', big, 10);
    expect(first).toBeGreaterThan(0);
    expect(leases.toAsk('c', big, 10)).toBe(0);
    leases.abandoned('c', first); // Redis failed: the next charge may ask again
    expect(leases.toAsk('c', big, 11)).toBeGreaterThan(0);
  });

  it('across instances a client over its limit is refused, admitted at most burst + rps × t + instances × lease', () => {
    const limits = { rps: 50, burst: 500 };
    const bucket: { state?: BucketState } = {};
    const fleet = [new TokenLeases(), new TokenLeases(), new TokenLeases()];
    let admitted = 0;
    let refused = 0;
    // 3 instances × 400 requests/s for 3 s against 50 tokens/s.
    for (let t = 0; t < 3000; t++) {
      for (const [i, leases] of fleet.entries()) {
        if ((t + i) % 3 !== 0) continue;
        const r = charge(leases, bucket, limits, t);
        if (r.allowed) admitted++;
        else refused++;
      }
    }
    expect(refused).toBeGreaterThan(2000);
    expect(admitted).toBeLessThanOrEqual(limits.burst + limits.rps * 3 + fleet.length * maxLease(limits));
    // ...and the leases cost the client little: it got nearly what the bucket allows.
    expect(admitted).toBeGreaterThanOrEqual(limits.burst + limits.rps * 3 - fleet.length * maxLease(limits));
  });

  it('a charge of several tokens larger than the lease goes to Redis', () => {
    const leases = new TokenLeases();
    const bucket = {};
    for (let i = 0; i < 10; i++) charge(leases, bucket, big, i);
    expect(charge(leases, bucket, big, 11, 50).redis).toBe(true);
  });

  it('limits lowered by a reload: a lease above the new cap is cut, and one under the leasing size is dropped', () => {
    const leases = new TokenLeases();
    const bucket = {};
    const huge = { rps: 1e4, burst: 1e5 };
    for (let i = 0; i < 200; i++) charge(leases, bucket, huge, i); // busy: the lease grows to 32
    const before = leases.spend('c', huge, 0, 200, false);
    expect(before).toBeDefined();
    // 5,000 → a cap of 4: at most 4 tokens of the old lease are spent
    const lowered = { rps: 100, burst: 200 };
    const spent = Array.from({ length: 10 }, () => leases.spend('c', lowered, 1, 201, false)).filter(Boolean);
    expect(spent).toHaveLength(maxLease(lowered));
    // under 100 tokens: no lease is left to add to Redis's figure in the headers
    const small = { rps: 5, burst: 20 };
    expect(leases.spend('c', small, 1, 202)).toBeUndefined();
    expect(leases.granted('c', 0, 0, 7, 203)).toBe(7);
  });
});
