import { Injectable } from '@nestjs/common';
import type Redis from 'ioredis';
import { AppConfig } from '../config/app-config';
import type { AuthFailureLimiter } from '../clients/auth-failure-limiter';
import { RedisService } from '../redis/redis.service';
import { AUTH_FAILURE_LUA } from './token-bucket.lua';
import { redisKeys } from '../redis/redis-keys';

const WINDOW_MS = 60_000;

type WithAuthFailure = Redis & { tcAuthFailure(key: string, windowMs: number): Promise<number> };

/**
 * Failed authentications per source IP (docs/contract/headers.md#authentication, docs/contract/headers.md#rate-limits): `authfail:{ip}` counts
 * failures in a 60 s window started by the first; above `AUTH_FAILURES_PER_IP_PER_MIN` further failing
 * attempts get 429. Valid keys are never blocked (the auth step only consults this on failure). Redis
 * down → the same counting in memory on this instance.
 */
@Injectable()
export class RedisAuthFailureLimiter implements AuthFailureLimiter {
  private readonly local = new Map<string, { count: number; resetAt: number }>();
  private readonly limit: number;

  constructor(
    private readonly redis: RedisService,
    config: AppConfig,
  ) {
    this.limit = config.AUTH_FAILURES_PER_IP_PER_MIN;
    redis.client.defineCommand('tcAuthFailure', { numberOfKeys: 1, lua: AUTH_FAILURE_LUA });
  }

  async isBlocked(ip: string): Promise<boolean> {
    try {
      const count = await this.redis.run('authfail', (c) =>
        c.get(redisKeys.authFailure(this.redis.keyPrefix, ip)),
      );
      return Number(count ?? 0) >= this.limit;
    } catch {
      return this.localCount(ip, Date.now()) >= this.limit;
    }
  }

  async recordFailure(ip: string): Promise<void> {
    try {
      await this.redis.run('authfail', (c) =>
        (c as WithAuthFailure).tcAuthFailure(redisKeys.authFailure(this.redis.keyPrefix, ip), WINDOW_MS),
      );
    } catch {
      this.recordLocal(ip, Date.now());
    }
  }

  private localCount(ip: string, now: number): number {
    const entry = this.local.get(ip);
    if (!entry || entry.resetAt <= now) return 0;
    return entry.count;
  }

  private recordLocal(ip: string, now: number): void {
    const entry = this.local.get(ip);
    if (!entry || entry.resetAt <= now) this.local.set(ip, { count: 1, resetAt: now + WINDOW_MS });
    else entry.count += 1;
    if (this.local.size > 10_000) {
      for (const [key, value] of this.local) if (value.resetAt <= now) this.local.delete(key);
    }
  }
}
