import { Injectable, Logger } from '@nestjs/common';
import { TwelveGoClient, TwelveGoError, type TwelveGoBookingDetailsNormalized } from '@app/twelvego-client';
import { BookingIdResolver, type BookingRef } from '../../booking-ids/booking-id.resolver';
import { BookingOwnershipService } from '../../booking-owner/booking-ownership.service';
import type { ClientSnapshot } from '../../platform/clients/client-snapshot';
import { ContractError } from '../../platform/errors/contract-error';
import { UpstreamErrors } from '../../platform/errors/twelvego-error.mapper';
import { BOOKING_BY_ID_UPSTREAM_ERRORS } from '../../platform/errors/upstream-error-table';
import type { ContractBooking } from '../../contract/booking/contract-booking';
import { BookingReadback } from './booking-readback';
import { callContextFor } from '../../platform/twelvego/call-context';
import { recordBusinessEvent } from '../../platform/events/record-business-event';

/** 12go statuses that show a confirm went through (it may still be awaiting the operator). */
const CONFIRMED_UPSTREAM = new Set(['confirmed', 'pending', 'declined']);

/**
 * ConfirmBooking (docs/contract/endpoints.md#confirmbooking D16): confirm, read back. A supplier refusal is a `declined` Booking
 * (200); 12go 409 → 409 already_confirmed; 12go 422 → 422 booking_not_confirmable. A confirm that times
 * out or fails with a 5xx is resolved by one read of the booking (docs/contract/errors.md#upstream-failures): if 12go shows it
 * confirmed, the partner gets the Booking, otherwise the original error.
 */
@Injectable()
export class ConfirmBookingService {
  private readonly logger = new Logger('ConfirmBooking');

  constructor(
    private readonly ids: BookingIdResolver,
    private readonly ownership: BookingOwnershipService,
    private readonly twelvego: TwelveGoClient,
    private readonly readback: BookingReadback,
  ) {}

  /** Resolves the path id before any async work (400 / 404 are immediate). */
  resolve(client: ClientSnapshot, rawId: string | undefined) {
    return this.ids.resolve(client.clientId, rawId);
  }

  // Outside the confirm call itself, which `resolveFailure` reads.
  @UpstreamErrors(BOOKING_BY_ID_UPSTREAM_ERRORS)
  async execute(client: ClientSnapshot, ref: BookingRef): Promise<ContractBooking> {
    recordBusinessEvent('booking.confirmed', { booking_id: ref.id, async: client.asyncFlow });
    await this.ownership.assertAccess(client, ref.bid, ref.source);
    const ctx = callContextFor(client, { lang: client.defaults.locale });
    let details: TwelveGoBookingDetailsNormalized;
    try {
      await this.twelvego.confirm(ctx, ref.bid);
      details = await this.readback.read(ctx, ref.bid);
    } catch (err) {
      details = await this.resolveFailure(err, ctx, ref.bid);
    }
    const booking = this.readback.render(details, client, ref.id);
    this.logger.log({ event: 'booking_confirm_processed', bid: ref.bid, status: booking.status });
    recordBusinessEvent('booking.confirmed', {
      booking_id: booking.id,
      status: booking.status,
      upstream_status: details.status ?? null,
      total_price: booking.total_price,
      operator_booking_id: booking.operator_booking_id,
      from_station: booking.from_station,
      to_station: booking.to_station,
      departure: booking.departure_time,
      passenger_count: booking.passenger_count,
      ticket_available: booking.voucher_url !== null,
    });
    return booking;
  }

  private async resolveFailure(
    err: unknown,
    ctx: ReturnType<typeof callContextFor>,
    bid: string,
  ): Promise<TwelveGoBookingDetailsNormalized> {
    if (!(err instanceof TwelveGoError) || err.operation !== 'confirm') throw err;
    switch (err.kind) {
      case 'conflict':
        throw new ContractError('already_confirmed', undefined, { cause: err });
      case 'request':
      case 'validation':
      case 'trip_unavailable':
        if (err.status === 403) throw new ContractError('booking_not_found', undefined, { cause: err });
        throw new ContractError('booking_not_confirmable', undefined, { cause: err });
      case 'not_found':
        throw new ContractError('booking_not_found', undefined, { cause: err });
      case 'timeout':
      case 'server':
      case 'bad_response': {
        this.logger.warn({ event: 'confirm_outcome_unknown', bid, kind: err.kind });
        let details: TwelveGoBookingDetailsNormalized;
        try {
          details = await this.readback.read(ctx, bid);
        } catch {
          throw err;
        }
        if (CONFIRMED_UPSTREAM.has(String(details.status).toLowerCase())) return details;
        throw err;
      }
      default:
        throw err;
    }
  }
}
