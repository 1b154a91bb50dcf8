import { Injectable } from '@nestjs/common';
import { TwelveGoClient, type TwelveGoCallContext, type TwelveGoTravelOption } from '@app/twelvego-client';
import { ContractError } from '../../platform/errors/contract-error';
import { pickTravelOption } from '../../contract/itinerary/search.mapper';
import type { TwelveGoAmount } from '../schema/checkout-schema.types';

/**
 * The travel option behind a cart at its current price (SeatLock, CreateBooking's cost check): cart details
 * → trip details for the token's passengers → the option GetItinerary offered (the cheapest sellable one).
 * The cart or trip gone → 404 booking_token_expired (TOKEN_CART_CALLS in the callers' tables); nothing
 * sellable any more → 422 itinerary_not_available.
 */
@Injectable()
export class CartOfferLoader {
  constructor(private readonly twelvego: TwelveGoClient) {}

  async load(ctx: TwelveGoCallContext, cartId: string, seats: number): Promise<TwelveGoTravelOption> {
    const cart = await this.twelvego.getCartDetails(ctx, cartId);
    const item = cart.cart?.[0];
    if (!item?.godate) throw new ContractError('booking_token_expired');
    const datetime = item.godate.replace(/[ T:]/g, '-').slice(0, 19);
    const details = await this.twelvego.getTripDetails(ctx, { tripId: item.trip_key, datetime, seats });
    const option = pickTravelOption(
      (details.trips ?? []).find((t) => t.id === item.trip_key)?.travel_options ??
        details.trips?.[0]?.travel_options,
    );
    if (!option) throw new ContractError('itinerary_not_available');
    return option;
  }
}

/** The option's per-seat gross price, the base seat prices are compared with (docs/contract/booking-schema.md#seats-and-seat-map). */
export function basePriceOf(option: TwelveGoTravelOption): TwelveGoAmount | null {
  return typeof option.price?.value === 'number'
    ? { value: option.price.value, fxcode: option.price.fxcode }
    : null;
}

/** The option's per-seat agent price (what 12go charges per seat, docs/upstream-12go.md#dates-and-money). */
export function perSeatNetOf(option: TwelveGoTravelOption): TwelveGoAmount | null {
  return typeof option.netprice?.value === 'number' && option.netprice.fxcode
    ? { value: option.netprice.value, fxcode: option.netprice.fxcode }
    : null;
}
