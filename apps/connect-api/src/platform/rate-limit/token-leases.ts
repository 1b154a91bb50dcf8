import { BucketLimits, decisionFrom, RateLimitDecision } from './token-bucket';

/** A lease is spent or forfeited within this time; also the window in which requests are counted. */
export const LEASE_TTL_MS = 1_000;
/** Most tokens one instance holds outside a client's Redis bucket. */
export const MAX_LEASE_TOKENS = 32;
/** ... and never more than this share of the bucket (1/50 = 2 %). */
export const LEASE_BURST_DIVISOR = 50;

/** Tokens this instance took from the client's Redis bucket ahead of use (docs/adr/0230-rate-limit-token-leases.md). */
interface Lease {
  /** Tokens left to spend locally, until `expiresAt`. */
  tokens: number;
  expiresAt: number;
  /** The Redis bucket's tokens after the charge that brought the lease, and when (for the headers). */
  bucketTokens: number;
  at: number;
  /** Requests of this client seen here in the current window and in the one before. */
  windowStart: number;
  seen: number;
  seenBefore: number;
  /** A charge asking for a lease is in flight: others do not ask too, so at most one lease is outstanding. */
  asking: boolean;
}

function countRequest(lease: Lease, now: number): void {
  if (now - lease.windowStart >= LEASE_TTL_MS) {
    lease.seenBefore = now - lease.windowStart < 2 * LEASE_TTL_MS ? lease.seen : 0;
    lease.seen = 0;
    lease.windowStart = now;
  }
  lease.seen += 1;
}

/** Largest lease for these limits; 0 (no leasing: every charge asks Redis) for buckets under 100 tokens. */
export function maxLease(limits: BucketLimits): number {
  const cap = Math.min(MAX_LEASE_TOKENS, Math.floor(limits.burst / LEASE_BURST_DIVISOR));
  return cap >= 2 ? cap : 0;
}

/**
 * The local pre-check of the rate limit: per client, a small batch of tokens leased from the Redis bucket
 * (the authority) and spent here without a round trip. A lease is half of what this instance served the
 * client in the last second, so it is spent well within its TTL unless the traffic halves. Pure
 * bookkeeping; time is passed in.
 */
export class TokenLeases {
  private readonly leases = new Map<string, Lease>();

  /**
   * Counts the request (unless `count` is false: a second try of the same request) and spends `cost` from
   * the lease: the decision, or undefined when Redis must be asked.
   */
  spend(
    clientId: string,
    limits: BucketLimits,
    cost: number,
    now: number,
    count = true,
  ): RateLimitDecision | undefined {
    const cap = maxLease(limits);
    if (cap === 0) {
      // No leasing at these limits (perhaps lowered by a reload): a lease still held would skew the headers.
      this.leases.delete(clientId);
      return undefined;
    }
    const lease = this.leaseOf(clientId, now);
    if (lease.tokens > cap) lease.tokens = cap; // limits lowered by a reload: the excess is forfeited
    if (count) countRequest(lease, now);
    if (lease.tokens < cost || now >= lease.expiresAt) return undefined;
    lease.tokens -= cost;
    const refilled = lease.bucketTokens + (Math.max(0, now - lease.at) * limits.rps) / 1000;
    return decisionFrom(Math.min(limits.burst, refilled + lease.tokens), true, limits, 'redis');
  }

  /** How many tokens the Redis charge that follows a refused `spend` should lease on top of its cost. */
  toAsk(clientId: string, limits: BucketLimits, now: number): number {
    const lease = this.leases.get(clientId);
    const cap = maxLease(limits);
    if (!lease || cap === 0 || lease.asking || (lease.tokens > 0 && now < lease.expiresAt)) return 0;
    const size = Math.min(cap, Math.floor(Math.max(lease.seen, lease.seenBefore) / 2));
    if (size < 1) return 0;
    lease.tokens = 0; // an expired remainder is forfeited: it left the Redis bucket and is not given back
    lease.asking = true;
    return size;
  }

  /**
   * Records Redis's answer to a charge that asked for `asked` tokens (0: it did not ask): the granted tokens
   * become the lease. Returns the tokens this instance sees left (Redis bucket + lease).
   */
  granted(clientId: string, asked: number, grant: number, bucketTokens: number, now: number): number {
    const lease = this.leases.get(clientId);
    if (!lease) return bucketTokens;
    if (asked === 0) return bucketTokens + (now < lease.expiresAt ? lease.tokens : 0);
    lease.asking = false;
    lease.tokens = grant;
    lease.expiresAt = now + LEASE_TTL_MS;
    lease.bucketTokens = bucketTokens;
    lease.at = now;
    return bucketTokens + grant;
  }

  /** A charge that asked for a lease failed (Redis down): the next one may ask again. */
  abandoned(clientId: string, asked: number): void {
    const lease = this.leases.get(clientId);
    if (lease && asked > 0) lease.asking = false;
  }

  clear(): void {
    this.leases.clear();
  }

  private leaseOf(clientId: string, now: number): Lease {
    let lease = this.leases.get(clientId);
    if (!lease) {
      lease = {
        tokens: 0,
        expiresAt: 0,
        bucketTokens: 0,
        at: now,
        windowStart: now,
        seen: 0,
        seenBefore: 0,
        asking: false,
      };
      this.leases.set(clientId, lease);
    }
    return lease;
  }
}
