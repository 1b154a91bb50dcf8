import { Injectable, OnApplicationShutdown, OnModuleInit, Optional } from '@nestjs/common';
import { AppLogger, ContextLogger } from '../logging/app-logger';
import { Cluster } from 'ioredis';
import { AppConfig } from '../config/app-config';
import {
  answeringNode,
  createRedisConnection,
  type ConnectionTuning,
  type RedisClient,
} from './redis-connection.factory';
import { describeTopology, type RedisTopology } from './redis-topology';
import { isRedisConnectionError, RedisUnavailableError } from './redis-unavailable.error';
import { MetricsService } from '../metrics/metrics.service';

/** docs/platform.md#metrics `redis.available` is a gauge: re-sent on this period so monitors see no gaps. */
const AVAILABILITY_SAMPLE_MS = 15_000;

/**
 * The request-path Redis connection (docs/operations.md#when-redis-is-down): no offline queue and a command timeout, so an
 * outage surfaces in milliseconds; reconnects in the background. Every other connection (BullMQ, the
 * static-data writer) comes from `connection()`, for the same topology (standalone, Sentinel or Cluster).
 */
@Injectable()
export class RedisService implements OnModuleInit, OnApplicationShutdown {
  private readonly logger: ContextLogger;
  readonly client: RedisClient;
  private lastState: 'up' | 'down' | 'unknown' = 'unknown';
  private sampler?: NodeJS.Timeout;

  constructor(
    private readonly config: AppConfig,
    appLogger: AppLogger,
    @Optional() private readonly metrics?: MetricsService,
  ) {
    this.logger = appLogger.forContext('RedisService');
    this.client = this.connection({
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
  async run<T>(operation: string, command: (client: RedisClient) => Promise<T>): Promise<T> {
    if (this.client.status !== 'ready') throw new RedisUnavailableError(operation);
    try {
      return await command(this.client);
    } catch (e) {
      if (isRedisConnectionError(e)) throw new RedisUnavailableError(operation, e);
      throw e;
    }
  }

  /** A new connection on the configured topology; `queue` = the REDIS_QUEUE_* one (default: the main one). */
  connection(tuning: ConnectionTuning, which: 'main' | 'queue' = 'main'): RedisClient {
    return createRedisConnection(this.topology(which), tuning);
  }

  /** A config built by hand (tests, CLIs) may lack the derived getters: then REDIS_URL, standalone. */
  private topology(which: 'main' | 'queue'): RedisTopology {
    const main: RedisTopology = this.config.redisTopology ?? {
      kind: 'standalone',
      url: this.config.REDIS_URL,
    };
    return which === 'queue' ? (this.config.redisQueueTopology ?? main) : main;
  }

  /** BullMQ connections on the queue topology: never give up reconnecting. */
  queueConnection(name: string, overrides: Partial<ConnectionTuning>): RedisClient {
    return this.connection(
      {
        connectionName: name,
        maxRetriesPerRequest: null,
        enableOfflineQueue: true,
        retryStrategy: (times) => Math.min(200 * times, 5000),
        ...overrides,
      },
      'queue',
    );
  }

  /** PING the node `describe()` reports (for a Cluster: the master of the health key's slot). */
  async ping(): Promise<string> {
    if (this.client instanceof Cluster) {
      const node = this.describe().node;
      const target = this.client.nodes('master').find((n) => `${n.options.host}:${n.options.port}` === node);
      if (target) return target.ping();
    }
    return this.client.ping();
  }

  /** Topology and the node that holds `key` (readiness and the admin view). */
  describe(key = this.key('health')): { topology: string; kind: string; node?: string } {
    const topology = this.config.redisTopology;
    return {
      kind: topology.kind,
      topology: describeTopology(topology),
      node: answeringNode(this.client, key),
    };
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
