import bookingDetails from '../__fixtures__/booking-details.json';
import checkoutSchema from '../__fixtures__/checkout-schema.json';
import refundOptions from '../__fixtures__/refund-options.json';
import search from '../__fixtures__/search.json';
import tripDetails from '../__fixtures__/trip-details.json';
import { parseCartDetails, parseCartId, parseCheckout, parseSearchResponse } from './response-parsers';
import {
  parseBidResult,
  parseBookingDetails,
  parseRefundOptions,
  parseRefundResult,
} from './response-parsers';

const clone = <T>(value: T): T => JSON.parse(JSON.stringify(value)) as T;

describe('parseSearchResponse', () => {
  it('accepts the search and trip-details fixtures unchanged', () => {
    expect(parseSearchResponse(clone(search))).toEqual(search);
    expect(parseSearchResponse(clone(tripDetails))).toEqual(tripDetails);
  });

  it('accepts PHP [] for empty maps and returns {}', () => {
    const parsed = parseSearchResponse({ trips: [], operators: [], stations: [], classes: [], recheck: [] });
    expect(parsed).toEqual({ trips: [], operators: {}, stations: {}, classes: {}, recheck: [] });
  });

  it('tolerates absent maps/recheck and keeps unknown keys', () => {
    expect(parseSearchResponse({ trips: [], extra: 1 })).toEqual({
      trips: [],
      extra: 1,
      operators: {},
      stations: {},
      classes: {},
      recheck: [],
    });
  });

  it.each([
    ['an array', []],
    ['trips null', { trips: null }],
    ['a string', 'hello'],
    ['a trip without travel_options', { trips: [{ id: 'x', params: {}, segments: [] }] }],
    ['operators as a string', { trips: [], operators: 'x' }],
    ['recheck with a number', { trips: [], recheck: [1] }],
  ])('rejects %s', (_label, body) => {
    expect(parseSearchResponse(body)).toBeUndefined();
  });
});

describe('parseCartId (docs/upstream-12go.md#carts)', () => {
  it('a bare string or { cart_id }', () => {
    expect(parseCartId('4ufwA501')).toBe('4ufwA501');
    expect(parseCartId({ cart_id: '4ufwA501' })).toBe('4ufwA501');
  });
  it.each([[''], [{}], [{ cart: 'x' }], [null], [[]], [true]])('rejects %p', (body) => {
    expect(parseCartId(body)).toBeUndefined();
  });
});

describe('parseCartDetails', () => {
  it('accepts the documented shape', () => {
    const body = { cart: [{ trip_key: 'TH01', godate: '2026-05-14 20:00:00' }] };
    expect(parseCartDetails(body)).toEqual(body);
  });
  it('rejects other shapes', () => {
    expect(parseCartDetails([])).toBeUndefined();
    expect(parseCartDetails({ cart: [{}] })).toBeUndefined();
  });
});

describe('parseCheckout', () => {
  it('accepts the fixture', () => {
    expect(parseCheckout(clone(checkoutSchema))).toEqual(checkoutSchema);
  });

  it('turns a PHP [] seat map (booked/seats) into {}', () => {
    const body = {
      seats: { type: 'input', name: 'seats' },
      selected_seats_X: {
        type: 'input',
        name: 'selected_seats_X',
        data: { seatmap: { seats: [], booked: [], layouts: [] } },
      },
    };
    const parsed = parseCheckout(body);
    expect(parsed?.selected_seats_X?.data?.seatmap?.booked).toEqual({});
    expect(parsed?.selected_seats_X?.data?.seatmap?.seats).toEqual({});
    expect(parsed?.selected_seats_X?.data?.seatmap?.layouts).toEqual([]);
  });

  it.each([[[]], [{}], [{ a: 'not a field' }], ['x']])('rejects %p', (body) => {
    expect(parseCheckout(body)).toBeUndefined();
  });
});

describe('bid normalisation in answers (docs/upstream-12go.md#identifiers)', () => {
  it('reserve (string) and confirm (number) both give a string', () => {
    expect(parseBidResult({ bid: '70000042' })).toEqual({ bid: '70000042' });
    expect(parseBidResult({ bid: 70000042 })).toEqual({ bid: '70000042' });
    expect(parseBidResult({ bid: 'abc' })).toBeUndefined();
    expect(parseBidResult([])).toBeUndefined();
  });

  it('booking details: numeric bid becomes a string, the rest is kept', () => {
    const parsed = parseBookingDetails(clone(bookingDetails));
    expect(parsed?.bid).toBe('70000042');
    expect(parsed?.status).toBe(bookingDetails.status);
    expect(parsed?.seller_price).toEqual(bookingDetails.seller_price);
    expect(parseBookingDetails({ ...bookingDetails, bid: '70000042' })?.bid).toBe('70000042');
  });

  it('booking details without status or bid is a wrong shape', () => {
    expect(parseBookingDetails({ bid: 1 })).toBeUndefined();
    expect(parseBookingDetails({ status: 'confirmed' })).toBeUndefined();
  });
});

describe('parseRefundOptions / parseRefundResult', () => {
  it('accepts the fixture and 0/1 flags', () => {
    expect(parseRefundOptions(clone(refundOptions))).toEqual(refundOptions);
    expect(parseRefundOptions({ available: 0, options: [] })).toEqual({ available: false, options: [] });
  });
  it('rejects wrong shapes', () => {
    expect(parseRefundOptions({ available: true })).toBeUndefined();
    expect(parseRefundOptions({ available: true, options: [{ available: true }] })).toBeUndefined();
  });
  it('refund result: success false is a valid answer', () => {
    const body = { success: false, delay_minutes: 0, message: 'declined' };
    expect(parseRefundResult(body)).toEqual(body);
    expect(parseRefundResult({ message: 'x' })).toBeUndefined();
  });
});
