import { Injectable, Logger } from '@nestjs/common';
import {
  TwelveGoClient,
  type TwelveGoBookingDetailsNormalized,
  type TwelveGoCallContext,
} from '@app/twelvego-client';
import { BookingIdResolver, type BookingRef } from '../booking-ids/booking-id.resolver';
import { BookingOwnershipService } from '../booking-owner/booking-ownership.service';
import { IdMapping } from '../ids/id-mapping';
import type { ClientSnapshot } from '../platform/clients/client-snapshot';
import { callContextFor } from '../platform/twelvego/call-context';
import {
  toContractBooking,
  unknownUpstreamStatus,
  type BookingMapperContext,
} from '../contract/booking/booking.mapper';
import type { ContractBooking } from '../contract/booking/contract-booking';

export interface OwnedBooking {
  ref: BookingRef;
  ctx: TwelveGoCallContext;
  details: TwelveGoBookingDetailsNormalized;
}

/**
 * The shared first half of every post-booking call: resolve the partner's id, enforce ownership, read
 * the booking from 12go with the caller's own 12go key.
 */
@Injectable()
export class BookingAccessService {
  private readonly logger = new Logger('PostBooking');

  constructor(
    private readonly twelvego: TwelveGoClient,
    private readonly ids: BookingIdResolver,
    private readonly ownership: BookingOwnershipService,
    private readonly idMapping: IdMapping,
  ) {}

  async load(client: ClientSnapshot, rawId: string | undefined): Promise<OwnedBooking> {
    const ref = this.ids.resolve(client.clientId, rawId);
    await this.ownership.assertAccess(client, ref.bid, ref.source);
    const ctx = callContextFor(client);
    return { ref, ctx, details: await this.readDetails(ctx, ref) };
  }

  async readDetails(ctx: TwelveGoCallContext, ref: BookingRef): Promise<TwelveGoBookingDetailsNormalized> {
    const details = await this.twelvego.getBookingDetails(ctx, ref.bid);
    const unknown = unknownUpstreamStatus(details);
    if (unknown !== null)
      this.logger.warn({
        msg: 'booking.unknown_upstream_status',
        event: 'booking.unknown_upstream_status',
        bid: ref.bid,
        upstream_status: unknown,
      });
    return details;
  }

  toBooking(
    client: ClientSnapshot,
    ref: BookingRef,
    details: TwelveGoBookingDetailsNormalized,
  ): ContractBooking {
    const ctx: BookingMapperContext = {
      bookingId: ref.id,
      markup: client.markup,
      stationId: (n) => this.idMapping.toClientStation(n, client.idScheme),
    };
    return toContractBooking(details, ctx);
  }
}
