import { Inject, Injectable, Logger, OnApplicationShutdown } from '@nestjs/common';
import type { ConnectionOptions, JobsOptions, Queue } from 'bullmq';
import { RedisService } from '../../platform/redis/redis.service';
import type { ConnectionTuning, RedisClient } from '../../platform/redis/redis-connection.factory';
import { NOTIFICATIONS_SETTINGS } from '../notifications.settings.provider';
import type { NotificationsSettings } from '../notifications.settings';
import { bullmq } from './bullmq';
import { closeBounded } from './bounded-close';
import {
  DELIVER_QUEUE,
  INBOUND_QUEUE,
  type DeliverJobData,
  type InboundJobData,
  type QueueKind,
} from './notification-jobs';

const DAY_S = 86_400;
const QUEUE_CLOSE_GRACE_MS = 2_000;

/**
 * The two BullMQ queues (docs/contract/webhooks.md). Producers use a connection without an offline queue so a
 * Redis outage surfaces at once (inbound → 503) instead of buffering an acknowledgement we cannot keep.
 */
@Injectable()
export class NotificationQueues implements OnApplicationShutdown {
  private readonly logger = new Logger('NotificationQueues');
  private inboundQueue?: Queue<InboundJobData>;
  private deliverQueue?: Queue<DeliverJobData>;
  /** BullMQ does not close connections it was handed; these are quit after the queues and workers closed. */
  private readonly owned = new Set<RedisClient>();

  constructor(
    private readonly redis: RedisService,
    @Inject(NOTIFICATIONS_SETTINGS) readonly settings: NotificationsSettings,
  ) {}

  /** Created on first use, so an app that fails to boot leaves no queue connection behind. */
  get inbound(): Queue<InboundJobData> {
    return (this.inboundQueue ??= this.create<InboundJobData>(INBOUND_QUEUE));
  }

  get deliver(): Queue<DeliverJobData> {
    return (this.deliverQueue ??= this.create<DeliverJobData>(DELIVER_QUEUE));
  }

  private create<T>(name: string): Queue<T> {
    const connection = this.connection(`tc-bff-queue-${name}`, {
      enableOfflineQueue: false,
      maxRetriesPerRequest: 1,
    });
    const q = new (bullmq().Queue)<T>(name, { connection, prefix: this.settings.queuePrefix });
    q.on('error', (err) => this.logger.warn({ msg: 'notify.queue_error', queue: name, err: err.message }));
    return q;
  }

  /**
   * A connection for BullMQ on the queue topology (workers pass `maxRetriesPerRequest: null`). An instance,
   * not options: BullMQ can only use a Redis Cluster it is handed (its blocking connections duplicate it).
   */
  connection(name: string, overrides: Partial<ConnectionTuning>): ConnectionOptions {
    const client = this.redis.queueConnection(name, overrides);
    client.on('error', () => undefined); // BullMQ reports errors through the queue/worker 'error' events
    this.owned.add(client);
    return client as ConnectionOptions;
  }

  queue(kind: QueueKind): Queue<InboundJobData> | Queue<DeliverJobData> {
    return kind === 'inbound' ? this.inbound : this.deliver;
  }

  /** Retention: completed 24 h, failed (the dead-letter list) WEBHOOK_DLQ_RETENTION_DAYS. */
  retention(): Pick<JobsOptions, 'removeOnComplete' | 'removeOnFail'> {
    return {
      removeOnComplete: { age: DAY_S },
      removeOnFail: { age: this.settings.dlqRetentionDays * DAY_S },
    };
  }

  inboundJobOptions(jobId: string): JobsOptions {
    return {
      jobId,
      attempts: this.settings.inboundScheduleMs.length + 1,
      backoff: { type: 'notify-inbound' },
      ...this.retention(),
    };
  }

  deliverJobOptions(jobId: string): JobsOptions {
    return {
      jobId,
      attempts: this.settings.deliveryScheduleMs.length + 1,
      backoff: { type: 'notify-deliver' },
      ...this.retention(),
    };
  }

  /** `QUIT` when Redis answers, else drop the connection (never wait for a Redis that went away). */
  async onApplicationShutdown(): Promise<void> {
    const queues = [this.inboundQueue, this.deliverQueue].filter((q): q is Queue => q !== undefined);
    await Promise.all(queues.map((q) => closeBounded(q, { graceMs: QUEUE_CLOSE_GRACE_MS })));
    const owned = [...this.owned];
    this.owned.clear();
    await Promise.all(owned.map((c) => quitBounded(c, QUEUE_CLOSE_GRACE_MS)));
  }
}

async function quitBounded(client: RedisClient, graceMs: number): Promise<void> {
  if (client.status === 'end') return;
  if (client.status !== 'ready') return client.disconnect();
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<void>((resolve) => (timer = setTimeout(resolve, graceMs)));
  await Promise.race([client.quit().catch(() => undefined), timeout]);
  clearTimeout(timer);
  if ((client.status as string) !== 'end') client.disconnect();
}
