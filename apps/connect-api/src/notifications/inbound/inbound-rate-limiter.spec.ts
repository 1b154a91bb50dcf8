import { InboundRateLimiter } from './inbound-rate-limiter';

describe('InboundRateLimiter', () => {
  it('allows the per-second budget, then refuses until time passes', () => {
    let now = 0;
    const limiter = new InboundRateLimiter(3, () => now);
    expect([limiter.tryTake(), limiter.tryTake(), limiter.tryTake(), limiter.tryTake()]).toEqual([
      true,
      true,
      true,
      false,
    ]);
    now += 400;
    expect(limiter.tryTake()).toBe(true);
    expect(limiter.tryTake()).toBe(false);
    now += 10_000;
    expect([limiter.tryTake(), limiter.tryTake(), limiter.tryTake(), limiter.tryTake()]).toEqual([
      true,
      true,
      true,
      false,
    ]);
  });
});
