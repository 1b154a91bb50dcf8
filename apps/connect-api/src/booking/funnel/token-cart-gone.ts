import type { UpstreamErrorRule, UpstreamErrorTable } from '../../platform/errors/upstream-error-table';

const GONE: UpstreamErrorRule = {
  notFound: 'booking_token_expired',
  tripUnavailable: 'booking_token_expired',
};

/**
 * The calls that read the cart behind a booking token (CheckoutLoader.fetchForToken, CartOfferLoader): the cart
 * or its trip gone (404, or `bad_trip_details`) → 404 `booking_token_expired` (docs/contract/ids.md#booking-tokens);
 * the partner calls GetItinerary again. Part of CreateBooking's and SeatLock's tables.
 */
export const TOKEN_CART_CALLS: UpstreamErrorTable['operations'] = {
  cartDetails: GONE,
  tripDetails: GONE,
  checkout: GONE,
};
