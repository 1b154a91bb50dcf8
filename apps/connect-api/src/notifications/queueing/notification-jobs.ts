import { bullmq } from './bullmq';
import type { UpstreamEventType } from '../inbound/inbound-notification';
import type { PartnerEventType } from './partner-event.mapper';
import type { TraceCarrier } from './notification-tracing';

export const INBOUND_QUEUE = 'notify-inbound';
export const DELIVER_QUEUE = 'notify-deliver';
export type QueueKind = 'inbound' | 'deliver';

/** `notify-inbound` job: the normalised 12go webhook, stored before 12go gets its 200. */
export interface InboundJobData {
  bid: string;
  type: UpstreamEventType;
  upstreamType: unknown;
  stamp: number | null;
  dedupStamp: string;
  receivedAtMs: number;
  newStatus: string | null;
  previousStatus: string | null;
  body: Record<string, unknown>;
  correlationId?: string;
  /** Trace context of the receiving request (docs/platform.md#traces). */
  trace?: TraceCarrier;
}

/** `notify-deliver` job: one event for one client, body serialised once (every attempt sends the same bytes). */
export interface DeliverJobData {
  eventId: string;
  clientId: string;
  bid: string;
  bookingId: string;
  type: PartnerEventType;
  body: string;
  receivedAtMs: number;
  /** The inbound job this event came from (for refresh replays and the admin view). */
  inbound: InboundJobData;
  correlationId?: string;
  trace?: TraceCarrier;
}

/** What an inbound job ends with when it does not produce a delivery. */
export type InboundOutcome =
  'queued' | 'skipped_disabled' | 'skipped_no_webhook' | 'skipped_event_type' | 'skipped_legacy_route';

/** Dead-letter reasons (docs/contract/webhooks.md#who-owns-a-booking, docs/contract/webhooks.md#delivery-and-retries, docs/contract/webhooks.md#target-url-safety). */
export type DeadLetterReason =
  | 'owner_ambiguous'
  | 'owner_unresolved'
  | 'owner_probe_inconclusive'
  | 'booking_unreadable'
  | 'blocked_target'
  | 'client_disabled'
  | 'client_webhook_disabled'
  | 'client_removed'
  | 'retries_exhausted'
  | 'stalled'
  | 'error';

const REASON_PREFIX = /^([a-z_]+): /;

/** A failure with a reason code; `final` ones skip the remaining attempts (BullMQ UnrecoverableError). */
export function notificationFailure(reason: DeadLetterReason, detail: string, final: boolean): Error {
  const message = `${reason}: ${detail}`;
  return final ? new (bullmq().UnrecoverableError)(message) : new Error(message);
}

/** Retryable delivery failure carrying the partner's Retry-After for the backoff strategy. */
export class DeliveryAttemptError extends Error {
  constructor(
    message: string,
    readonly retryAfterMs?: number,
    /** The partner's HTTP status, when it answered. */
    readonly status?: number,
  ) {
    super(message);
    this.name = 'DeliveryAttemptError';
  }
}

/** The reason code at the start of a job's failedReason (`reason: detail`). */
export function reasonOf(
  failedReason: string | undefined,
  exhausted: boolean,
  queue: QueueKind,
): DeadLetterReason {
  const m = failedReason ? REASON_PREFIX.exec(failedReason) : null;
  if (failedReason && /stalled more than allowable limit/i.test(failedReason)) return 'stalled';
  if (
    queue === 'deliver' &&
    exhausted &&
    !(m && ['blocked_target', 'client_disabled', 'client_webhook_disabled', 'client_removed'].includes(m[1]))
  ) {
    return 'retries_exhausted';
  }
  return (m?.[1] as DeadLetterReason | undefined) ?? 'error';
}
