import { Injectable } from '@nestjs/common';
import { getRequestContext } from '../../platform/context/request-context';
import { BusinessEvents, type EventIds } from '../../platform/events/business-events.service';
import { recordBusinessEvent } from '../../platform/events/record-business-event';
import { MetricsService } from '../../platform/metrics/metrics.service';

/** `notification.received` (docs/platform.md#business-events); `resolution`/`owner_client_id` once the owner is known. */
export interface ReceivedEventFields {
  bid: string;
  upstream_type: string | null;
  stamp: unknown;
  resolution: string | null;
  owner_client_id: string | null;
  duplicate: boolean;
  new_status: unknown;
  previous_status: unknown;
  /** What the inbound job did with it (`queued`, `skipped_*`); absent for a duplicate. */
  result?: string;
}

export interface DeliveredEventFields {
  event_id: string;
  booking_id: string;
  type: string;
  attempts: number;
  end_to_end_ms: number;
  status_code: number | undefined;
}

export interface DeadLetteredEventFields {
  event_id: string | undefined;
  booking_id: string | undefined;
  bid: string | undefined;
  type: string | undefined;
  attempts: number;
  queue: 'inbound' | 'deliver';
  reason: string;
  last_status: number | null;
  job_id: string | undefined;
}

/**
 * Metrics (docs/platform.md#metrics) and business events (docs/platform.md#business-events) of the notification pipeline in one place.
 * Business events go through the platform (same logger, common fields, `evt.*`); they hold ids and statuses only.
 */
@Injectable()
export class NotificationTelemetry {
  constructor(
    private readonly metrics: MetricsService,
    private readonly events: BusinessEvents,
  ) {}

  inbound(result: 'accepted' | 'duplicate' | 'invalid' | 'rejected' | 'unavailable', type?: string): void {
    this.metrics.increment('webhook.inbound', { result, type });
  }

  ownerResolution(method: 'record' | 'legacy_map' | 'probe' | 'unresolved' | 'ambiguous'): void {
    this.metrics.increment('notify.owner_resolution', { method });
  }

  deliveryAttempt(clientId: string, result: string, durationMs: number): void {
    this.metrics.increment('webhook.delivery.attempts', { client_id: clientId, result });
    this.metrics.distribution('webhook.delivery.duration', durationMs, { client_id: clientId });
  }

  delivered(clientId: string, type: string, endToEndMs: number): void {
    this.metrics.increment('webhook.delivered', { client_id: clientId, type });
    this.metrics.distribution('webhook.end_to_end', endToEndMs, { client_id: clientId });
  }

  deadLettered(clientId: string | undefined, queue: string, reason: string): void {
    this.metrics.increment('webhook.dead_lettered', { client_id: clientId ?? 'unresolved', queue, reason });
  }

  queueDepth(queue: string, counts: Record<string, number>, oldestWaitingS: number): void {
    for (const state of ['waiting', 'active', 'delayed', 'failed'] as const) {
      this.metrics.gauge('queue.depth', counts[state] ?? 0, { queue, state });
    }
    this.metrics.gauge('queue.oldest_waiting_s', oldestWaitingS, { queue });
  }

  /**
   * `notification.received`: inside the 12go webhook request (a duplicate) the platform emits it with the
   * response; from the inbound worker (owner resolved) at once with the request's correlation id.
   */
  received(fields: ReceivedEventFields, ids: EventIds): void {
    if (getRequestContext()) recordBusinessEvent('notification.received', { ...fields });
    else this.events.emitFor('notification.received', 'success', { ...fields }, ids);
  }

  /** `notification.delivered`, once per event (the attempt the partner acknowledged). */
  deliveredEvent(fields: DeliveredEventFields, ids: EventIds): void {
    const { status_code, ...rest } = fields;
    this.events.emitFor('notification.delivered', 'success', { ...rest, http: { status_code } }, ids);
  }

  /** `notification.dead_lettered` (`evt.outcome: failure`), once when a job reaches the dead-letter list. */
  deadLetteredEvent(fields: DeadLetteredEventFields, ids: EventIds): void {
    this.events.emitFor(
      'notification.dead_lettered',
      'failure',
      { ...fields, error: { code: fields.reason } },
      ids,
    );
  }
}
