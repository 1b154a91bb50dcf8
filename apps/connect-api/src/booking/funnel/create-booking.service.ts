import { Injectable, Logger } from '@nestjs/common';
import {
  TwelveGoClient,
  TwelveGoError,
  type TwelveGoCallContext,
  type TwelveGoReserveBody,
  type TwelveGoTravelOption,
} from '@app/twelvego-client';
import { BookingOwnerStore } from '../../booking-owner/booking-owner.store';
import type { ClientSnapshot } from '../../platform/clients/client-snapshot';
import { ContractError } from '../../platform/errors/contract-error';
import { UpstreamErrors } from '../../platform/errors/twelvego-error.mapper';
import type { UpstreamErrorTable } from '../../platform/errors/upstream-error-table';
import type { ContractBooking } from '../../contract/booking/contract-booking';
import { CreateBookingRequestDto, assertShape, type CreateBookingRequest } from '../dto/create-booking.dto';
import { mapSupplierFieldErrors, toFieldErrorDetails } from '../schema/booking-field-errors.mapper';
import { validateBookingData } from '../schema/booking-data.validator';
import type { ParsedCheckout } from '../schema/checkout-schema.types';
import { buildReserveBody } from '../schema/reserve-body.mapper';
import { CartAccess } from '../seat-lock/cart-access.service';
import { SeatLockStore } from '../seat-lock/seat-lock.store';
import { BookingTokenService } from '../token/booking-token.service';
import { BookingReadback } from './booking-readback';
import { basePriceOf, CartOfferLoader, perSeatNetOf } from './cart-offer.loader';
import { CheckoutLoader } from './checkout-loader';
import { TOKEN_CART_CALLS } from './token-cart-gone';
import { expectedTotal, reserveBodyExtras, sameTotal } from './expected-total.mapper';
import { callContextFor } from '../../platform/twelvego/call-context';
import { recordBusinessEvent } from '../../platform/events/record-business-event';

/**
 * CreateBooking's reading of 12go failures: a cart or booking 12go no longer knows → the token expired; field
 * errors → `booking_data_invalid` (reserve's own, with the partner's field names, are mapped in `reserve`).
 */
export const CREATE_BOOKING_UPSTREAM_ERRORS: UpstreamErrorTable = {
  notFound: 'booking_token_expired',
  validation: 'booking_data_invalid',
  operations: TOKEN_CART_CALLS,
};

/**
 * CreateBooking (docs/contract/endpoints.md#createbooking, docs/contract/booking-schema.md#booking-data-normalisation-and-validation): token → fresh checkout (+ the cart's current
 * offer when `total_price` is sent) → locked seats → normalise + validate → reserve body → `total_price`
 * check → reserve → read back → owner record → Booking (→ safety check of the reserved total).
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
    private readonly offers: CartOfferLoader,
    private readonly carts: CartAccess,
  ) {}

  /** Checks the request shape (400) before any async work starts. */
  parse(body: unknown): CreateBookingRequest {
    return assertShape<CreateBookingRequest>(CreateBookingRequestDto, body);
  }

  @UpstreamErrors(CREATE_BOOKING_UPSTREAM_ERRORS)
  async execute(client: ClientSnapshot, request: CreateBookingRequest): Promise<ContractBooking> {
    const token = this.tokens.verify(request.booking_token, client);
    const cart = await this.carts.claim(client, token, { degrade: true });
    if (cart.reservedBid) {
      // Answered before any 12go call, so a spent token never meets the pre-reserve price check.
      throw new ContractError('already_reserved', undefined, { meta: { booking_id: cart.reservedBid } });
    }
    recordBusinessEvent('booking.created', {
      cart_id: token.cartId,
      locked_seats_used: cart.seats !== null && cart.seats.length > 0,
      async: client.asyncFlow,
    });
    const ctx = callContextFor(client, { lang: client.defaults.locale });
    // The cart's current offer is only needed to price a `total_price` the partner sent.
    const [option, checkout] = await Promise.all([
      request.total_price ? this.offers.load(ctx, token.cartId, token.seats) : null,
      this.checkouts.fetchForToken(ctx, token.cartId),
    ]);
    const parsed = this.checkouts.parse(checkout, client, token.seats, option ? basePriceOf(option) : null);
    const locked = cart.seats;

    const outcome = validateBookingData(parsed, request.booking_data, locked);
    for (const field of outcome.dropped)
      this.logger.log({ event: 'booking_field_dropped', field, cart_id: token.cartId });
    if (outcome.issues.length > 0) {
      throw new ContractError('booking_data_invalid', undefined, {
        details: toFieldErrorDetails(outcome.issues),
      });
    }
    const body = buildReserveBody(parsed, outcome.data);

    // Checked before reserve: a reserve consumes the cart, so a mismatch found only afterwards would leave
    // the partner with a spent token (409 on retry) and an orphan hold at 12go.
    if (request.total_price)
      this.checkTotalBeforeReserve(request.total_price, option, parsed, body, client, token);

    const bid = await this.reserve(ctx, client, token.cartId, body, parsed.fieldMap);
    this.logger.log({ event: 'booking_reserved', bid, cart_id: token.cartId, seats: body.seats });
    await this.seatLocks
      .markReserved(token.cartId, client.clientId, bid)
      .catch(() => this.logger.warn({ event: 'reserve_marker_unwritten', bid, cart_id: token.cartId }));

    let details;
    try {
      details = await this.readback.read(ctx, bid);
    } finally {
      // The reservation exists at 12go whatever happens next: record the owner before answering.
      const claim = await this.owners.claim(bid, client.clientId, {
        departureAt: details?.dep_date_time ?? null,
      });
      if (claim.outcome === 'held_by_other')
        this.logger.error({
          event: 'booking_owner.conflict',
          bid,
          client_id: client.clientId,
          owner_client_id: claim.heldBy,
          msg: 'a new reservation found its bid already owned by another client; the record was not overwritten',
        });
    }
    const booking = this.readback.render(details, client);
    recordBusinessEvent('booking.created', {
      booking_id: booking.id,
      from_station: booking.from_station,
      to_station: booking.to_station,
      departure: booking.departure_time,
      passenger_count: booking.passenger_count,
      status: booking.status,
      upstream_status: details?.status ?? null,
      total_price: booking.total_price,
    });
    if (request.total_price) this.checkTotalAfterReserve(request.total_price, booking);
    return booking;
  }

  /**
   * docs/contract/endpoints.md#createbooking: the partner's `total_price` against the total this reserve body will cost
   * (expected-total.mapper.ts). A mismatch is 422 `cost_mismatch` with `meta.expected_total_price` and no
   * reserve is made, so the same token can be sent again with that total. When the cart's price cannot be
   * predicted (an extra in a foreign currency) the check falls to the one after reserve.
   */
  private checkTotalBeforeReserve(
    requested: { currency: string; amount: string | number },
    option: TwelveGoTravelOption | null,
    parsed: ParsedCheckout,
    body: TwelveGoReserveBody,
    client: ClientSnapshot,
    token: { cartId: string; seats: number },
  ): void {
    const perSeatNet = option ? perSeatNetOf(option) : null;
    const expected = perSeatNet
      ? expectedTotal(perSeatNet, token.seats, reserveBodyExtras(parsed, body), client.markup)
      : null;
    if (!expected) {
      this.logger.warn({ event: 'expected_total_unknown', cart_id: token.cartId });
      return;
    }
    if (sameTotal(requested, expected)) return;
    this.logger.warn({ event: 'cost_mismatch', stage: 'before_reserve', cart_id: token.cartId });
    throw new ContractError('cost_mismatch', undefined, { meta: { expected_total_price: expected } });
  }

  /**
   * Safety net for a price that moved between the pre-reserve check and 12go's booking (sandbox `RSVPRC`):
   * the booking as 12go made it, markup applied. The cart is consumed by then — the token answers 409
   * `already_reserved` from now on — and the unconfirmed hold lapses at 12go (docs/contract/endpoints.md#createbooking "late
   * failure"); the partner opens a new checkout with GetItinerary.
   */
  private checkTotalAfterReserve(
    requested: { currency: string; amount: string | number },
    booking: ContractBooking,
  ): void {
    const actual = booking.total_price;
    if (sameTotal(requested, actual)) return;
    this.logger.warn({ event: 'cost_mismatch', stage: 'after_reserve', bid: booking.integration_booking_id });
    throw new ContractError('cost_mismatch', undefined, {
      meta: { expected_total_price: { currency: actual.currency, amount: actual.amount } },
    });
  }

  private async reserve(
    ctx: TwelveGoCallContext,
    client: ClientSnapshot,
    cartId: string,
    body: Record<string, string | number | boolean>,
    fieldMap: Record<string, string>,
  ): Promise<string> {
    try {
      return (await this.twelvego.reserve(ctx, cartId, body)).bid;
    } catch (err) {
      if (!(err instanceof TwelveGoError)) throw err;
      if (err.kind === 'conflict') {
        const ownBid =
          err.conflictBid && (await this.ownedBy(err.conflictBid, client)) ? err.conflictBid : null;
        throw new ContractError('already_reserved', undefined, {
          meta: ownBid ? { booking_id: ownBid } : undefined,
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
      throw err;
    }
  }

  /**
   * The 409's `meta.booking_id` names a booking only to its owner: the owner record says so, or there is no
   * record and the client's 12go key is its own (12go scopes bookings by key; a shared key proves nothing).
   * Unreadable store → hidden.
   */
  private async ownedBy(bid: string, client: ClientSnapshot): Promise<boolean> {
    try {
      const owner = (await this.owners.read(bid))?.clientId ?? null;
      return owner === null ? !client.strictOwnership : owner === client.clientId;
    } catch {
      return false;
    }
  }
}
