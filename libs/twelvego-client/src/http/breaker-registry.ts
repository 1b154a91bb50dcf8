import CircuitBreaker from 'opossum';
import { TwelveGoError } from '../errors/twelvego.errors';
import type { TwelveGoBreakerOptions } from '../twelvego-client.options';
import { TWELVEGO_OPERATIONS, type TwelveGoOperation } from '../twelvego-operation';

export type TwelveGoBreakerState = 'closed' | 'open' | 'half_open';

/** Operations guarded by a breaker; recheck calls are fire-and-forget and never on the request path. */
export type TwelveGoBreakerOperation = Exclude<TwelveGoOperation, 'recheck'>;
export const BREAKER_OPERATIONS = TWELVEGO_OPERATIONS.filter(
  (op): op is TwelveGoBreakerOperation => op !== 'recheck',
);

/** docs/upstream-12go.md#timeouts-retries-and-breakers: failures are timeouts, network errors, 5xx and unusable bodies; 4xx and 429 are not. */
const FAILURE_KINDS = new Set<TwelveGoError['kind']>(['timeout', 'unavailable', 'server', 'bad_response']);

export function countsAsBreakerFailure(error: unknown): boolean {
  return !(error instanceof TwelveGoError) || FAILURE_KINDS.has(error.kind);
}

type Attempt = () => Promise<unknown>;

/** One opossum breaker per operation, in memory (no Redis dependency). */
export class BreakerRegistry {
  private readonly breakers = new Map<TwelveGoBreakerOperation, CircuitBreaker<[Attempt], unknown>>();
  private readonly openedAt = new Map<TwelveGoBreakerOperation, number>();
  readonly resetTimeoutMs: number;

  constructor(
    options: TwelveGoBreakerOptions = {},
    onStateChange?: (operation: TwelveGoBreakerOperation, state: TwelveGoBreakerState) => void,
  ) {
    this.resetTimeoutMs = options.resetTimeoutMs ?? 15_000;
    const pct = options.errorThresholdPercentage ?? 50;
    for (const op of BREAKER_OPERATIONS) {
      const breaker = new CircuitBreaker<[Attempt], unknown>((attempt: Attempt) => attempt(), {
        name: `twelvego.${op}`,
        timeout: false, // each call enforces its own whole-response timeout
        // opossum opens when the rate is strictly above the threshold; the spec says "≥".
        errorThresholdPercentage: Math.max(0, pct - 1e-9),
        volumeThreshold: options.volumeThreshold ?? 20,
        rollingCountTimeout: options.rollingCountTimeoutMs ?? 30_000,
        resetTimeout: this.resetTimeoutMs,
        enabled: options.enabled ?? true,
        errorFilter: (error: unknown) => !countsAsBreakerFailure(error),
      });
      breaker.on('open', () => {
        this.openedAt.set(op, Date.now());
        onStateChange?.(op, 'open');
      });
      breaker.on('halfOpen', () => onStateChange?.(op, 'half_open'));
      breaker.on('close', () => onStateChange?.(op, 'closed'));
      this.breakers.set(op, breaker);
    }
  }

  /** Runs one attempt through the operation's breaker; an open breaker rejects with `circuit_open`. */
  async run<T>(operation: TwelveGoBreakerOperation, attempt: () => Promise<T>): Promise<T> {
    const breaker = this.get(operation);
    try {
      return (await breaker.fire(attempt)) as T;
    } catch (error) {
      if ((error as { code?: string } | null)?.code === 'EOPENBREAKER') {
        throw new TwelveGoError({
          kind: 'circuit_open',
          operation,
          retryAfterSec: this.secondsUntilHalfOpen(operation),
          elapsedMs: 0,
        });
      }
      if ((error as { code?: string } | null)?.code === 'ESHUTDOWN') {
        // The client is shut down (process stopping): no request went out, like a refused connection.
        throw new TwelveGoError({ kind: 'unavailable', operation, networkCode: 'ESHUTDOWN', elapsedMs: 0 });
      }
      throw error;
    }
  }

  state(operation: TwelveGoBreakerOperation): TwelveGoBreakerState {
    const breaker = this.get(operation);
    if (breaker.halfOpen) return 'half_open';
    return breaker.opened ? 'open' : 'closed';
  }

  states(): Record<TwelveGoBreakerOperation, TwelveGoBreakerState> {
    return Object.fromEntries(BREAKER_OPERATIONS.map((op) => [op, this.state(op)])) as Record<
      TwelveGoBreakerOperation,
      TwelveGoBreakerState
    >;
  }

  /** Whole seconds until an open breaker lets a trial call through (≥ 1). */
  secondsUntilHalfOpen(operation: TwelveGoBreakerOperation): number {
    const opened = this.openedAt.get(operation) ?? Date.now();
    return Math.max(1, Math.ceil((opened + this.resetTimeoutMs - Date.now()) / 1000));
  }

  shutdown(): void {
    for (const breaker of this.breakers.values()) breaker.shutdown();
  }

  private get(operation: TwelveGoBreakerOperation): CircuitBreaker<[Attempt], unknown> {
    const breaker = this.breakers.get(operation);
    if (!breaker) throw new Error(`no circuit breaker for ${operation}`);
    return breaker;
  }
}
