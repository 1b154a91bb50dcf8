import { TwelveGoError, TwelveGoErrorKind } from '@app/twelvego-client';
import { mapTwelveGoError, mapUpstreamFailure, UpstreamErrors } from './twelvego-error.mapper';
import type { UpstreamErrorTable } from './upstream-error-table';

const err = (kind: TwelveGoErrorKind, extra: Partial<ConstructorParameters<typeof TwelveGoError>[0]> = {}) =>
  new TwelveGoError({ kind, operation: 'bookingDetails', ...extra });
// Tables shaped like the features' own (post-booking, CreateBooking, GetItinerary); SEARCH is the default.
const GET_BOOKING: UpstreamErrorTable = { notFound: 'booking_not_found', forbiddenIsNotFound: true };
const CREATE_BOOKING: UpstreamErrorTable = {
  notFound: 'booking_token_expired',
  validation: 'booking_data_invalid',
  operations: { checkout: { tripUnavailable: 'booking_token_expired' } },
};
const SEARCH: UpstreamErrorTable = {};
const GET_ITINERARY: UpstreamErrorTable = { notFound: 'itinerary_not_found' };

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

  it('404 becomes the not-found code of the use case table', () => {
    expect(mapTwelveGoError(err('not_found'), GET_BOOKING).code).toBe('booking_not_found');
    expect(mapTwelveGoError(err('not_found'), GET_ITINERARY).code).toBe('itinerary_not_found');
    expect(mapTwelveGoError(err('not_found'), CREATE_BOOKING).code).toBe('booking_token_expired');
    expect(mapTwelveGoError(err('not_found'))).toMatchObject({ status: 404, code: 'not_found' });
  });

  it("an operation's rule overrides the use case's for that call only", () => {
    const onCheckout = err('trip_unavailable', { operation: 'checkout' });
    expect(mapTwelveGoError(onCheckout, CREATE_BOOKING)).toMatchObject({
      status: 404,
      code: 'booking_token_expired',
    });
    expect(mapTwelveGoError(err('trip_unavailable', { operation: 'reserve' }), CREATE_BOOKING)).toMatchObject(
      {
        status: 422,
        code: 'itinerary_not_available',
      },
    );
    expect(mapTwelveGoError(err('not_found', { operation: 'checkout' }), CREATE_BOOKING).code).toBe(
      'booking_token_expired',
    );
  });

  it('UpstreamErrors maps a 12go failure leaving the method with its table and lets anything else through', async () => {
    const boom = new Error('not 12go');
    class UseCase {
      @UpstreamErrors(GET_ITINERARY)
      async run(e: unknown): Promise<string> {
        throw e;
      }
    }
    await expect(new UseCase().run(err('not_found'))).rejects.toMatchObject({ code: 'itinerary_not_found' });
    await expect(new UseCase().run(boom)).rejects.toBe(boom);
    expect(mapUpstreamFailure(boom, GET_ITINERARY)).toBe(boom);
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
