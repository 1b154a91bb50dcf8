import { Injectable, Logger } from '@nestjs/common';
import type { Job } from 'bullmq';
import type { TwelveGoBookingDetailsNormalized } from '@app/twelvego-client';
import { ReconcileWatchList } from '../../booking-owner/reconcile-watch-list';
import { ClientRegistry } from '../../platform/clients/client-registry';
import { BookingEventBuilder } from './booking-event.builder';
import { NotificationQueues } from '../queueing/notification-queues';
import { notificationFailure, type InboundJobData, type InboundOutcome } from '../queueing/notification-jobs';
import { partnerEventType } from '../queueing/partner-event.mapper';
import { NotificationTelemetry } from '../queueing/notification-telemetry';
import { upstreamTypeForStatus } from '../reconcile/reconcile-plan';
import { OwnerResolverService, type ResolvedOwner } from './owner-resolver.service';
import type { ClientRoute } from '../../platform/clients/client-snapshot';

export interface InboundJobResult {
  outcome: InboundOutcome;
  clientId?: string;
  eventId?: string;
  resolution?: string;
}

/** `notify-inbound` worker: resolve the owner, build the event, enqueue its delivery (docs/contract/webhooks.md#who-owns-a-booking, docs/contract/webhooks.md#outbound-events). */
@Injectable()
export class InboundJobProcessor {
  private readonly logger = new Logger('NotifyInbound');

  constructor(
    private readonly owners: OwnerResolverService,
    private readonly registry: ClientRegistry,
    private readonly events: BookingEventBuilder,
    private readonly queues: NotificationQueues,
    private readonly telemetry: NotificationTelemetry,
    private readonly watchList: ReconcileWatchList,
  ) {}

  async process(job: Job<InboundJobData>): Promise<InboundJobResult> {
    const data = job.data;
    const owner = await this.owners.resolve(data.bid, data.correlationId);
    const client = this.registry.get(owner.clientId);
    const base = {
      bid: data.bid,
      client_id: owner.clientId,
      resolution: owner.method,
      attempt: job.attemptsMade + 1,
    };
    if (!client)
      throw notificationFailure('client_removed', `client ${owner.clientId} is not configured`, true);
    const received = (outcome: InboundOutcome) =>
      this.telemetry.received(
        {
          bid: data.bid,
          upstream_type: typeof data.upstreamType === 'string' ? data.upstreamType.slice(0, 100) : null,
          stamp: data.stamp,
          resolution: owner.method,
          owner_client_id: owner.clientId,
          duplicate: false,
          new_status: data.newStatus,
          previous_status: data.previousStatus,
          result: outcome,
        },
        { clientId: owner.clientId, correlationId: data.correlationId },
      );
    const skip = (outcome: InboundOutcome): InboundJobResult => {
      this.logger.log({ msg: 'notification.skipped', ...base, outcome });
      received(outcome);
      return { outcome, clientId: client.clientId, resolution: owner.method };
    };
    if (!client.enabled) return skip('skipped_disabled');
    // Legacy notifies the partners it serves, about the bookings it made (docs/adr/0222-legacy-notifies-its-clients.md).
    if (legacyNotifies(client.route, owner)) return skip('skipped_legacy_route');
    if (!client.webhook?.url) return skip('skipped_no_webhook');
    if (!client.webhook.eventTypes.includes(partnerEventType(data.type))) return skip('skipped_event_type');

    const details = owner.details ?? (await this.events.read(client, data));
    const deliver = await this.events.build(client, data, details);
    // Deterministic job id = event id: re-running this job after a crash adds nothing twice.
    await this.queues.deliver.add('deliver', deliver, this.queues.deliverJobOptions(deliver.eventId));
    // debug: `notification.received` (result queued) carries the same facts at info
    this.logger.debug({ msg: 'notification.queued', ...base, event_id: deliver.eventId, type: deliver.type });
    await this.recordNotified(data, details);
    received('queued');
    return {
      outcome: 'queued',
      clientId: client.clientId,
      eventId: deliver.eventId,
      resolution: owner.method,
    };
  }

  /**
   * Tells the reconciler which status the partner now has: the one read from 12go for the event, not the
   * webhook body's claim — and only when the event's type announces it (a `booking.confirmed` carrying an
   * already cancelled booking leaves the cancellation to be announced). Best effort: the dedup marker also
   * covers this event.
   */
  private async recordNotified(
    data: InboundJobData,
    details: TwelveGoBookingDetailsNormalized,
  ): Promise<void> {
    const bid = data.bid;
    const stamp = Number(details.stamp);
    if (typeof details.status !== 'string' || !Number.isSafeInteger(stamp)) return;
    if (upstreamTypeForStatus(details.status) !== data.type) return;
    try {
      await this.watchList.recordNotified(bid, { status: details.status, stamp });
    } catch (err) {
      this.logger.warn({ msg: 'reconcile.record_failed', bid, err: (err as Error).message });
    }
  }
}

/**
 * A client routed to `legacy` or `shadow` gets its notifications from legacy, except for bookings the BFF made
 * itself (an ownership record CreateBooking wrote while the client was on `bff`: legacy does not know them).
 * A record the owner probe wrote (the client was on `bff` when a webhook came, then moved back) is legacy's
 * booking still. A record older than its `origin` field counts as the BFF's (the behaviour before the field).
 */
export function legacyNotifies(route: ClientRoute, owner: Pick<ResolvedOwner, 'method' | 'origin'>): boolean {
  if (route === 'bff') return false;
  return !(owner.method === 'record' && owner.origin !== 'probe');
}
