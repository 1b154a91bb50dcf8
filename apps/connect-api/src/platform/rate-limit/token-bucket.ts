/** A token bucket's settings: refill `rps` tokens per second up to `burst` (docs/contract/headers.md#rate-limits). */
export interface BucketLimits {
  rps: number;
  burst: number;
}

/** Bucket state: tokens (fractional) at `ts` (epoch ms). */
export interface BucketState {
  tokens: number;
  ts: number;
}

export interface RateLimitDecision {
  allowed: boolean;
  limit: number;
  /** Whole tokens left after this request. */
  remaining: number;
  /** Seconds until the bucket is full again (`RateLimit-Reset`). */
  resetSec: number;
  /** Seconds until one token is available (`Retry-After`), 0 when allowed. */
  retryAfterSec: number;
  mode: 'redis' | 'local';
}

/**
 * Tokens a charge of `cost` needs in the bucket: the cost, capped at the bucket size so that a request
 * costing more than `burst` is still possible from a full bucket (the rest is owed: tokens go negative).
 */
export function tokensNeeded(cost: number, limits: BucketLimits): number {
  return Math.min(cost, limits.burst);
}

/**
 * Refills `state` to `now` and takes `cost` tokens (default one) when the bucket holds what the charge
 * needs (tokensNeeded). Pure; same math as the Lua script.
 */
export function takeToken(
  state: BucketState | undefined,
  limits: BucketLimits,
  now: number,
  cost = 1,
): { state: BucketState; allowed: boolean } {
  let tokens = state ? state.tokens : limits.burst;
  let ts = state ? state.ts : now;
  if (now > ts) {
    tokens = Math.min(limits.burst, tokens + ((now - ts) * limits.rps) / 1000);
    ts = now;
  }
  const allowed = tokens >= tokensNeeded(cost, limits);
  if (allowed) tokens -= cost;
  return { state: { tokens, ts }, allowed };
}

/** The header values of a decision from the tokens left after it. */
export function decisionFrom(
  tokens: number,
  allowed: boolean,
  limits: BucketLimits,
  mode: RateLimitDecision['mode'],
  needed = 1,
): RateLimitDecision {
  const missingForOne = Math.max(0, needed - tokens);
  return {
    allowed,
    limit: limits.burst,
    remaining: Math.max(0, Math.floor(tokens)),
    resetSec: Math.max(0, Math.ceil((limits.burst - tokens) / limits.rps)),
    retryAfterSec: allowed ? 0 : Math.max(1, Math.ceil(missingForOne / limits.rps)),
    mode,
  };
}

export function rateLimitHeaders(decision: RateLimitDecision): Record<string, string> {
  return {
    'ratelimit-limit': String(decision.limit),
    'ratelimit-remaining': String(decision.remaining),
    'ratelimit-reset': String(decision.resetSec),
  };
}
