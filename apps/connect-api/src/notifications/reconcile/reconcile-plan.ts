import type { NotifiedState } from '../../booking-owner/reconcile-watch-list';
import type { UpstreamEventType } from '../inbound/inbound-notification';

export const HOUR_MS = 3_600_000;
export const DAY_MS = 24 * HOUR_MS;

/** 12go statuses after which nothing changes any more: the booking leaves the watch list once told. */
const FINAL_STATUSES: ReadonlySet<string> = new Set(['cancelled', 'canceled', 'declined', 'expired']);
/** Right after reserve; no 12go webhook announces it and the partner learnt it from CreateBooking. */
const INITIAL_STATUS = 'pending_client_confirmation';

export function isFinalStatus(status: string): boolean {
  return FINAL_STATUSES.has(status.trim().toLowerCase());
}

/** The webhook `type` 12go sends for a transition to `status`: what the webhook path would have stored. */
export function upstreamTypeForStatus(status: string): UpstreamEventType {
  const s = status.trim().toLowerCase();
  if (s === 'confirmed') return 'booking_confirmed';
  if (s === 'cancelled' || s === 'canceled') return 'booking_canceled';
  return 'booking_updated';
}

/**
 * Backoff by age: every `intervalMs` while the booking is younger than an hour or changed within the last
 * hour, then hourly. Age counts from the later of enrolment and the last 12go change (`stamp`).
 */
export function nextPollDelayMs(
  nowMs: number,
  enrolledAtMs: number,
  lastChangeMs: number | null,
  intervalMs: number,
): number {
  const recentMs = Math.max(enrolledAtMs, lastChangeMs ?? 0);
  return nowMs - recentMs < HOUR_MS ? intervalMs : Math.max(intervalMs, HOUR_MS);
}

/** How many bookings one tick may poll: the rate over the tick, leaving a fifth of it as margin. */
export function tickBudget(ratePerS: number, intervalMs: number): number {
  return Math.max(1, Math.floor((ratePerS * intervalMs * 0.8) / 1000));
}

export type ReconcileDecision =
  /** Nothing newer than what the partner was told. */
  | { kind: 'in_sync' }
  /** Newer stamp, nothing to tell (same status, or still the initial reservation): remember it. */
  | { kind: 'record' }
  /** The partner has not been told this status: emit the event the webhook would have produced. */
  | {
      kind: 'emit';
      type: UpstreamEventType;
      /** Component of the event id and dedup key, as the webhook path derives it from `stamp`. */
      dedupStamp: string;
      previousStatus: string | null;
    };

export interface ObservedBooking {
  status: string;
  stamp: number;
}

/** Compares the booking as 12go reports it with the last status the partner was told. */
export function decideReconcile(current: ObservedBooking, notified: NotifiedState | null): ReconcileDecision {
  if (notified && current.stamp <= notified.stamp) return { kind: 'in_sync' };
  const status = current.status.trim().toLowerCase();
  if (notified && status === notified.status.trim().toLowerCase()) return { kind: 'record' };
  if (!notified && status === INITIAL_STATUS) return { kind: 'record' };
  return {
    kind: 'emit',
    type: upstreamTypeForStatus(status),
    dedupStamp: String(current.stamp),
    previousStatus: notified?.status ?? null,
  };
}
