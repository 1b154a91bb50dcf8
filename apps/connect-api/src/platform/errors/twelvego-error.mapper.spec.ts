import { TwelveGoError, TwelveGoErrorKind } from '@app/twelvego-client';
import { mapTwelveGoError } from './twelvego-error.mapper';

const err = (kind: TwelveGoErrorKind, extra: Partial<ConstructorParameters<typeof TwelveGoError>[0]> = {}) =>
  new TwelveGoError({ kind, operation: 'bookingDetails', ...extra });
const GET_BOOKING = { method: 'GET', url: '/v1/:client_id/bookings/:booking_id' };
const CREATE_BOOKING = { method: 'POST', url: '/v1/:client_id/bookings' };
const SEARCH = { method: 'GET', url: '/v1/:client_id/itineraries' };
const GET_ITINERARY = { method: 'GET', url: '/v1/:client_id/itineraries/:itinerary_id' };

describe('mapTwelveGoError (docs/contract/errors.md#upstream-failures + docs/contract/errors.md#codes)', () => {
  it.each<[TwelveGoErrorKind, number, string]>([
    ['unavailable', 502, 'upstream_unavailable'],
    ['timeout', 504, 'upstream_timeout'],
    ['auth', 502, 'upstream_error'],
    ['trip_unavailable', 422, 'itinerary_not_available'],
    ['conflict', 409, 'conflict'],
    ['server', 502, 'upstream_error'],
    ['bad_response', 502, 'upstream_bad_response'],
  ])('%s → %i %s', (kind, status, code) => {
    const mapped = mapTwelveGoError(err(kind), SEARCH);
    expect([mapped.status, mapped.code]).toEqual([status, code]);
  });

  it('404 becomes the endpoint not-found code', () => {
    expect(mapTwelveGoError(err('not_found'), GET_BOOKING).code).toBe('booking_not_found');
    expect(mapTwelveGoError(err('not_found'), GET_ITINERARY).code).toBe('itinerary_not_found');
    expect(mapTwelveGoError(err('not_found'), CREATE_BOOKING).code).toBe('booking_token_expired');
    expect(
      mapTwelveGoError(err('not_found'), { method: 'GET', url: '/v1/:client_id/incomplete_results/:id' })
        .code,
    ).toBe('incomplete_result_not_found');
    expect(mapTwelveGoError(err('not_found'), { method: 'GET', url: '/elsewhere' }).status).toBe(404);
  });

  it('field validation: booking_data_invalid on CreateBooking, unprocessable elsewhere, fields listed without 12go texts', () => {
    const e = err('validation', {
      status: 422,
      fields: { 'passenger[0][last_name]': 'Last name is required, Mr Secret' },
    });
    const onCreate = mapTwelveGoError(e, CREATE_BOOKING);
    expect([onCreate.status, onCreate.code]).toEqual([422, 'booking_data_invalid']);
    expect(onCreate.details).toEqual([
      { field: 'passenger[0][last_name]', reason: 'invalid_value', message: expect.any(String) },
    ]);
    expect(JSON.stringify(onCreate.details)).not.toContain('Mr Secret');
    expect(mapTwelveGoError(e, GET_BOOKING).code).toBe('unprocessable');
  });

  it('other 4xx: 400/422 → unprocessable, 403 on a booking → booking_not_found, others → upstream_rejected', () => {
    expect(mapTwelveGoError(err('request', { status: 400 }), SEARCH).code).toBe('unprocessable');
    expect(mapTwelveGoError(err('request', { status: 403 }), GET_BOOKING)).toMatchObject({
      status: 404,
      code: 'booking_not_found',
    });
    expect(mapTwelveGoError(err('request', { status: 403 }), SEARCH)).toMatchObject({
      status: 422,
      code: 'upstream_rejected',
    });
    expect(mapTwelveGoError(err('request', { status: 410 }), SEARCH).code).toBe('upstream_rejected');
  });

  it('429 passes Retry-After on (default 5 s); an open breaker is 503 with Retry-After', () => {
    expect(mapTwelveGoError(err('rate_limited', { retryAfterSec: 12 }), SEARCH)).toMatchObject({
      status: 429,
      code: 'rate_limited',
      retryAfterSec: 12,
    });
    expect(mapTwelveGoError(err('rate_limited'), SEARCH).retryAfterSec).toBe(5);
    expect(mapTwelveGoError(err('circuit_open', { retryAfterSec: 7.2 }), SEARCH)).toMatchObject({
      status: 503,
      code: 'upstream_unavailable',
      retryAfterSec: 8,
    });
  });

  it('never copies 12go messages into the partner message', () => {
    const mapped = mapTwelveGoError(
      err('server', { status: 500, messages: ['DB host db-7.internal exploded'] }),
      SEARCH,
    );
    expect(mapped.message).not.toContain('db-7');
  });
});
