import { Injectable, Logger } from '@nestjs/common';
import {
  TwelveGoClient,
  type TwelveGoBookingDetailsNormalized,
  type TwelveGoCallContext,
} from '@app/twelvego-client';
import { IdMapping } from '../../ids/id-mapping';
import type { ClientSnapshot } from '../../platform/clients/client-snapshot';
import { toContractBooking, unknownUpstreamStatus } from '../../contract/booking/booking.mapper';
import type { ContractBooking } from '../../contract/booking/contract-booking';

/** Reads a booking from 12go and renders the contract Booking for the calling client. */
@Injectable()
export class BookingReadback {
  private readonly logger = new Logger('BookingReadback');

  constructor(
    private readonly twelvego: TwelveGoClient,
    private readonly ids: IdMapping,
  ) {}

  read(ctx: TwelveGoCallContext, bid: string): Promise<TwelveGoBookingDetailsNormalized> {
    return this.twelvego.getBookingDetails(ctx, bid);
  }

  render(
    details: TwelveGoBookingDetailsNormalized,
    client: ClientSnapshot,
    bookingId?: string,
  ): ContractBooking {
    const unknown = unknownUpstreamStatus(details);
    if (unknown !== null)
      this.logger.warn({ event: 'booking_status_unknown', bid: details.bid, upstream_status: unknown });
    return toContractBooking(details, {
      bookingId,
      markup: client.markup,
      stationId: (id) => this.ids.toClientStation(id, client.idScheme),
    });
  }
}
