import type { TwelveGoOperation } from '@app/twelvego-client';
import type { FunnelFixtures } from './funnel-fixtures';

/** The BFF request that makes the upstream call: method, path and optional JSON body. */
export interface BffRequest {
  method: 'GET' | 'POST';
  path: string;
  body?: unknown;
}

/** One of the 11 upstream calls (docs/upstream-12go.md) and the partner request that reaches it. */
export interface UpstreamCall {
  op: TwelveGoOperation;
  /** Sandbox fault-rule match (docs/upstream-12go.md#admin-api). */
  match: { method: 'GET' | 'POST'; path: string };
  /** Partner endpoint that makes the call (for test names). */
  via: string;
  /**
   * Builds (with real, un-faulted calls) the partner request that will make this upstream call, or null
   * when no BFF endpoint makes it.
   */
  prepare: ((f: FunnelFixtures) => Promise<BffRequest>) | null;
  /** Outcomes that differ from the generic mapping because the endpoint recovers (see FAULTS). */
  overrides?: Partial<Record<FaultName, Outcome>>;
  /** The endpoint's not-found code for an upstream 404 (docs/contract/errors.md#upstream-failures); no 404 case when absent. */
  notFound?: string;
}

export type FaultName =
  | '500'
  | '503'
  | 'timeout'
  | 'hang'
  | 'reset'
  | 'truncated JSON'
  | 'malformed JSON'
  | 'wrong shape'
  | '429'
  | '401'
  | '404';

export interface Outcome {
  status: number;
  code?: string;
}

/** Sandbox fault actions and the generic partner outcome (docs/contract/errors.md#upstream-failures, docs/contract/errors.md#codes). */
export const FAULTS: Array<{ name: FaultName; action: Record<string, unknown>; outcome: Outcome }> = [
  { name: '500', action: { status: 500 }, outcome: { status: 502, code: 'upstream_error' } },
  { name: '503', action: { status: 503 }, outcome: { status: 502, code: 'upstream_error' } },
  { name: 'timeout', action: { delayMs: 3_000 }, outcome: { status: 504, code: 'upstream_timeout' } },
  { name: 'hang', action: { conn: 'hang' }, outcome: { status: 504, code: 'upstream_timeout' } },
  { name: 'reset', action: { conn: 'reset' }, outcome: { status: 502, code: 'upstream_unavailable' } },
  {
    name: 'truncated JSON',
    action: { body: 'truncate' },
    outcome: { status: 502, code: 'upstream_bad_response' },
  },
  {
    name: 'malformed JSON',
    action: { body: 'notjson' },
    outcome: { status: 502, code: 'upstream_bad_response' },
  },
  {
    name: 'wrong shape',
    action: { body: 'wrongshape' },
    outcome: { status: 502, code: 'upstream_bad_response' },
  },
  {
    name: '429',
    action: { status: 429, headers: { 'Retry-After': '7' } },
    outcome: { status: 429, code: 'rate_limited' },
  },
  // Our 12go key refused: a configuration fault of ours, never the partner's (no key named in the answer).
  { name: '401', action: { status: 401 }, outcome: { status: 502, code: 'upstream_error' } },
  { name: '404', action: { status: 404 }, outcome: { status: 404 } },
];

/** Per-call timeout the suites run with (the `timeout` fault delays 3 s; `hang` never answers). Roomy enough for a loaded CI box. */
export const FAULT_SUITE_TIMEOUTS =
  'search=1000,trip=1000,cart_add=1000,cart_get=1000,checkout=1000,reserve=1000,confirm=1000,booking_get=1000,refund_options=1000,refund=1000';

/**
 * A corrupted 200 body means the sandbox ran the real handler (docs/upstream-12go.md#faults): the confirm / refund
 * happened. ConfirmBooking and CancelBooking read the booking back after an ambiguous failure
 * (docs/contract/errors.md#upstream-failures) and report the real outcome, so the partner gets the success answer.
 */
const EXECUTED_THEN_READ_BACK: Partial<Record<FaultName, Outcome>> = {
  'truncated JSON': { status: 200 },
  'malformed JSON': { status: 200 },
  'wrong shape': { status: 200 },
};

const itinerary = async (f: FunnelFixtures): Promise<BffRequest> => ({
  method: 'GET',
  path: `/v1/demo/itineraries/${encodeURIComponent(await f.itineraryId())}`,
});

/** Every 12go call of docs/upstream-12go.md; a new one is one row. */
export const UPSTREAM_CALLS: UpstreamCall[] = [
  {
    op: 'search',
    match: { method: 'GET', path: '/search/**' },
    via: 'Search',
    prepare: async (f) => ({
      method: 'GET',
      path: `/v1/demo/itineraries?departures[]=9001&arrivals[]=9002&departure_date=${await f.travelDate()}&pax=1`,
    }),
  },
  {
    op: 'tripDetails',
    match: { method: 'GET', path: '/trip/**' },
    via: 'GetItinerary',
    prepare: itinerary,
    notFound: 'itinerary_not_found',
  },
  {
    op: 'addToCart',
    match: { method: 'POST', path: '/cart/*/*' },
    via: 'GetItinerary',
    prepare: itinerary,
    notFound: 'itinerary_not_found',
  },
  // No partner endpoint adds to cart by body: the BFF always adds by trip id (checked by the suite).
  { op: 'addToCartByBody', match: { method: 'POST', path: '/cart' }, via: '(none)', prepare: null },
  {
    op: 'checkout',
    match: { method: 'GET', path: '/checkout/*' },
    via: 'GetItinerary',
    prepare: itinerary,
    notFound: 'itinerary_not_found',
  },
  {
    op: 'cartDetails',
    match: { method: 'GET', path: '/cart/*' },
    via: 'SeatLock',
    notFound: 'booking_token_expired',
    prepare: async (f) => ({
      method: 'POST',
      path: '/v1/demo/seats',
      body: { booking_token: (await f.opened()).token, booking_data: { seat_selection: ['1A'] } },
    }),
  },
  {
    op: 'reserve',
    match: { method: 'POST', path: '/reserve/*' },
    via: 'CreateBooking',
    notFound: 'booking_token_expired',
    prepare: async (f) => ({ method: 'POST', path: '/v1/demo/bookings', body: await f.bookingBody() }),
  },
  {
    op: 'confirm',
    match: { method: 'POST', path: '/confirm/*' },
    via: 'ConfirmBooking',
    notFound: 'booking_not_found',
    prepare: async (f) => ({ method: 'POST', path: `/v1/demo/bookings/${await f.reserved()}/confirm` }),
    overrides: EXECUTED_THEN_READ_BACK,
  },
  {
    op: 'bookingDetails',
    match: { method: 'GET', path: '/booking/*' },
    via: 'GetBookingDetails',
    notFound: 'booking_not_found',
    prepare: async (f) => ({ method: 'GET', path: `/v1/demo/bookings/${await f.reserved()}` }),
  },
  {
    op: 'refundOptions',
    match: { method: 'GET', path: '/booking/*/refund-options' },
    via: 'CancelBooking',
    notFound: 'booking_not_found',
    prepare: async (f) => ({ method: 'POST', path: `/v1/demo/bookings/${await f.confirmed()}/cancel` }),
  },
  {
    op: 'refund',
    match: { method: 'POST', path: '/booking/*/refund' },
    via: 'CancelBooking',
    notFound: 'booking_not_found',
    prepare: async (f) => ({ method: 'POST', path: `/v1/demo/bookings/${await f.confirmed()}/cancel` }),
    overrides: EXECUTED_THEN_READ_BACK,
  },
];
