import { TwelveGoError } from '../errors/twelvego.errors';
import { isRetryableFailure, resolveRetryOptions, retryDelayMs } from './retry-policy';

const err = (init: Partial<ConstructorParameters<typeof TwelveGoError>[0]>) =>
  new TwelveGoError({ kind: 'server', operation: 'search', ...init });

describe('isRetryableFailure (docs/upstream-12go.md#timeouts-retries-and-breakers)', () => {
  it('retries network failures and 502/503/504 on idempotent GETs', () => {
    expect(isRetryableFailure(err({ kind: 'unavailable', networkCode: 'ECONNRESET' }))).toBe(true);
    expect(isRetryableFailure(err({ kind: 'timeout', networkCode: 'ETIMEDOUT' }))).toBe(true);
    for (const status of [502, 503, 504]) expect(isRetryableFailure(err({ status }))).toBe(true);
  });

  it('never retries a whole-response timeout, 500, 4xx, 429 or bad response', () => {
    expect(isRetryableFailure(err({ kind: 'timeout', networkCode: 'TIMEOUT' }))).toBe(false);
    expect(isRetryableFailure(err({ status: 500 }))).toBe(false);
    expect(isRetryableFailure(err({ kind: 'rate_limited', status: 429 }))).toBe(false);
    expect(isRetryableFailure(err({ kind: 'not_found', status: 404 }))).toBe(false);
    expect(isRetryableFailure(err({ kind: 'bad_response', status: 200 }))).toBe(false);
    expect(isRetryableFailure(err({ kind: 'circuit_open' }))).toBe(false);
  });

  it('never retries a call refused by a client that is shut down', () => {
    expect(isRetryableFailure(err({ kind: 'unavailable', networkCode: 'ESHUTDOWN' }))).toBe(false);
  });

  it.each(['addToCart', 'addToCartByBody', 'reserve', 'confirm', 'refund', 'recheck'] as const)(
    'never retries %s',
    (operation) => {
      expect(isRetryableFailure(err({ operation, kind: 'unavailable' }))).toBe(false);
      expect(isRetryableFailure(err({ operation, status: 503 }))).toBe(false);
    },
  );
});

describe('retryDelayMs', () => {
  const options = resolveRetryOptions();
  it('200 ms then 600 ms, ±50 % jitter', () => {
    expect(retryDelayMs(1, err({ status: 502 }), options, () => 0.5)).toBe(200);
    expect(retryDelayMs(2, err({ status: 502 }), options, () => 0.5)).toBe(600);
    expect(retryDelayMs(1, err({ status: 502 }), options, () => 0)).toBe(100);
    expect(retryDelayMs(1, err({ status: 502 }), options, () => 1)).toBe(300);
    expect(retryDelayMs(5, err({ status: 502 }), options, () => 0.5)).toBe(600);
  });
  it('honours a Retry-After ≤ 2 s on 503 and skips the retry when it is longer', () => {
    expect(retryDelayMs(1, err({ status: 503, retryAfterSec: 2 }), options, () => 0.5)).toBe(2000);
    expect(retryDelayMs(1, err({ status: 503, retryAfterSec: 3 }), options, () => 0.5)).toBeUndefined();
  });
});
