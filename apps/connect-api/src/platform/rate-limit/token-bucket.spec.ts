import { decisionFrom, rateLimitHeaders, takeToken } from './token-bucket';

const limits = { rps: 2, burst: 3 };

describe('token bucket', () => {
  it('starts full, spends one token per request and refuses when empty', () => {
    let state;
    const allowed: boolean[] = [];
    for (let i = 0; i < 4; i++) {
      const step = takeToken(state, limits, 1_000);
      state = step.state;
      allowed.push(step.allowed);
    }
    expect(allowed).toEqual([true, true, true, false]);
    expect(state).toEqual({ tokens: 0, ts: 1_000 });
  });

  it('refills at rps up to burst', () => {
    const empty = { tokens: 0, ts: 0 };
    expect(takeToken(empty, limits, 499).allowed).toBe(false);
    const half = takeToken(empty, limits, 500);
    expect(half.allowed).toBe(true);
    expect(half.state.tokens).toBeCloseTo(0);
    expect(takeToken(empty, limits, 60_000).state.tokens).toBe(2);
  });

  it('never goes back in time', () => {
    const step = takeToken({ tokens: 1.5, ts: 2_000 }, limits, 1_000);
    expect(step.state).toEqual({ tokens: 0.5, ts: 2_000 });
  });

  it('derives RateLimit-* and Retry-After', () => {
    const ok = decisionFrom(1.4, true, limits, 'redis');
    expect(rateLimitHeaders(ok)).toEqual({
      'ratelimit-limit': '3',
      'ratelimit-remaining': '1',
      'ratelimit-reset': '1',
    });
    expect(ok.retryAfterSec).toBe(0);
    const refused = decisionFrom(0.2, false, { rps: 0.5 as number, burst: 3 }, 'local');
    expect(refused).toMatchObject({
      allowed: false,
      remaining: 0,
      retryAfterSec: 2,
      resetSec: 6,
      mode: 'local',
    });
    expect(decisionFrom(0.9, false, limits, 'redis').retryAfterSec).toBe(1);
  });
});
