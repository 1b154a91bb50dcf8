import { Injectable } from '@nestjs/common';
import type Redis from 'ioredis';
import { AppLogger, ContextLogger } from '../logging/app-logger';
import { MetricsService } from '../metrics/metrics.service';
import { RedisService } from '../redis/redis.service';
import { TOKEN_BUCKET_LUA } from './token-bucket.lua';
import {
  BucketLimits,
  BucketState,
  decisionFrom,
  RateLimitDecision,
  takeToken,
  tokensNeeded,
} from './token-bucket';
import { redisKeys } from '../redis/redis-keys';
import { TokenLeases } from './token-leases';

type WithTokenBucket = Redis & {
  tcTokenBucket(
    key: string,
    rps: number,
    burst: number,
    cost: number,
    lease: number,
  ): Promise<[number, string, number]>;
};

/**
 * Per-client token bucket (docs/contract/headers.md#rate-limits): `rl:{client_id}` in Redis updated by one Lua script;
 * when Redis fails, an in-memory bucket per instance with the same limits (fail open, `mode:local`). Buckets of
 * 100 tokens or more are pre-checked locally: a busy client's requests spend a small batch of tokens leased from
 * its Redis bucket (token-leases.ts, docs/adr/0230-rate-limit-token-leases.md).
 */
@Injectable()
export class ClientRateLimiter {
  private readonly local = new Map<string, BucketState>();
  private readonly leases = new TokenLeases();
  /**
   * Per client, the charge in flight that asks Redis for a lease: settles once the lease is recorded, true
   * when Redis answered, false when it failed (its waiters then fall back at once instead of asking again).
   */
  private readonly leaseAsks = new Map<string, Promise<boolean>>();
  private readonly logger: ContextLogger;
  private degraded = false;

  constructor(
    private readonly redis: RedisService,
    private readonly metrics: MetricsService,
    appLogger: AppLogger,
  ) {
    this.logger = appLogger.forContext('RateLimit');
    redis.client.defineCommand('tcTokenBucket', { numberOfKeys: 1, lua: TOKEN_BUCKET_LUA });
  }

  /**
   * Takes `cost` tokens (one per request; Search adds one per further upstream search, a charge that is not a
   * request of its own: `isRequest` false keeps it out of the lease sizing).
   */
  async take(clientId: string, limits: BucketLimits, cost = 1, isRequest = true): Promise<RateLimitDecision> {
    const leased = this.leases.spend(clientId, limits, cost, Date.now(), isRequest);
    if (leased) return leased;
    // A lease is on its way: wait for it rather than making a round trip of our own.
    const asking = this.leaseAsks.get(clientId);
    if (asking) {
      const redisAnswered = await asking;
      const late = this.leases.spend(clientId, limits, cost, Date.now(), false);
      if (late) return late;
      // Redis just failed (or timed out) for this client: one command timeout per request, as without leases.
      if (!redisAnswered) return this.counted(clientId, this.takeLocal(clientId, limits, Date.now(), cost));
    }
    const lease = this.leases.toAsk(clientId, limits, Date.now());
    if (lease === 0) return this.charge(clientId, limits, cost, 0);
    const charged = this.charge(clientId, limits, cost, lease);
    const settled = charged
      .then(
        (decision) => decision.mode === 'redis',
        () => false,
      )
      .finally(() => this.leaseAsks.delete(clientId));
    this.leaseAsks.set(clientId, settled);
    return charged;
  }

  private async charge(
    clientId: string,
    limits: BucketLimits,
    cost: number,
    lease: number,
  ): Promise<RateLimitDecision> {
    let decision: RateLimitDecision;
    try {
      const [allowed, tokens, granted] = await this.redis.run('ratelimit', (c) =>
        (c as WithTokenBucket).tcTokenBucket(
          redisKeys.rateLimit(this.redis.keyPrefix, clientId),
          limits.rps,
          limits.burst,
          cost,
          lease,
        ),
      );
      this.recovered();
      const left = this.leases.granted(clientId, lease, Number(granted ?? 0), Number(tokens), Date.now());
      decision =
        allowed === 1
          ? decisionFrom(Math.min(limits.burst, left), true, limits, 'redis')
          : decisionFrom(Number(tokens), false, limits, 'redis', tokensNeeded(cost, limits));
    } catch (e) {
      this.leases.abandoned(clientId, lease);
      this.fallingBack(e);
      decision = this.takeLocal(clientId, limits, Date.now(), cost);
    }
    return this.counted(clientId, decision);
  }

  private counted(clientId: string, decision: RateLimitDecision): RateLimitDecision {
    if (!decision.allowed)
      this.metrics.increment('ratelimit.rejected', { client_id: clientId, mode: decision.mode });
    return decision;
  }

  /** The in-memory fallback (also the unit under test for the shared bucket math). */
  takeLocal(clientId: string, limits: BucketLimits, now: number, cost = 1): RateLimitDecision {
    const { state, allowed } = takeToken(this.local.get(clientId), limits, now, cost);
    this.local.set(clientId, state);
    return decisionFrom(state.tokens, allowed, limits, 'local', tokensNeeded(cost, limits));
  }

  private fallingBack(error: unknown): void {
    if (this.degraded) return;
    this.degraded = true;
    this.logger.warn({ msg: 'ratelimit.local_fallback', error: (error as Error)?.message });
  }

  private recovered(): void {
    if (!this.degraded) return;
    this.degraded = false;
    this.local.clear();
    this.logger.log({ msg: 'ratelimit.redis_restored' });
  }
}
