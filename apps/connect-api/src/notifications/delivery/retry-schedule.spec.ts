import { parseDurationList, parseRetryAfter, retryDelayMs } from './retry-schedule';

const SPEC_SCHEDULE = '30s,1m,5m,15m,30m,1h,2h,4h,8h,8h';

describe('retry schedule (docs/contract/webhooks.md#delivery-and-retries)', () => {
  it('parses the default delivery schedule into 10 waits (11 attempts)', () => {
    expect(parseDurationList(SPEC_SCHEDULE)).toEqual([
      30_000, 60_000, 300_000, 900_000, 1_800_000, 3_600_000, 7_200_000, 14_400_000, 28_800_000, 28_800_000,
    ]);
    expect(parseDurationList('100ms, 2s,1min,1d')).toEqual([100, 2000, 60_000, 86_400_000]);
    expect(parseDurationList('250')).toEqual([250]);
  });

  it('rejects malformed schedules', () => {
    expect(() => parseDurationList('')).toThrow();
    expect(() => parseDurationList('30x')).toThrow();
    expect(() => parseDurationList('1m,,-5s')).toThrow();
  });

  it('waits the schedule entry for the attempt, with ±10 % jitter', () => {
    const s = parseDurationList(SPEC_SCHEDULE);
    expect(retryDelayMs(s, 1, 0.5)).toBe(30_000);
    expect(retryDelayMs(s, 1, 0)).toBe(27_000);
    expect(retryDelayMs(s, 1, 0.999999)).toBeLessThanOrEqual(33_000);
    expect(retryDelayMs(s, 3, 0.5)).toBe(300_000);
    expect(retryDelayMs(s, 10, 0.5)).toBe(28_800_000);
    expect(retryDelayMs(s, 99, 0.5)).toBe(28_800_000);
  });

  it('lets Retry-After lengthen the wait, never shorten it, capped at 1 h', () => {
    const s = [1000, 2000];
    expect(retryDelayMs(s, 1, 0.5, 5000)).toBe(5000);
    expect(retryDelayMs(s, 1, 0.5, 10)).toBe(1000);
    expect(retryDelayMs(s, 1, 0.5, 7_200_000)).toBe(3_600_000);
    expect(retryDelayMs([7_200_000], 1, 0.5, 60_000)).toBe(7_200_000);
  });

  it('reads Retry-After as seconds or as an HTTP date', () => {
    const now = Date.parse('2026-05-04T09:00:00Z');
    expect(parseRetryAfter('3', now)).toBe(3000);
    expect(parseRetryAfter('Mon, 04 May 2026 09:00:30 GMT', now)).toBe(30_000);
    expect(parseRetryAfter('soon', now)).toBeUndefined();
    expect(parseRetryAfter(undefined, now)).toBeUndefined();
  });
});
