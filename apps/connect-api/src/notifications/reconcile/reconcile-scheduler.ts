import { Inject, Injectable, Logger, OnApplicationBootstrap, OnModuleDestroy } from '@nestjs/common';
import type { Queue, Worker } from 'bullmq';
import { AppConfig } from '../../platform/config/app-config';
import { NOTIFICATIONS_SETTINGS } from '../notifications.settings.provider';
import type { NotificationsSettings } from '../notifications.settings';
import { closeBounded } from '../queueing/bounded-close';
import { bullmq } from '../queueing/bullmq';
import { NotificationQueues } from '../queueing/notification-queues';
import { BookingReconciler } from './booking-reconciler.service';

export const RECONCILE_QUEUE = 'notify-reconcile';
export const RECONCILE_SCHEDULER_ID = 'reconcile-tick';
const CLOSE_GRACE_MS = 5_000;

/**
 * Runs the reconciler on a BullMQ job scheduler: every instance with queue workers upserts the same
 * scheduler (idempotent) and runs a worker of concurrency 1, and BullMQ hands each tick to exactly one of
 * them — one instance reconciles at a time without a lock of our own. Ticks are bounded below the interval.
 */
@Injectable()
export class ReconcileScheduler implements OnApplicationBootstrap, OnModuleDestroy {
  private readonly logger = new Logger('NotifyReconcile');
  private queue?: Queue;
  private worker?: Worker;

  constructor(
    private readonly queues: NotificationQueues,
    private readonly reconciler: BookingReconciler,
    @Inject(NOTIFICATIONS_SETTINGS) private readonly settings: NotificationsSettings,
    private readonly config: AppConfig,
  ) {}

  onApplicationBootstrap(): void {
    if (!this.settings.workersEnabled || !this.config.RECONCILE_ENABLED) {
      this.logger.log({ msg: 'reconcile.disabled' });
      return;
    }
    const { Queue, Worker } = bullmq();
    const intervalMs = this.config.RECONCILE_INTERVAL_MS;
    const connection = (role: string) =>
      this.queues.connection(`tc-bff-${role}-${RECONCILE_QUEUE}`, {
        maxRetriesPerRequest: null,
        enableOfflineQueue: true,
      });
    this.queue = new Queue(RECONCILE_QUEUE, {
      connection: connection('queue'),
      prefix: this.settings.queuePrefix,
    });
    this.queue.on('error', (err) => this.logger.warn({ msg: 'reconcile.queue_error', err: err.message }));
    // Waits for Redis when it is down at boot (offline queue); shutdown abandons it.
    this.queue
      .upsertJobScheduler(
        RECONCILE_SCHEDULER_ID,
        { every: intervalMs },
        { name: 'tick', opts: { removeOnComplete: true, removeOnFail: { count: 20 } } },
      )
      .then(() => this.logger.log({ msg: 'reconcile.scheduled', interval_ms: intervalMs }))
      .catch((err: Error) => this.logger.warn({ msg: 'reconcile.schedule_failed', err: err.message }));
    this.worker = new Worker(RECONCILE_QUEUE, () => this.reconciler.runTick(), {
      connection: connection('worker'),
      prefix: this.settings.queuePrefix,
      concurrency: 1,
      lockDuration: this.settings.lockDurationMs,
      stalledInterval: this.settings.stalledIntervalMs,
      // a tick lost with its instance is not re-run: the next one comes anyway
      maxStalledCount: 0,
    });
    this.worker.on('error', (err) => this.logger.warn({ msg: 'reconcile.worker_error', err: err.message }));
    this.worker.on('failed', (_job, err) =>
      this.logger.warn({ msg: 'reconcile.tick_failed', err: err.message }),
    );
  }

  async onModuleDestroy(): Promise<void> {
    this.reconciler.stop();
    const closables = [this.worker, this.queue].filter((c): c is Worker | Queue => c !== undefined);
    this.worker = undefined;
    this.queue = undefined;
    for (const c of closables) {
      const outcome = await closeBounded(c, { graceMs: CLOSE_GRACE_MS });
      if (outcome === 'forced') this.logger.warn({ msg: 'reconcile.close_forced', name: c.name });
    }
  }
}
