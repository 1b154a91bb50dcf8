import type { TwelveGoError } from '../errors/twelvego.errors';
import type { TwelveGoRetryOptions } from '../twelvego-client.options';
import type { TwelveGoOperation } from '../twelvego-operation';

/** docs/upstream-12go.md#timeouts-retries-and-breakers: only idempotent GETs are retried. POSTs and recheck never. */
export const RETRYABLE_OPERATIONS: ReadonlySet<TwelveGoOperation> = new Set<TwelveGoOperation>([
  'search',
  'tripDetails',
  'cartDetails',
  'checkout',
  'bookingDetails',
  'refundOptions',
]);

const RETRYABLE_STATUSES = new Set([502, 503, 504]);

export interface ResolvedRetryOptions {
  maxRetries: number;
  backoffMs: number[];
  jitter: number;
  maxRetryAfterMs: number;
}

export function resolveRetryOptions(options: TwelveGoRetryOptions = {}): ResolvedRetryOptions {
  return {
    maxRetries: options.maxRetries ?? 2,
    backoffMs: options.backoffMs && options.backoffMs.length > 0 ? options.backoffMs : [200, 600],
    jitter: options.jitter ?? 0.5,
    maxRetryAfterMs: options.maxRetryAfterMs ?? 2000,
  };
}

/**
 * Whether a failed attempt may be repeated: connection refused/reset, DNS failure, connect timeout
 * (`unavailable`, or an OS `ETIMEDOUT`), 502, 503, 504. Our own whole-response timeout is not retried
 * (it would multiply latency), nor any 4xx, 429, 500 or bad response.
 */
export function isRetryableFailure(error: TwelveGoError): boolean {
  if (!RETRYABLE_OPERATIONS.has(error.operation)) return false;
  // A client already shut down refuses every attempt: retrying would only delay the process exit.
  if (error.kind === 'unavailable') return error.networkCode !== 'ESHUTDOWN';
  if (error.kind === 'timeout') return error.networkCode === 'ETIMEDOUT';
  return error.kind === 'server' && error.status !== undefined && RETRYABLE_STATUSES.has(error.status);
}

/**
 * Delay before retry number `retry` (1-based), or `undefined` when the retry must not happen because a
 * 503 asked for a longer `Retry-After` than we honour.
 */
export function retryDelayMs(
  retry: number,
  error: TwelveGoError,
  options: ResolvedRetryOptions,
  random: () => number = Math.random,
): number | undefined {
  const base = options.backoffMs[Math.min(retry - 1, options.backoffMs.length - 1)] ?? 0;
  const jittered = Math.max(0, Math.round(base * (1 + options.jitter * (2 * random() - 1))));
  if (error.status === 503 && error.retryAfterSec !== undefined) {
    const asked = error.retryAfterSec * 1000;
    if (asked > options.maxRetryAfterMs) return undefined;
    return Math.max(jittered, asked);
  }
  return jittered;
}
