import { Injectable, OnApplicationShutdown, OnModuleInit, Optional } from '@nestjs/common';
import { AppLogger, ContextLogger } from '../logging/app-logger';
import Redis, { RedisOptions } from 'ioredis';
import { AppConfig } from '../config/app-config';
import { redisOptionsFromUrl } from './redis-connection-options';
import { isRedisConnectionError, RedisUnavailableError } from './redis-unavailable.error';
import { MetricsService } from '../metrics/metrics.service';

/** docs/platform.md#metrics `redis.available` is a gauge: re-sent on this period so monitors see no gaps. */
const AVAILABILITY_SAMPLE_MS = 15_000;

/**
 * The request-path Redis connection (docs/operations.md#when-redis-is-down): no offline queue and a command timeout, so an
 * outage surfaces in milliseconds; reconnects in the background. Queue workers get their own connections
 * from `connectionOptions()`.
 */
@Injectable()
export class RedisService implements OnModuleInit, OnApplicationShutdown {
  private readonly logger: ContextLogger;
  readonly client: Redis;
  private lastState: 'up' | 'down' | 'unknown' = 'unknown';
  private sampler?: NodeJS.Timeout;

  constructor(
    private readonly config: AppConfig,
    appLogger: AppLogger,
    @Optional() private readonly metrics?: MetricsService,
  ) {
    this.logger = appLogger.forContext('RedisService');
    this.client = new Redis({
      ...redisOptionsFromUrl(config.REDIS_URL),
      lazyConnect: true,
      enableOfflineQueue: false,
      commandTimeout: config.REDIS_COMMAND_TIMEOUT_MS,
      connectTimeout: Math.max(1000, config.REDIS_COMMAND_TIMEOUT_MS * 4),
      maxRetriesPerRequest: 1,
      retryStrategy: (times) => Math.min(100 * times, 2000),
      connectionName: 'tc-bff-request-path',
    });
    this.client.on('ready', () => this.transition('up'));
    this.client.on('error', (err) => this.transition('down', err));
    this.client.on('end', () => this.transition('down'));
  }

  async onModuleInit(): Promise<void> {
    // Boot does not wait for Redis: the API degrades without it (readiness reports it).
    this.client.connect().catch(() => undefined);
    if (this.metrics) {
      this.sampler = setInterval(() => this.sampleAvailability(), AVAILABILITY_SAMPLE_MS);
      this.sampler.unref();
    }
  }

  async onApplicationShutdown(): Promise<void> {
    if (this.sampler) clearInterval(this.sampler);
    if (this.client.status === 'end') return;
    try {
      if (this.client.status === 'ready') await this.client.quit();
      else this.client.disconnect();
    } catch {
      this.client.disconnect();
    }
  }

  /** Prepends `REDIS_KEY_PREFIX` (default `tcb:`) to the parts joined with `:`. */
  key(...parts: string[]): string {
    return this.config.REDIS_KEY_PREFIX + parts.join(':');
  }

  get keyPrefix(): string {
    return this.config.REDIS_KEY_PREFIX;
  }

  /** True when the connection is established (commands may still time out). */
  isAvailable(): boolean {
    return this.client.status === 'ready';
  }

  /** Runs a command, turning connection failures and timeouts into RedisUnavailableError. */
  async run<T>(operation: string, command: (client: Redis) => Promise<T>): Promise<T> {
    if (this.client.status !== 'ready') throw new RedisUnavailableError(operation);
    try {
      return await command(this.client);
    } catch (e) {
      if (isRedisConnectionError(e)) throw new RedisUnavailableError(operation, e);
      throw e;
    }
  }

  /** Options for a separate connection (BullMQ queues/workers) on `REDIS_QUEUE_URL` (default REDIS_URL). */
  connectionOptions(): RedisOptions {
    return {
      ...redisOptionsFromUrl(this.config.redisQueueUrl),
      maxRetriesPerRequest: null,
      enableOfflineQueue: true,
      retryStrategy: (times) => Math.min(200 * times, 5000),
    };
  }

  /** BullMQ key prefix (`QUEUE_PREFIX`, default `{tcb-q}`). */
  get queuePrefix(): string {
    return this.config.QUEUE_PREFIX;
  }

  private sampleAvailability(): void {
    this.metrics?.gauge('redis.available', this.client.status === 'ready' ? 1 : 0);
  }

  private transition(state: 'up' | 'down', err?: Error): void {
    if (err) this.metrics?.increment('redis.errors', { op: 'connection' });
    if (state === this.lastState) return;
    this.metrics?.gauge('redis.available', state === 'up' ? 1 : 0);
    const previous = this.lastState;
    this.lastState = state;
    if (state === 'up') this.logger.log({ msg: 'redis.available', previous });
    else if (previous !== 'unknown' || err)
      this.logger.warn({ msg: 'redis.unavailable', error: err?.message });
  }
}
