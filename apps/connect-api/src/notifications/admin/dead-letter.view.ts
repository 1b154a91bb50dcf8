import type { Job } from 'bullmq';
import type { DeliverJobData, InboundJobData, QueueKind } from '../queueing/notification-jobs';
import { reasonOf } from '../queueing/notification-jobs';

export interface DeadLetterView {
  queue: QueueKind;
  id: string;
  event_id: string | null;
  client_id: string | null;
  bid: string;
  type: string;
  attempts: number;
  reason: string;
  last_error: string | null;
  received_at: string | null;
  failed_at: string | null;
}

const iso = (ms: number | undefined | null) => (ms ? new Date(ms).toISOString() : null);

/** One dead-lettered job as the admin API shows it (docs/operations.md#admin-api). Pure. */
export function toDeadLetterView(
  queue: QueueKind,
  job: Job<InboundJobData | DeliverJobData>,
): DeadLetterView {
  const data = job.data as Partial<DeliverJobData> & Partial<InboundJobData>;
  const exhausted = job.attemptsMade >= (job.opts.attempts ?? 1);
  return {
    queue,
    id: String(job.id),
    event_id: data.eventId ?? null,
    client_id: data.clientId ?? null,
    bid: String(data.bid ?? ''),
    type: String(data.type ?? ''),
    attempts: job.attemptsMade,
    reason: reasonOf(job.failedReason, exhausted, queue),
    last_error: job.failedReason ?? null,
    received_at: iso(data.receivedAtMs ?? job.timestamp),
    failed_at: iso(job.finishedOn),
  };
}
