import { Inject, Injectable, Logger, OnApplicationBootstrap, OnModuleDestroy } from '@nestjs/common';
import type { Job, Worker } from 'bullmq';
import { DeliveryJobProcessor } from './delivery/delivery-job.processor';
import {
  DeliveryAttemptError,
  DELIVER_QUEUE,
  INBOUND_QUEUE,
  reasonOf,
  type DeliverJobData,
  type InboundJobData,
  type QueueKind,
} from './queueing/notification-jobs';
import { tagSpan, traced } from './queueing/notification-tracing';
import { retryDelayMs } from './delivery/retry-schedule';
import { InboundJobProcessor } from './inbound/inbound-job.processor';
import { NOTIFICATIONS_SETTINGS } from './notifications.settings.provider';
import type { NotificationsSettings } from './notifications.settings';
import { NotificationQueues } from './queueing/notification-queues';
import { NotificationTelemetry } from './queueing/notification-telemetry';
import { closeBounded } from './queueing/bounded-close';
import { bullmq } from './queueing/bullmq';

const QUEUE_SAMPLE_MS = 15_000;
/** Beyond the delivery timeout, for moving the finished job and releasing its lock. */
const WORKER_CLOSE_MARGIN_MS = 5_000;

/**
 * The two BullMQ workers (docs/contract/webhooks.md#delivery-and-retries): custom backoff on the configured schedules, lock and
 * stalled check so jobs of a crashed instance come back, a second stall dead-letters. Started only when
 * enabled (ROLE ≠ api, NOTIFICATIONS_WORKERS_ENABLED); `close()` on shutdown lets active jobs finish.
 */
@Injectable()
export class NotificationWorkers implements OnApplicationBootstrap, OnModuleDestroy {
  private readonly logger = new Logger('NotifyWorkers');
  private workers: Worker[] = [];
  private sampler?: NodeJS.Timeout;

  constructor(
    private readonly queues: NotificationQueues,
    private readonly inbound: InboundJobProcessor,
    private readonly deliver: DeliveryJobProcessor,
    @Inject(NOTIFICATIONS_SETTINGS) private readonly settings: NotificationsSettings,
    private readonly telemetry: NotificationTelemetry,
  ) {}

  onApplicationBootstrap(): void {
    if (!this.settings.workersEnabled) {
      this.logger.log({ msg: 'notify.workers_disabled' });
      return;
    }
    const inbound = (job: Job<InboundJobData>) =>
      traced('bff.notify.inbound', INBOUND_QUEUE, job.data.trace, async (span) => {
        tagSpan(span, { 'tc.bid': job.data.bid, 'tc.attempt': job.attemptsMade + 1 });
        const result = await this.inbound.process(job);
        tagSpan(span, {
          'tc.resolution': result.resolution,
          'tc.client_id': result.clientId,
          'tc.outcome': result.outcome,
        });
        return result;
      });
    const deliver = (job: Job<DeliverJobData>) =>
      traced('bff.notify.deliver', DELIVER_QUEUE, job.data.trace, async (span) => {
        tagSpan(span, {
          'tc.client_id': job.data.clientId,
          'tc.event_id': job.data.eventId,
          'tc.attempt': job.attemptsMade + 1,
        });
        const result = await this.deliver.process(job);
        tagSpan(span, { 'http.status_code': result.status });
        return result;
      });
    this.workers = [
      this.start(
        'inbound',
        INBOUND_QUEUE,
        inbound,
        this.settings.inboundConcurrency,
        this.settings.inboundScheduleMs,
      ),
      this.start(
        'deliver',
        DELIVER_QUEUE,
        deliver,
        this.settings.deliveryConcurrency,
        this.settings.deliveryScheduleMs,
      ),
    ];
    this.sampler = setInterval(() => void this.sampleDepth(), QUEUE_SAMPLE_MS);
    this.sampler.unref();
  }

  /** `queue.depth` / `queue.oldest_waiting_s` every 15 s (docs/platform.md#metrics); failures are ignored. */
  private async sampleDepth(): Promise<void> {
    for (const q of [this.queues.inbound, this.queues.deliver]) {
      try {
        const counts = await q.getJobCounts('waiting', 'active', 'delayed', 'failed');
        const [oldest] = await q.getJobs(['wait'], 0, 0, true);
        this.telemetry.queueDepth(
          q.name,
          counts,
          oldest ? Math.max(0, Math.round((Date.now() - oldest.timestamp) / 1000)) : 0,
        );
      } catch {
        /* Redis down: the redis metrics report it */
      }
    }
  }

  private start(
    kind: QueueKind,
    name: string,
    processor: (job: Job) => Promise<unknown>,
    concurrency: number,
    scheduleMs: number[],
  ): Worker {
    const { UnrecoverableError, Worker } = bullmq();
    const worker = new Worker(name, processor, {
      connection: this.queues.connection(`tc-bff-worker-${name}`, {
        maxRetriesPerRequest: null,
        enableOfflineQueue: true,
      }),
      prefix: this.settings.queuePrefix,
      concurrency,
      autorun: false,
      lockDuration: this.settings.lockDurationMs,
      stalledInterval: this.settings.stalledIntervalMs,
      maxStalledCount: 1,
      settings: {
        backoffStrategy: (attemptsMade: number, _type?: string, err?: Error) =>
          retryDelayMs(
            scheduleMs,
            attemptsMade,
            Math.random(),
            err instanceof DeliveryAttemptError ? err.retryAfterMs : undefined,
          ),
      },
    });
    worker.on('error', (err) =>
      this.logger.warn({ msg: 'notify.worker_error', queue: name, err: err.message }),
    );
    worker.on('stalled', (jobId) =>
      this.logger.warn({ msg: 'notify.job_stalled', queue: name, job_id: jobId }),
    );
    worker.on('failed', (job, err) => {
      if (!job) return;
      const final =
        err instanceof UnrecoverableError ||
        err?.name === 'UnrecoverableError' ||
        job.attemptsMade >= (job.opts.attempts ?? 1);
      if (!final) return;
      const data = job.data as {
        eventId?: string;
        clientId?: string;
        bid?: string;
        bookingId?: string;
        type?: string;
        correlationId?: string;
      };
      const reason = reasonOf(err?.message, job.attemptsMade >= (job.opts.attempts ?? 1), kind);
      const fields = {
        queue: kind,
        job_id: job.id,
        event_id: data.eventId,
        client_id: data.clientId,
        bid: data.bid,
        booking_id: data.bookingId ?? data.bid,
        type: data.type,
        attempts: job.attemptsMade,
        reason,
        last_status: err?.message?.slice(0, 200),
      };
      this.logger.error({ msg: 'webhook.dead_lettered', ...fields });
      this.telemetry.deadLettered(data.clientId, kind, reason);
      this.telemetry.deadLetteredEvent(
        {
          event_id: data.eventId,
          booking_id: data.bookingId ?? data.bid,
          bid: data.bid,
          type: data.type,
          attempts: job.attemptsMade,
          queue: kind,
          reason,
          last_status: err instanceof DeliveryAttemptError ? (err.status ?? null) : null,
          job_id: job.id,
        },
        { clientId: data.clientId, correlationId: data.correlationId },
      );
    });
    worker
      .run()
      .catch((err: Error) =>
        this.logger.error({ msg: 'notify.worker_stopped', queue: name, err: err.message }),
      );
    return worker;
  }

  /**
   * Stop taking jobs and wait for active ones (SIGTERM via Nest shutdown hooks, docs/operations.md#shutdown-and-restarts step 5),
   * bounded: at most one delivery timeout plus a margin, and not at all once Redis is gone (see closeBounded).
   */
  async onModuleDestroy(): Promise<void> {
    if (this.sampler) clearInterval(this.sampler);
    const workers = this.workers;
    this.workers = [];
    const graceMs = this.settings.deliveryTimeoutMs + WORKER_CLOSE_MARGIN_MS;
    await Promise.all(
      workers.map(async (w) => {
        const outcome = await closeBounded(w, { graceMs });
        if (outcome === 'forced') this.logger.warn({ msg: 'notify.worker_close_forced', queue: w.name });
      }),
    );
  }
}
