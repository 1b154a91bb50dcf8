import { Injectable, OnModuleInit } from '@nestjs/common';
import type Redis from 'ioredis';
import { withTimeout } from '../../platform/async/with-timeout';
import { ReadinessChecks, type ReadinessCheckResult } from '../../platform/health/readiness-checks';
import { RedisService } from '../../platform/redis/redis.service';
import { NotificationQueues } from '../queueing/notification-queues';

const PING_TIMEOUT_MS = 500;

/**
 * `webhook_store` in /health/ready: what the inbound 12go webhook needs to store a notification — the
 * request-path Redis (dedup marker) and the inbound queue's own connection (the job). The queue connection
 * reconnects on its own schedule, so after an outage it can lag the request path by seconds; readiness
 * must not say ready before both answer (docs/adr/0107-readiness-covers-webhook-store.md).
 */
@Injectable()
export class WebhookStoreReadiness implements OnModuleInit {
  constructor(
    private readonly checks: ReadinessChecks,
    private readonly queues: NotificationQueues,
    private readonly redis: RedisService,
  ) {}

  onModuleInit(): void {
    this.checks.register('webhook_store', () => this.check());
  }

  async check(): Promise<ReadinessCheckResult> {
    if (!this.redis.isAvailable()) return { status: 'down', error: 'request-path Redis not connected' };
    const started = Date.now();
    const client = await withTimeout(this.queues.inbound.client, PING_TIMEOUT_MS);
    if (client.status !== 'ready') return { status: 'down', error: 'queue connection not ready' };
    // BullMQ's connection is an ioredis client behind its adapter interface.
    await withTimeout((client as unknown as Redis).ping(), PING_TIMEOUT_MS);
    return { status: 'up', latency_ms: Date.now() - started };
  }
}
