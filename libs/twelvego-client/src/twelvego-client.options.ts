import type { TwelveGoBreakerOperation, TwelveGoBreakerState } from './http/breaker-registry';
import type { TwelveGoCallRecord } from './http/twelvego-transport';
import type { TwelveGoCallContext } from './twelvego-call-context';
import type { TwelveGoOperation } from './twelvego-operation';

/** Minimal logger surface; Nest's `Logger` (backed by nestjs-pino in the BFF) satisfies it. */
export interface TwelveGoLogger {
  debug?(message: unknown, ...optional: unknown[]): void;
  log(message: unknown, ...optional: unknown[]): void;
  warn(message: unknown, ...optional: unknown[]): void;
  error(message: unknown, ...optional: unknown[]): void;
}

export interface TwelveGoRetryOptions {
  /** Extra attempts for idempotent GETs (docs/upstream-12go.md#timeouts-retries-and-breakers, `TWELVEGO_RETRY_MAX`). Default 2. */
  maxRetries?: number;
  /** Base delays before retry 1, 2, … (the last one repeats). Default [200, 600] ms. */
  backoffMs?: number[];
  /** Relative jitter, 0.5 = ±50 %. Default 0.5. */
  jitter?: number;
  /** A `Retry-After` on a 503 is honoured when it is at most this many ms. Default 2000. */
  maxRetryAfterMs?: number;
}

export interface TwelveGoBreakerOptions {
  /** Failure percentage that opens a breaker (`BREAKER_ERROR_PCT`). Default 50. */
  errorThresholdPercentage?: number;
  /** Minimum calls in the window before a breaker may open (`BREAKER_MIN_REQUESTS`). Default 20. */
  volumeThreshold?: number;
  /** Rolling window (`BREAKER_WINDOW_MS`). Default 30000. */
  rollingCountTimeoutMs?: number;
  /** Open → half-open delay (`BREAKER_RESET_MS`). Default 15000. */
  resetTimeoutMs?: number;
  /** `false` disables the breakers (never in production). Default true. */
  enabled?: boolean;
}

export interface TwelveGoHealthOptions {
  /** Path of the readiness call (`TWELVEGO_HEALTH_PATH`). Default `/booking/0`. */
  path?: string;
  /** Key sent as `k` on the readiness call (`TWELVEGO_HEALTH_API_KEY`); none when empty. */
  apiKey?: string;
  /** Default 2000 ms. */
  timeoutMs?: number;
  /** Results are reused this long. Default 5000 ms. */
  cacheMs?: number;
}

export interface TwelveGoClientOptions {
  /** 12go API base URL (`TWELVEGO_BASE_URL`), paths are appended unchanged. */
  baseUrl: string;
  /** Per-operation whole-response timeouts (ms), merged over the defaults of docs/upstream-12go.md#timeouts-retries-and-breakers. */
  timeoutsMs?: Partial<Record<TwelveGoOperation, number>>;
  retry?: TwelveGoRetryOptions;
  breaker?: TwelveGoBreakerOptions;
  health?: TwelveGoHealthOptions;
  /** Keep-alive sockets per instance (`TWELVEGO_MAX_CONNECTIONS`). Default 128. */
  maxConnections?: number;
  /** De-duplication window of recheck URLs. Default 15000 ms. */
  recheckDedupMs?: number;
  /** Extra headers sent on every call (never secrets: they are not redacted). */
  headers?: Record<string, string>;
  /** Defaults to a Nest `Logger('TwelveGoClient')`. */
  logger?: TwelveGoLogger;
  /**
   * Ambient values for calls whose context lacks them (e.g. the correlation and request id of the current
   * partner request from AsyncLocalStorage). Values given in the call context win.
   */
  ambientContext?: () => Partial<Omit<TwelveGoCallContext, 'apiKey'>> | undefined;
  /** Called after every attempt (for `upstream.calls[]` in the access log, metrics). Must not throw. */
  onCall?: (record: TwelveGoCallRecord) => void;
  /** Called on every breaker transition (for the `breaker.state` gauge). */
  onBreakerStateChange?: (operation: TwelveGoBreakerOperation, state: TwelveGoBreakerState) => void;
  /** Milliseconds clock for call durations (`elapsedMs`, `duration_ms`); default `Date.now`. Deadlines use real time. */
  durationClock?: () => number;
}

/** docs/upstream-12go.md#timeouts-retries-and-breakers; recheck 300 s per docs/upstream-12go.md#recheck (the brief's choice, docs/adr/0004-twelvego-client-timeouts.md). */
export const DEFAULT_TWELVEGO_TIMEOUTS_MS: Readonly<Record<TwelveGoOperation, number>> = {
  search: 10_000,
  tripDetails: 8_000,
  addToCart: 10_000,
  addToCartByBody: 10_000,
  cartDetails: 5_000,
  checkout: 10_000,
  reserve: 30_000,
  confirm: 60_000,
  bookingDetails: 8_000,
  refundOptions: 8_000,
  refund: 30_000,
  recheck: 300_000,
};

/** Parses `TWELVEGO_TIMEOUTS` (`op=ms,op=ms`); accepts the operation names and the ops names of docs/upstream-12go.md#timeouts-retries-and-breakers. */
export function parseTwelveGoTimeouts(value: string | undefined): Partial<Record<TwelveGoOperation, number>> {
  const aliases: Record<string, TwelveGoOperation[]> = {
    trip: ['tripDetails'],
    cart_add: ['addToCart', 'addToCartByBody'],
    cart_get: ['cartDetails'],
    booking_get: ['bookingDetails'],
    refund_options: ['refundOptions'],
  };
  const result: Partial<Record<TwelveGoOperation, number>> = {};
  for (const pair of (value ?? '').split(',')) {
    const [rawName, rawMs] = pair.split('=').map((s) => s?.trim());
    if (!rawName || !rawMs) continue;
    const ms = Number(rawMs);
    if (!Number.isInteger(ms) || ms <= 0)
      throw new Error(`TWELVEGO_TIMEOUTS: invalid value for "${rawName}"`);
    const ops =
      aliases[rawName] ??
      (rawName in DEFAULT_TWELVEGO_TIMEOUTS_MS ? [rawName as TwelveGoOperation] : undefined);
    if (!ops) throw new Error(`TWELVEGO_TIMEOUTS: unknown operation "${rawName}"`);
    for (const op of ops) result[op] = ms;
  }
  return result;
}
