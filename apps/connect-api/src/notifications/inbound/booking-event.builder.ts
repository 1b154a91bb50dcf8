import { Injectable, Logger } from '@nestjs/common';
import { TwelveGoClient, type TwelveGoBookingDetailsNormalized } from '@app/twelvego-client';
import { LegacyBookingMapService } from '../../booking-ids/legacy-booking-map.service';
import { IdMapping } from '../../ids/id-mapping';
import type { ClientSnapshot } from '../../platform/clients/client-snapshot';
import { callContextFor } from '../../platform/twelvego/call-context';
import { isUpstreamNotFound } from '../../platform/twelvego/upstream-not-found';
import { toContractBooking, unknownUpstreamStatus } from '../../contract/booking/booking.mapper';
import { mapBookingStatus } from '../../contract/booking/booking-status.mapper';
import { notificationFailure, type DeliverJobData, type InboundJobData } from '../queueing/notification-jobs';
import { buildPartnerEvent, partnerEventId, partnerEventType } from '../queueing/partner-event.mapper';
import { captureTraceContext } from '../queueing/notification-tracing';

/**
 * Builds the partner event for one owner (docs/contract/webhooks.md#outbound-events): a fresh booking snapshot read with the
 * owner's 12go key, mapped exactly like GetBookingDetails, the legacy booking id when one exists.
 */
@Injectable()
export class BookingEventBuilder {
  private readonly logger = new Logger('NotifyEvent');

  constructor(
    private readonly twelvego: TwelveGoClient,
    private readonly legacy: LegacyBookingMapService,
    private readonly idMapping: IdMapping,
  ) {}

  eventId(clientId: string, inbound: InboundJobData): string {
    return partnerEventId(clientId, inbound.bid, inbound.type, inbound.dedupStamp);
  }

  async build(
    client: ClientSnapshot,
    inbound: InboundJobData,
    reuse?: TwelveGoBookingDetailsNormalized,
  ): Promise<DeliverJobData> {
    const details = reuse ?? (await this.read(client, inbound));
    const unknown = unknownUpstreamStatus(details);
    if (unknown)
      this.logger.warn({
        msg: 'booking.unknown_upstream_status',
        bid: inbound.bid,
        upstream_status: unknown.slice(0, 50),
      });
    const legacyRow = this.legacy.reverse(inbound.bid);
    const bookingId =
      legacyRow && legacyRow.clientId === client.clientId ? legacyRow.legacyBookingId : inbound.bid;
    const booking = toContractBooking(details, {
      bookingId,
      markup: client.markup,
      stationId: (n) => this.idMapping.toClientStation(n, client.idScheme),
    });
    const eventId = this.eventId(client.clientId, inbound);
    const event = buildPartnerEvent({
      eventId,
      type: inbound.type,
      stamp: inbound.stamp,
      receivedAtMs: inbound.receivedAtMs,
      bookingId,
      booking,
      previousStatus: inbound.previousStatus ? mapBookingStatus(inbound.previousStatus).status : null,
    });
    return {
      eventId,
      clientId: client.clientId,
      bid: inbound.bid,
      bookingId,
      type: partnerEventType(inbound.type),
      body: JSON.stringify(event),
      receivedAtMs: inbound.receivedAtMs,
      inbound,
      correlationId: inbound.correlationId,
      trace: captureTraceContext(),
    };
  }

  /** The booking as the owner's 12go key reads it (what `build` uses when given nothing to reuse). */
  async read(client: ClientSnapshot, inbound: InboundJobData): Promise<TwelveGoBookingDetailsNormalized> {
    try {
      return await this.twelvego.getBookingDetails(
        callContextFor(client, { correlationId: inbound.correlationId }),
        inbound.bid,
      );
    } catch (err) {
      if (isUpstreamNotFound(err)) {
        throw notificationFailure(
          'booking_unreadable',
          `the owner's 12go key cannot read booking ${inbound.bid}`,
          false,
        );
      }
      throw err;
    }
  }
}
