import { Injectable, Logger } from '@nestjs/common';
import type { Job, Queue } from 'bullmq';
import { ClientRegistry } from '../../platform/clients/client-registry';
import { ContractError } from '../../platform/errors/contract-error';
import { isRedisConnectionError, RedisUnavailableError } from '../../platform/redis/redis-unavailable.error';
import { BookingEventBuilder } from '../inbound/booking-event.builder';
import { NotificationQueues } from '../queueing/notification-queues';
import type { DeliverJobData, InboundJobData, QueueKind } from '../queueing/notification-jobs';
import { toDeadLetterView, type DeadLetterView } from './dead-letter.view';

type AnyJob = Job<InboundJobData | DeliverJobData>;
const SCAN_BATCH = 500;
const STATS_SCAN_LIMIT = 10_000;
const ADMIN_REDIS_TIMEOUT_MS = 5_000;

export interface DeadLetterFilter {
  queue: QueueKind;
  clientId?: string;
  reason?: string;
  sinceMs?: number;
}

/** Dead letters and replay (docs/contract/webhooks.md#dead-letters, docs/operations.md#admin-api). Redis failures → 503 via RedisUnavailableError. */
@Injectable()
export class DeadLettersService {
  private readonly logger = new Logger('NotifyAdmin');

  constructor(
    private readonly queues: NotificationQueues,
    private readonly registry: ClientRegistry,
    private readonly events: BookingEventBuilder,
  ) {}

  async stats(): Promise<Record<string, unknown>> {
    return this.redis('stats', async () => {
      const out: Record<string, unknown> = {};
      for (const kind of ['inbound', 'deliver'] as const) {
        const q = this.queue(kind);
        const counts = await q.getJobCounts(
          'waiting',
          'active',
          'delayed',
          'failed',
          'completed',
          'paused',
          'prioritized',
        );
        const [oldest] = await q.getJobs(['wait'], 0, 0, true);
        const deadLetters: Record<string, Record<string, number>> = {};
        for (const job of await q.getFailed(0, STATS_SCAN_LIMIT - 1)) {
          if (!job) continue;
          const v = toDeadLetterView(kind, job as AnyJob);
          const client = v.client_id ?? 'unresolved';
          deadLetters[client] ??= {};
          deadLetters[client][v.reason] = (deadLetters[client][v.reason] ?? 0) + 1;
        }
        out[kind] = {
          queue: q.name,
          counts,
          oldest_waiting_s: oldest ? Math.max(0, Math.round((Date.now() - oldest.timestamp) / 1000)) : 0,
          dead_letters: deadLetters,
        };
      }
      return out;
    });
  }

  async list(
    filter: DeadLetterFilter,
    limit: number,
    cursor: number,
  ): Promise<{ items: DeadLetterView[]; next_cursor: string | null }> {
    return this.redis('list', async () => {
      const q = this.queue(filter.queue);
      const items: DeadLetterView[] = [];
      let offset = cursor;
      for (;;) {
        const batch = await q.getFailed(offset, offset + SCAN_BATCH - 1);
        for (const job of batch) {
          offset += 1;
          if (!job) continue;
          const view = toDeadLetterView(filter.queue, job as AnyJob);
          if (this.matches(view, job as AnyJob, filter)) items.push(view);
          if (items.length >= limit) return { items, next_cursor: String(offset) };
        }
        if (batch.length < SCAN_BATCH) return { items, next_cursor: null };
      }
    });
  }

  async inspect(jobId: string): Promise<Record<string, unknown>> {
    return this.redis('inspect', async () => {
      const { kind, job } = await this.find(jobId);
      const logs = await this.queue(kind).getJobLogs(jobId, 0, 99);
      return {
        queue: kind,
        id: String(job.id),
        state: await job.getState(),
        attempts: job.attemptsMade,
        max_attempts: job.opts.attempts ?? 1,
        failed_reason: job.failedReason ?? null,
        errors: job.stacktrace?.map((s) => s.split('\n')[0]) ?? [],
        history: logs.logs.map((l) => {
          try {
            return JSON.parse(l) as unknown;
          } catch {
            return l;
          }
        }),
        created_at: new Date(job.timestamp).toISOString(),
        processed_at: job.processedOn ? new Date(job.processedOn).toISOString() : null,
        finished_at: job.finishedOn ? new Date(job.finishedOn).toISOString() : null,
        result: job.returnvalue ?? null,
        dead_letter: job.failedReason ? toDeadLetterView(kind, job) : null,
        data: job.data,
      };
    });
  }

  async replay(jobId: string, refresh: boolean, source: string | undefined): Promise<DeadLetterView> {
    const { kind, job } = await this.redis('replay', () => this.find(jobId));
    if (!(await this.redis('replay', () => job.isFailed()))) {
      throw new ContractError('conflict', 'Only dead-lettered jobs can be replayed.');
    }
    if (refresh && kind === 'deliver') {
      const data = job.data as DeliverJobData;
      const client = this.registry.get(data.clientId);
      if (!client) throw new ContractError('conflict', 'The client of this event is no longer configured.');
      const rebuilt = await this.events.build(client, data.inbound);
      await this.redis('replay', () =>
        job.updateData({ ...data, body: rebuilt.body, bookingId: rebuilt.bookingId }),
      );
    }
    await this.redis('replay', () =>
      job.retry('failed', { resetAttemptsMade: true, resetAttemptsStarted: true }),
    );
    this.logger.log({
      msg: 'admin.audit',
      action: 'notifications.replay',
      job_id: jobId,
      queue: kind,
      refresh,
      remote_ip: source,
    });
    return toDeadLetterView(kind, job);
  }

  async replayMany(
    filter: DeadLetterFilter,
    limit: number,
    source: string | undefined,
  ): Promise<{ replayed: string[]; failed: string[] }> {
    const { items } = await this.list(filter, limit, 0);
    const replayed: string[] = [];
    const failed: string[] = [];
    for (const item of items) {
      try {
        await this.replay(item.id, false, source);
        replayed.push(item.id);
      } catch (err) {
        if (err instanceof RedisUnavailableError) throw err;
        failed.push(item.id);
      }
    }
    this.logger.log({
      msg: 'admin.audit',
      action: 'notifications.replay_bulk',
      queue: filter.queue,
      client_id: filter.clientId,
      reason: filter.reason,
      count: replayed.length,
      remote_ip: source,
    });
    return { replayed, failed };
  }

  async discard(jobId: string, source: string | undefined): Promise<void> {
    const { kind, job } = await this.redis('discard', () => this.find(jobId));
    if (!(await this.redis('discard', () => job.isFailed()))) {
      throw new ContractError('conflict', 'Only dead-lettered jobs can be discarded.');
    }
    await this.redis('discard', () => job.remove());
    this.logger.log({
      msg: 'admin.audit',
      action: 'notifications.discard',
      job_id: jobId,
      queue: kind,
      remote_ip: source,
    });
  }

  private matches(view: DeadLetterView, job: AnyJob, f: DeadLetterFilter): boolean {
    if (f.clientId && view.client_id !== f.clientId) return false;
    if (f.reason && view.reason !== f.reason) return false;
    if (f.sinceMs && (job.finishedOn ?? 0) < f.sinceMs) return false;
    return true;
  }

  private queue(kind: QueueKind): Queue {
    return this.queues.queue(kind) as Queue;
  }

  private async find(jobId: string): Promise<{ kind: QueueKind; job: AnyJob }> {
    const kind: QueueKind = jobId.startsWith('in-') ? 'inbound' : 'deliver';
    const job = (await this.queue(kind).getJob(jobId)) as AnyJob | undefined;
    if (!job) throw new ContractError('not_found', 'No such notification job.');
    return { kind, job };
  }

  /** Queue calls wait for a reconnect forever; admin answers 503 after a few seconds instead (docs/operations.md#when-redis-is-down). */
  private async redis<T>(operation: string, fn: () => Promise<T>): Promise<T> {
    let timer: NodeJS.Timeout | undefined;
    const timeout = new Promise<never>((_, reject) => {
      timer = setTimeout(
        () => reject(new RedisUnavailableError(`notifications.${operation}`)),
        ADMIN_REDIS_TIMEOUT_MS,
      );
    });
    try {
      return await Promise.race([fn(), timeout]);
    } catch (err) {
      if (isRedisConnectionError(err)) throw new RedisUnavailableError(`notifications.${operation}`, err);
      throw err;
    } finally {
      clearTimeout(timer);
    }
  }
}
