import { redactUrl } from '../redaction/redact';
import type { TwelveGoLogger } from '../twelvego-client.options';
import { ExchangeFailure, type RawAnswer } from '../http/http-exchange';

export interface RecheckDispatcherOptions {
  timeoutMs: number;
  dedupMs: number;
  logger: TwelveGoLogger;
  get: (url: string, timeoutMs: number) => Promise<RawAnswer>;
  /** Upper bound of remembered URLs (memory guard). */
  maxTracked?: number;
}

/**
 * docs/upstream-12go.md#recheck: GET each recheck URL exactly as given, not awaited by the caller, at most once per
 * URL per de-duplication window (and never twice concurrently), one long timeout, no retries, failures
 * only logged.
 */
export class RecheckDispatcher {
  /** URL → epoch ms until which a new call is suppressed. */
  private readonly recent = new Map<string, number>();
  private readonly inFlight = new Map<string, Promise<void>>();
  private readonly maxTracked: number;

  constructor(private readonly options: RecheckDispatcherOptions) {
    this.maxTracked = options.maxTracked ?? 10_000;
  }

  /** Returns `true` when a call was started, `false` when de-duplicated or rejected. */
  trigger(url: string): boolean {
    const now = Date.now();
    this.prune(now);
    if (this.inFlight.has(url) || (this.recent.get(url) ?? 0) > now) return false;
    if (!/^https?:\/\//i.test(url)) {
      this.options.logger.warn({ msg: '12go recheck skipped: not an absolute http(s) URL' });
      return false;
    }
    this.recent.delete(url); // keep the map ordered by expiry
    this.recent.set(url, now + this.options.dedupMs);
    const run = this.run(url).finally(() => this.inFlight.delete(url));
    this.inFlight.set(url, run);
    return true;
  }

  /** Waits for the calls started so far (tests, graceful shutdown). */
  async settle(): Promise<void> {
    await Promise.all([...this.inFlight.values()]);
  }

  get pending(): number {
    return this.inFlight.size;
  }

  private async run(url: string): Promise<void> {
    const started = Date.now();
    const safeUrl = redactUrl(url);
    try {
      const answer = await this.options.get(url, this.options.timeoutMs);
      const fields = {
        op: 'recheck',
        url: safeUrl,
        status: answer.status,
        duration_ms: Date.now() - started,
      };
      if (answer.status >= 200 && answer.status < 300)
        this.options.logger.debug?.({ msg: '12go recheck done', ...fields });
      else this.options.logger.warn({ msg: '12go recheck failed', ...fields });
    } catch (error) {
      const failure = error instanceof ExchangeFailure ? error : undefined;
      this.options.logger.warn({
        msg: '12go recheck failed',
        op: 'recheck',
        url: safeUrl,
        kind: failure?.timedOut ? 'timeout' : 'unavailable',
        network_code: failure?.code,
        duration_ms: Date.now() - started,
      });
    }
  }

  private prune(now: number): void {
    for (const [url, until] of this.recent) {
      if (until > now && this.recent.size <= this.maxTracked) break;
      this.recent.delete(url);
    }
  }
}
