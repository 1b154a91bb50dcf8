import { Injectable, Logger } from '@nestjs/common';
import { TwelveGoClient, TwelveGoError, type TwelveGoCallContext } from '@app/twelvego-client';
import { BookingOwnerStore } from '../../booking-owner/booking-owner.store';
import type { ClientSnapshot } from '../../platform/clients/client-snapshot';
import { ContractError } from '../../platform/errors/contract-error';
import type { ContractBooking } from '../../post-booking/contract-booking';
import { money } from '../../pricing';
import { CreateBookingRequestDto, assertShape, type CreateBookingRequest } from '../dto/create-booking.dto';
import { mapSupplierFieldErrors, toFieldErrorDetails } from '../schema/booking-field-errors.mapper';
import { validateBookingData } from '../schema/booking-data.validator';
import { buildReserveBody } from '../schema/reserve-body.mapper';
import { SeatLockStore } from '../seat-lock/seat-lock.store';
import { BookingTokenService } from '../token/booking-token.service';
import { BookingReadback } from './booking-readback';
import { CheckoutLoader } from './checkout-loader';
import { callContextFor } from './funnel-call-context';

/**
 * CreateBooking (client-api.md §4.3, booking-schema.md §4.2): token → fresh checkout → locked seats →
 * normalise + validate → reserve → read back → owner record → Booking (→ total_price check).
 */
@Injectable()
export class CreateBookingService {
  private readonly logger = new Logger('CreateBooking');

  constructor(
    private readonly tokens: BookingTokenService,
    private readonly checkouts: CheckoutLoader,
    private readonly seatLocks: SeatLockStore,
    private readonly twelvego: TwelveGoClient,
    private readonly readback: BookingReadback,
    private readonly owners: BookingOwnerStore,
  ) {}

  /** Checks the request shape (400) before any async work starts. */
  parse(body: unknown): CreateBookingRequest {
    return assertShape<CreateBookingRequest>(CreateBookingRequestDto, body);
  }

  async execute(client: ClientSnapshot, request: CreateBookingRequest): Promise<ContractBooking> {
    const token = this.tokens.verify(request.booking_token, client.clientId);
    const ctx = callContextFor(client);
    const parsed = await this.checkouts.loadForToken(ctx, client, token.cartId, token.seats);
    const locked = await this.lockedSeats(token.cartId, client.clientId);

    const outcome = validateBookingData(parsed, request.booking_data, locked);
    for (const field of outcome.dropped)
      this.logger.log({ event: 'booking_field_dropped', field, cart_id: token.cartId });
    if (outcome.issues.length > 0) {
      throw new ContractError('booking_data_invalid', undefined, {
        details: toFieldErrorDetails(outcome.issues),
      });
    }
    const body = buildReserveBody(parsed, outcome.data);

    const bid = await this.reserve(ctx, token.cartId, body, parsed.fieldMap);
    this.logger.log({ event: 'booking_reserved', bid, cart_id: token.cartId, seats: body.seats });
    if (locked) await this.seatLocks.delete(token.cartId).catch(() => undefined);

    let details;
    try {
      details = await this.readback.read(ctx, bid);
    } finally {
      // The reservation exists at 12go whatever happens next: record the owner before answering.
      await this.owners.write(bid, client.clientId, { departureAt: details?.dep_date_time ?? null });
    }
    const booking = this.readback.render(details, client);
    if (request.total_price) this.checkTotal(request.total_price, booking);
    return booking;
  }

  private async lockedSeats(cartId: string, clientId: string): Promise<string[] | null> {
    try {
      return (await this.seatLocks.read(cartId, clientId))?.seats ?? null;
    } catch {
      this.logger.warn({ event: 'seatlock_store_unavailable', cart_id: cartId });
      return null;
    }
  }

  private async reserve(
    ctx: TwelveGoCallContext,
    cartId: string,
    body: Record<string, string | number | boolean>,
    fieldMap: Record<string, string>,
  ): Promise<string> {
    try {
      return (await this.twelvego.reserve(ctx, cartId, body)).bid;
    } catch (err) {
      if (!(err instanceof TwelveGoError)) throw err;
      if (err.kind === 'conflict') {
        throw new ContractError('already_reserved', undefined, {
          meta: err.conflictBid ? { booking_id: err.conflictBid } : undefined,
          cause: err,
        });
      }
      if (err.kind === 'validation') {
        const issues = mapSupplierFieldErrors(err.fields, fieldMap);
        throw new ContractError('booking_data_invalid', undefined, {
          details: toFieldErrorDetails(issues),
          cause: err,
        });
      }
      if (err.kind === 'not_found')
        throw new ContractError('booking_token_expired', undefined, { cause: err });
      throw err;
    }
  }

  /**
   * client-api.md §2.1: the partner's `total_price` (any decimals, or a JSON number) is rounded to the
   * currency's exponent and compared with the booking's total as 12go reserved it.
   */
  private checkTotal(
    requested: { currency: string; amount: string | number },
    booking: ContractBooking,
  ): void {
    const expected = booking.total_price;
    let same = requested.currency.toUpperCase() === expected.currency;
    if (same) {
      try {
        same = money(requested.amount, expected.currency).amount === expected.amount;
      } catch {
        same = false;
      }
    }
    if (!same) {
      this.logger.warn({ event: 'cost_mismatch', bid: booking.integration_booking_id });
      throw new ContractError('cost_mismatch', undefined, {
        meta: { expected_total_price: { currency: expected.currency, amount: expected.amount } },
      });
    }
  }
}
