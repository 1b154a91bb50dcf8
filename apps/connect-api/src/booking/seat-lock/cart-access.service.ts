import { Injectable, Logger } from '@nestjs/common';
import type { ClientSnapshot } from '../../platform/clients/client-snapshot';
import { ContractError } from '../../platform/errors/contract-error';
import type { VerifiedBookingToken } from '../token/booking-token.service';
import { SeatLockStore, type CartFunnelState } from './seat-lock.store';

/**
 * Who may use the cart a booking token names (docs/adr/0101-cart-owner-records.md): GetItinerary records
 * the client that created it; a cart recorded for another client is answered like an unknown token
 * (404 `booking_token_expired`) on every route, whatever the token's format, before any 12go call.
 */
@Injectable()
export class CartAccess {
  private readonly logger = new Logger('CartAccess');

  constructor(private readonly store: SeatLockStore) {}

  /** Records the owner of a cart GetItinerary just created. Never throws: the token is client-bound anyway. */
  async recordCreated(cartId: string, clientId: string): Promise<void> {
    try {
      const state = await this.store.claim(cartId, clientId);
      if (state.owner === 'other') this.logger.warn({ event: 'cart_owner_conflict', cart_id: cartId });
    } catch (err) {
      this.logger.warn({ event: 'cart_owner_unwritten', cart_id: cartId, err: (err as Error).message });
    }
  }

  /**
   * The cart's state for `client`, claiming a cart nobody owns. Store down: a signed token (bound to the
   * client by its signature) goes on without locked seats when `degrade`; an unbound legacy token cannot
   * prove the cart is not another client's, so the store error propagates (503).
   */
  async claim(
    client: ClientSnapshot,
    token: VerifiedBookingToken,
    opts: { degrade: boolean },
  ): Promise<CartFunnelState> {
    let state: CartFunnelState;
    try {
      state = await this.store.claim(token.cartId, client.clientId);
    } catch (err) {
      if (token.legacy || !opts.degrade) throw err;
      this.logger.warn({ event: 'seatlock_store_unavailable', cart_id: token.cartId });
      return { owner: 'caller', seats: null, reservedBid: null };
    }
    if (state.owner === 'other') {
      this.logger.warn({
        msg: 'security.cross_client_attempt',
        event: 'security.cross_client_attempt',
        client_id: client.clientId,
        cart_id: token.cartId,
        legacy_token: token.legacy,
      });
      throw new ContractError('booking_token_expired');
    }
    return state;
  }
}
