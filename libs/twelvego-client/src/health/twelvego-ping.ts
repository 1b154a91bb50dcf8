import { ExchangeFailure, type HttpExchange } from '../http/http-exchange';
import type { TwelveGoClientOptions } from '../twelvego-client.options';

export interface TwelveGoPingResult {
  /** Any HTTP answer below 500 counts as up (docs/operations.md#health-endpoints). */
  up: boolean;
  status?: number;
  /** `timeout` or `unavailable` when no answer came. */
  error?: 'timeout' | 'unavailable';
  elapsedMs: number;
  checkedAt: string;
}

/**
 * Reachability of 12go for `/health/ready` (docs/operations.md#health-endpoints): `GET {baseUrl}{health.path}` (default
 * `/booking/0`, with `health.apiKey` as `k` if set), no breaker, no retry; any answer below 500 is up.
 * Results are cached for `health.cacheMs` (default 5 s) so probes do not load 12go.
 */
export class TwelveGoPinger {
  private cache?: { at: number; result: Promise<TwelveGoPingResult> };

  constructor(
    private readonly exchange: HttpExchange,
    private readonly options: Pick<TwelveGoClientOptions, 'baseUrl' | 'health'>,
  ) {}

  ping(): Promise<TwelveGoPingResult> {
    const cacheMs = this.options.health?.cacheMs ?? 5_000;
    const now = Date.now();
    if (this.cache && now - this.cache.at < cacheMs) return this.cache.result;
    const result = this.pingOnce();
    this.cache = { at: now, result };
    return result;
  }

  private async pingOnce(): Promise<TwelveGoPingResult> {
    const health = this.options.health ?? {};
    const path = health.path ?? '/booking/0';
    const base = this.options.baseUrl.replace(/\/+$/, '');
    const key = health.apiKey
      ? `${path.includes('?') ? '&' : '?'}k=${encodeURIComponent(health.apiKey)}`
      : '';
    const url = `${base}${path}${key}`;
    const started = Date.now();
    const checkedAt = new Date(started).toISOString();
    try {
      const answer = await this.exchange.send({ method: 'GET', url, headers: {} }, health.timeoutMs ?? 2_000);
      return { up: answer.status < 500, status: answer.status, elapsedMs: Date.now() - started, checkedAt };
    } catch (error) {
      const timedOut = error instanceof ExchangeFailure && error.timedOut;
      return {
        up: false,
        error: timedOut ? 'timeout' : 'unavailable',
        elapsedMs: Date.now() - started,
        checkedAt,
      };
    }
  }
}
