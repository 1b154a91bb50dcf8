import { Injectable, OnApplicationShutdown, OnModuleInit } from '@nestjs/common';
import { AppLogger, ContextLogger } from '../logging/app-logger';
import Redis, { RedisOptions } from 'ioredis';
import { AppConfig } from '../config/app-config';
import { redisOptionsFromUrl } from './redis-connection-options';
import { isRedisConnectionError, RedisUnavailableError } from './redis-unavailable.error';

/**
 * The request-path Redis connection (operations.md §6.5): no offline queue and a command timeout, so an
 * outage surfaces in milliseconds; reconnects in the background. Queue workers get their own connections
 * from `connectionOptions()`.
 */
@Injectable()
export class RedisService implements OnModuleInit, OnApplicationShutdown {
  private readonly logger: ContextLogger;
  readonly client: Redis;
  private lastState: 'up' | 'down' | 'unknown' = 'unknown';

  constructor(
    private readonly config: AppConfig,
    appLogger: AppLogger,
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
  }

  async onApplicationShutdown(): Promise<void> {
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

  private transition(state: 'up' | 'down', err?: Error): void {
    if (state === this.lastState) return;
    const previous = this.lastState;
    this.lastState = state;
    if (state === 'up') this.logger.log({ msg: 'redis.available', previous });
    else if (previous !== 'unknown' || err)
      this.logger.warn({ msg: 'redis.unavailable', error: err?.message });
  }
}
