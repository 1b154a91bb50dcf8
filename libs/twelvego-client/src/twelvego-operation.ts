/** One name per 12go call type; each has its own timeout, retry policy and circuit breaker. */
export const TWELVEGO_OPERATIONS = [
  'search',
  'tripDetails',
  'addToCart',
  'addToCartByBody',
  'cartDetails',
  'checkout',
  'reserve',
  'confirm',
  'bookingDetails',
  'refundOptions',
  'refund',
  'recheck',
] as const;

export type TwelveGoOperation = (typeof TWELVEGO_OPERATIONS)[number];
