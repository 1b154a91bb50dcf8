import { Injectable } from '@nestjs/common';
import { HealthIndicatorResult, HealthIndicatorService } from '@nestjs/terminus';
import { withTimeout } from '../async/with-timeout';
import { AppConfig } from '../config/app-config';
import { ClientRegistry } from '../clients/client-registry';
import { LifecycleState } from '../lifecycle/lifecycle-state';
import { RedisService } from '../redis/redis.service';
import { ReadinessChecks, type ReadinessCheckResult } from './readiness-checks';

export type ReadinessStatus = 'ready' | 'degraded' | 'starting' | 'draining';

export interface ReadinessReport {
  status: ReadinessStatus;
  checks: Record<'config' | 'redis' | 'twelvego', ReadinessCheckResult> &
    Partial<Record<string, ReadinessCheckResult>>;
}

const REDIS_PING_TIMEOUT_MS = 500;
const TWELVEGO_TIMEOUT_MS = 2000;
const FEATURE_CHECK_TIMEOUT_MS = 1000;

/**
 * docs/operations.md#health-endpoints: `redis` = PING within 500 ms; `twelvego` = GET {TWELVEGO_BASE_URL}{TWELVEGO_HEALTH_PATH}
 * within 2 s, any status below 500 is up. Results are cached READY_CACHE_MS. 503 only for `starting`
 * (dependencies not yet reached once since boot) and `draining`; a later outage is `degraded` with 200.
 */
@Injectable()
export class ReadinessService {
  private cached?: { at: number; report: ReadinessReport };
  private inflight?: Promise<ReadinessReport>;
  private redisReached = false;
  private twelvegoReached = false;

  constructor(
    private readonly config: AppConfig,
    private readonly redis: RedisService,
    private readonly registry: ClientRegistry,
    private readonly lifecycle: LifecycleState,
    private readonly indicators: HealthIndicatorService,
    private readonly featureChecks: ReadinessChecks,
  ) {}

  async report(): Promise<{ httpStatus: number; report: ReadinessReport }> {
    const report = await this.currentReport();
    const failing = Object.values(report.checks).some((c) => c?.status === 'down');
    const status: ReadinessStatus = this.lifecycle.draining ? 'draining' : report.status;
    const unready = status === 'starting' || status === 'draining' || (this.config.READY_STRICT && failing);
    return { httpStatus: unready ? 503 : 200, report: { ...report, status } };
  }

  private async currentReport(): Promise<ReadinessReport> {
    const now = Date.now();
    if (this.cached && now - this.cached.at < this.config.READY_CACHE_MS) return this.cached.report;
    this.inflight ??= this.compute().finally(() => (this.inflight = undefined));
    const report = await this.inflight;
    this.cached = { at: Date.now(), report };
    return report;
  }

  private async compute(): Promise<ReadinessReport> {
    const [redis, twelvego, features] = await Promise.all([
      this.checkRedis(),
      this.checkTwelveGo(),
      this.checkFeatures(),
    ]);
    const snapshot = this.registry.snapshot();
    const config = this.indicators
      .check('config')
      .up({ sha256: snapshot.sha256, clients_enabled: snapshot.enabledCount });
    if (redis.redis.status === 'up') this.redisReached = true;
    if (twelvego.twelvego.status === 'up') this.twelvegoReached = true;
    const allUp =
      redis.redis.status === 'up' &&
      twelvego.twelvego.status === 'up' &&
      Object.values(features).every((c) => c.status === 'up');
    const status: ReadinessStatus = !(this.redisReached && this.twelvegoReached)
      ? 'starting'
      : allUp
        ? 'ready'
        : 'degraded';
    return {
      status,
      checks: {
        config: config.config,
        redis: redis.redis,
        twelvego: twelvego.twelvego,
        ...features,
      } as ReadinessReport['checks'],
    };
  }

  /** What the features registered (static data published, webhook store writable, …). */
  private async checkFeatures(): Promise<Record<string, ReadinessCheckResult>> {
    const entries = await Promise.all(
      this.featureChecks.entries().map(async ([name, check]): Promise<[string, ReadinessCheckResult]> => {
        try {
          return [name, await withTimeout(check(), FEATURE_CHECK_TIMEOUT_MS)];
        } catch (e) {
          return [name, { status: 'down', error: (e as Error).message }];
        }
      }),
    );
    return Object.fromEntries(entries);
  }

  private async checkRedis(): Promise<HealthIndicatorResult<'redis'>> {
    const check = this.indicators.check('redis');
    const started = Date.now();
    const { kind: topology, node } = this.redis.describe();
    try {
      if (!this.redis.isAvailable()) return check.down({ topology, error: 'not connected' });
      // Under Cluster the PING goes to the master of the key's slot, the node reported.
      await withTimeout(this.redis.ping(), REDIS_PING_TIMEOUT_MS);
      return check.up({ topology, ...this.nodeOf(), latency_ms: Date.now() - started });
    } catch (e) {
      return check.down({ topology, ...(node ? { node } : {}), error: (e as Error).message });
    }
  }

  private nodeOf(): { node?: string } {
    const { node } = this.redis.describe();
    return node ? { node } : {};
  }

  private async checkTwelveGo(): Promise<HealthIndicatorResult<'twelvego'>> {
    const check = this.indicators.check('twelvego');
    const url = new URL(this.config.TWELVEGO_BASE_URL.replace(/\/+$/, '') + this.config.TWELVEGO_HEALTH_PATH);
    if (this.config.TWELVEGO_HEALTH_API_KEY) url.searchParams.set('k', this.config.TWELVEGO_HEALTH_API_KEY);
    const started = Date.now();
    try {
      const res = await fetch(url, { signal: AbortSignal.timeout(TWELVEGO_TIMEOUT_MS) });
      await res.arrayBuffer().catch(() => undefined);
      const data = { http_status: res.status, latency_ms: Date.now() - started };
      return res.status < 500 ? check.up(data) : check.down(data);
    } catch (e) {
      const name = (e as Error).name;
      return check.down({
        error: name === 'TimeoutError' ? 'timeout' : 'unreachable',
        latency_ms: Date.now() - started,
      });
    }
  }
}
