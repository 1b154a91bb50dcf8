import { Injectable, Logger } from '@nestjs/common';
import type { ClientSnapshot } from '../../platform/clients/client-snapshot';
import { ContractError } from '../../platform/errors/contract-error';
import { UpstreamErrors } from '../../platform/errors/twelvego-error.mapper';
import type { UpstreamErrorTable } from '../../platform/errors/upstream-error-table';
import { RedisService } from '../../platform/redis/redis.service';
import { RedisUnavailableError } from '../../platform/redis/redis-unavailable.error';
import { assertShape } from '../dto/create-booking.dto';
import { SeatLockRequestDto, type SeatLockRequest } from '../dto/seat-lock.dto';
import { basePriceOf, CartOfferLoader, perSeatNetOf } from '../funnel/cart-offer.loader';
import { CheckoutLoader } from '../funnel/checkout-loader';
import { TOKEN_CART_CALLS } from '../funnel/token-cart-gone';
import { callContextFor } from '../../platform/twelvego/call-context';
import { BookingTokenService } from '../token/booking-token.service';
import type { SeatLockResponse } from '../../contract/booking/seat-lock-response';
import { seatLockResponse, unavailableSeats } from './seat-lock.mapper';
import { CartAccess } from './cart-access.service';
import { SeatLockStore } from './seat-lock.store';

/** SeatLock reads only the token's cart: gone → `booking_token_expired`. */
export const SEAT_LOCK_UPSTREAM_ERRORS: UpstreamErrorTable = {
  notFound: 'booking_token_expired',
  operations: TOKEN_CART_CALLS,
};

/**
 * SeatLock, local mode (docs/contract/endpoints.md#seatlock): checks the seats against a fresh checkout
 * and remembers them for the cart; nothing is held at 12go. Redis down → 503 (a lock that cannot be recorded
 * would be silently ignored at reserve).
 */
@Injectable()
export class SeatLockService {
  private readonly logger = new Logger('SeatLock');

  constructor(
    private readonly tokens: BookingTokenService,
    private readonly checkouts: CheckoutLoader,
    private readonly store: SeatLockStore,
    private readonly redis: RedisService,
    private readonly offers: CartOfferLoader,
    private readonly carts: CartAccess,
  ) {}

  @UpstreamErrors(SEAT_LOCK_UPSTREAM_ERRORS)
  async execute(client: ClientSnapshot, body: unknown): Promise<SeatLockResponse> {
    const request = assertShape<SeatLockRequest>(SeatLockRequestDto, body);
    const token = this.tokens.verify(request.booking_token, client);
    if (!this.redis.isAvailable()) throw new RedisUnavailableError('seatlock.write');
    await this.carts.claim(client, token, { degrade: false });
    const seats = request.booking_data.seat_selection.map((s) => s.trim());
    const ctx = callContextFor(client, { lang: client.defaults.locale });

    const [option, checkout] = await Promise.all([
      this.offers.load(ctx, token.cartId, token.seats),
      this.checkouts.fetchForToken(ctx, token.cartId),
    ]);
    const perSeatNet = perSeatNetOf(option);
    if (!perSeatNet) throw new ContractError('itinerary_not_available');
    const priced = this.checkouts.parse(checkout, client, token.seats, basePriceOf(option));

    const unavailable = unavailableSeats(priced, seats);
    if (unavailable.length > 0) {
      throw new ContractError('seats_unavailable', undefined, {
        details: unavailable.map((i) => ({
          field: `booking_data.seat_selection[${i}]`,
          reason: 'unavailable',
          message: `Seat ${seats[i]} is not available.`,
        })),
      });
    }
    // Checked again atomically with the write: the cart cannot change hands between claim and lock.
    if (!(await this.store.write(token.cartId, client.clientId, seats)))
      throw new ContractError('booking_token_expired');
    this.logger.log({ event: 'seats_locked', cart_id: token.cartId, count: seats.length });
    return seatLockResponse(perSeatNet, priced, seats, token.seats, client.markup);
  }
}
