import { Inject, Injectable, Logger } from '@nestjs/common';
import { TwelveGoClient, TwelveGoError, type TwelveGoBookingDetailsNormalized } from '@app/twelvego-client';
import { BookingOwnerStore, type OwnerOrigin } from '../../booking-owner/booking-owner.store';
import { LegacyBookingMapService } from '../../booking-ids/legacy-booking-map.service';
import { ClientRegistry } from '../../platform/clients/client-registry';
import { mapWithConcurrency } from '../../platform/concurrency/bounded-concurrency';
import { isUpstreamNotFound } from '../../platform/twelvego/upstream-not-found';
import { NOTIFICATIONS_SETTINGS } from '../notifications.settings.provider';
import type { NotificationsSettings } from '../notifications.settings';
import { notificationFailure } from '../queueing/notification-jobs';
import { NotificationTelemetry } from '../queueing/notification-telemetry';
import { decideProbe, distinctUpstreamKeys, type ProbeAnswer } from './owner-probe.decision';

export interface ResolvedOwner {
  clientId: string;
  method: 'record' | 'legacy_map' | 'probe';
  /** For `record`: who wrote it (null: a record older than the field, written by CreateBooking or the probe). */
  origin?: OwnerOrigin | null;
  /** The booking as read by the probe (reused for the payload, docs/contract/webhooks.md#outbound-events). */
  details?: TwelveGoBookingDetailsNormalized;
}

/**
 * docs/contract/webhooks.md#who-owns-a-booking: ownership record → legacy map row (docs/contract/ids.md#booking-ids) → probe by 12go key.
 * Never guesses: ambiguity dead-letters at once, "nobody can read it" and partial answers are retried.
 */
@Injectable()
export class OwnerResolverService {
  private readonly logger = new Logger('NotifyOwner');

  constructor(
    private readonly owners: BookingOwnerStore,
    private readonly legacy: LegacyBookingMapService,
    private readonly registry: ClientRegistry,
    private readonly twelvego: TwelveGoClient,
    @Inject(NOTIFICATIONS_SETTINGS) private readonly settings: NotificationsSettings,
    private readonly telemetry: NotificationTelemetry,
  ) {}

  async resolve(bid: string, correlationId?: string): Promise<ResolvedOwner> {
    try {
      const owner = await this.resolveOwner(bid, correlationId);
      this.telemetry.ownerResolution(owner.method);
      return owner;
    } catch (err) {
      const m = /^(owner_ambiguous|owner_unresolved)/.exec((err as Error).message);
      if (m) this.telemetry.ownerResolution(m[1] === 'owner_ambiguous' ? 'ambiguous' : 'unresolved');
      throw err;
    }
  }

  private async resolveOwner(bid: string, correlationId?: string): Promise<ResolvedOwner> {
    const record = await this.owners.read(bid); // Redis failure → thrown → retried
    const legacyRow = this.legacy.reverse(bid);
    if (record && legacyRow && record.clientId !== legacyRow.clientId) {
      throw notificationFailure('owner_ambiguous', 'ownership record and legacy map disagree', true);
    }
    if (record) return { clientId: record.clientId, method: 'record', origin: record.origin };
    if (legacyRow) return { clientId: legacyRow.clientId, method: 'legacy_map' };
    if (!this.settings.ownerProbe)
      throw notificationFailure('owner_unresolved', 'no ownership record, probe disabled', false);
    return this.probe(bid, correlationId);
  }

  private async probe(bid: string, correlationId?: string): Promise<ResolvedOwner> {
    const keys = [...distinctUpstreamKeys(this.registry.all()).entries()];
    const answers = await mapWithConcurrency(
      keys,
      this.settings.ownerProbeConcurrency,
      async ([apiKey, clientIds]) => {
        try {
          const details = await this.twelvego.getBookingDetails(
            { apiKey, correlationId, clientId: clientIds[0] },
            bid,
          );
          return { clientIds, outcome: 'readable', details } as ProbeAnswer<TwelveGoBookingDetailsNormalized>;
        } catch (err) {
          if (isUpstreamNotFound(err))
            return { clientIds, outcome: 'unreadable' } as ProbeAnswer<TwelveGoBookingDetailsNormalized>;
          this.logger.warn({
            msg: 'notify.probe_failed',
            bid,
            kind: err instanceof TwelveGoError ? err.kind : 'error',
          });
          return { clientIds, outcome: 'inconclusive' } as ProbeAnswer<TwelveGoBookingDetailsNormalized>;
        }
      },
    );
    const decision = decideProbe(answers);
    this.logger.log({ msg: 'notify.owner_probe', bid, keys: keys.length, decision: decision.kind });
    switch (decision.kind) {
      case 'owner':
        // A booking of a client legacy still serves stays legacy's: a record would make the next webhook
        // look like one for a booking the BFF made (docs/adr/0222-legacy-notifies-its-clients.md).
        if ((this.registry.get(decision.clientId)?.route ?? 'bff') === 'bff')
          await this.owners.write(bid, decision.clientId, {
            departureAt: decision.details.dep_date_time ?? null,
            origin: 'probe',
          });
        return { clientId: decision.clientId, method: 'probe', details: decision.details };
      case 'ambiguous':
        throw notificationFailure('owner_ambiguous', 'more than one client can read the booking', true);
      case 'unresolved':
        throw notificationFailure('owner_unresolved', 'no configured 12go key can read the booking', false);
      case 'inconclusive':
        throw notificationFailure(
          'owner_probe_inconclusive',
          'some probes failed; not concluding from partial answers',
          false,
        );
    }
  }
}
