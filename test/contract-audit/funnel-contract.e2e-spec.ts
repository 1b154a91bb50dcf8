/* eslint-disable @typescript-eslint/no-explicit-any -- JSON bodies of the API are walked dynamically */
import { openApiErrors, searchResponseProblems } from '../contract/search-contract';
import {
  addFault,
  clearFaults,
  fillBookingData,
  scenarioItineraryId,
  travelDate,
  waitFor,
} from '../booking/support/funnel.helpers';
import { startStack, type TestStack } from '../support/stack';
import {
  CURRENT_VERSION,
  ORDER,
  PartnerClient,
  bookingProblems,
  errorProblems,
  headerProblems,
  itineraryProblems,
  minorUnitProblems,
  segmentProblems,
  type Call,
} from './audit.helpers';

/**
 * Contract audit (docs/contract/README.md, client-api.openapi.yaml) of the whole funnel through the real HTTP API:
 * Search → GetItinerary → SeatLock → CreateBooking → ConfirmBooking → GetBookingDetails → GetTicket →
 * CancelBooking, with the documented error outcomes of each step.
 */
describe('contract audit: booking funnel (e2e)', () => {
  let stack: TestStack;
  let api: PartnerClient;
  let apiB: PartnerClient;
  let date: string;
  const tracing = { 'x-correlation-id': 'audit-corr-1', 'X-Request-Id': 'audit-req-1' };

  beforeAll(async () => {
    stack = await startStack({ sandboxEnv: { SANDBOX_CONFIRM_DELAY_MS: '300' } });
    api = new PartnerClient(stack);
    apiB = new PartnerClient(stack, 'demo-b', stack.demoBKey);
    date = await travelDate(stack);
  });
  afterAll(() => stack?.close());

  const ok = (call: Call, status = 200) =>
    expect(`${call.status} ${call.text.slice(0, 300)}`).toMatch(new RegExp(`^${status}`));

  async function checkout(code: string, pax = 1) {
    const r = await api.get(`itineraries/${encodeURIComponent(scenarioItineraryId(code, date, pax))}`);
    ok(r);
    return r.body.itineraries[0];
  }

  async function reserved(code = 'OKINST', pax = 1) {
    const it0 = await checkout(code, pax);
    const r = await api.post('bookings', {
      booking_token: it0.booking_token,
      booking_data: fillBookingData(it0.booking_schema, pax),
    });
    ok(r);
    return r.body;
  }

  describe('Search (docs/contract/endpoints.md#search)', () => {
    it('returns the documented shape, formats, key order and headers (pax 1 and 2)', async () => {
      for (const pax of [1, 2]) {
        const r = await api.get(
          `itineraries?departures[]=9001&arrivals[]=9002&departure_date=${date}&pax=${pax}&currency=THB`,
          { ...tracing, 'Travelier-Version': CURRENT_VERSION, 'x-api-experiment': 'exp-A' },
        );
        expect([200, 206]).toContain(r.status);
        expect(headerProblems(r)).toEqual([]);
        expect(r.headers.get('travelier-version')).toBe(CURRENT_VERSION);
        expect(r.headers.get('deprecation')).toBeNull();
        expect(Object.keys(r.body)).toEqual(['vehicles', 'segments', 'itineraries']);
        expect(searchResponseProblems(r.body)).toEqual([]);
        expect(r.body.itineraries.length).toBeGreaterThan(0);
        const problems = r.body.itineraries.flatMap((it: any) =>
          itineraryProblems(it, `pax ${pax} ${it.id}`),
        );
        expect([...problems, ...segmentProblems(r.body, `pax ${pax}`)]).toEqual([]);
        for (const it of r.body.itineraries) expect(it.id.endsWith(`~${pax}`)).toBe(pax >= 2); // D10
      }
    });

    it('accepts currency case-insensitively; amounts keep the minor units of their currency (docs/contract/headers.md#locale-and-currency D5)', async () => {
      // docs/adr/0021-no-currency-conversion.md: 12go prices in the account currency and there is no FX source, so `currency`
      // is validated but does not convert.
      const r = await api.get(
        `itineraries?departures[]=9001&arrivals[]=9002&departure_date=${date}&pax=1&currency=jpy`,
      );
      expect([200, 206]).toContain(r.status);
      expect(r.body.itineraries.length).toBeGreaterThan(0);
      for (const it of r.body.itineraries) expect(minorUnitProblems(it.pricing.net_price, it.id)).toEqual([]);
    });

    it('lists every validation problem at once as 400 validation_error (docs/contract/endpoints.md#search, docs/contract/errors.md#field-errors)', async () => {
      const r = await api.get(
        `itineraries?departures[]=9001&departure_poi=1&departure_date=2001-01-01&pax=0&currency=XXX`,
      );
      expect(errorProblems(r, 400, 'validation_error')).toEqual([]);
      expect(headerProblems(r)).toEqual([]);
      const reasons = Object.fromEntries(r.body.error.details.map((d: any) => [d.field, d.reason]));
      expect(reasons).toMatchObject({
        departure_date: 'out_of_range',
        currency: 'invalid_value',
        arrivals: 'required',
      });
      expect(['out_of_range', 'invalid_value']).toContain(reasons.pax);
      expect(Object.entries(reasons).some(([f, why]) => /departure/.test(f) && why === 'not_allowed')).toBe(
        true,
      );
    });

    it.each([
      [
        'departures[]=9001&departures[]=abc&arrivals[]=9002&arrivals[]=9003',
        'departures[1]',
        'pattern_mismatch',
      ],
      ['departures[]=9001&arrivals[]=9002&pax=abc', 'pax', 'invalid_type'],
      ['departures[]=9001&arrivals[]=9002&pax=101', 'pax', 'out_of_range'],
      ['departures[]=9001&arrivals[]=9002&return_date=2020-01-01', 'return_date', 'out_of_range'],
      ['departures[]=9001&arrivals[]=9002&timeout=abc', 'timeout', 'invalid_type'],
      ['departures[]=9001&arrivals[]=9002&confidence_score=2', 'confidence_score', 'out_of_range'],
      ['departures[]=9001&arrivals[]=9002&pax_ages=200', 'pax_ages[0]', 'out_of_range'],
      ['departure_poi=abc&arrival_poi=1', 'departure_poi', 'pattern_mismatch'],
      ['arrivals[]=9002', 'departures', 'required'],
      [
        `${Array.from({ length: 101 }, (_, i) => `departures[]=${9001 + i}`).join('&')}&arrivals[]=9002`,
        'departures',
        'too_many',
      ],
    ])('reports %s as %s / %s (docs/contract/endpoints.md#search, docs/contract/errors.md#field-errors)', async (query, field, reason) => {
      const extra = /pax=/.test(query) ? '' : '&pax=1';
      const r = await api.get(`itineraries?${query}&departure_date=${date}${extra}`);
      expect(errorProblems(r, 400, 'validation_error')).toEqual([]);
      expect(r.body.error.details).toContainEqual(expect.objectContaining({ field, reason }));
    });

    it('accepts and ignores the compatibility parameters, an ISO date-time, unknown params and locales (D4, D13)', async () => {
      for (const q of [
        `departure_date=${date}T10:00:00Z&pax=1`,
        `departure_date=${date}&pax=1&cache_only=TRUE&confidence_score=0.5&pax_ages=30&pax_ages=5&return_date=${date}`,
        `departure_date=${date}&pax=1&locale=zz&unknown_param=1&timeout=0`,
      ]) {
        const r = await api.get(`itineraries?departures[]=9001&arrivals[]=9002&${q}`);
        expect(`${q} → ${r.status}`).toMatch(/→ 20[06]$/);
        expect(r.body.itineraries.length).toBeGreaterThan(0);
      }
    });

    it('prices itineraries as totals for all passengers (D6)', async () => {
      const prices = async (pax: number) => {
        const r = await api.get(
          `itineraries?departures[]=9001&arrivals[]=9002&departure_date=${date}&pax=${pax}`,
        );
        expect([200, 206]).toContain(r.status);
        return new Map<string, any>(
          r.body.itineraries.map((it: any) => [it.id.replace(/~\d+$/, ''), it.pricing]),
        );
      };
      const [one, three] = [await prices(1), await prices(3)];
      const common = [...one.keys()].filter((k) => three.has(k));
      expect(common.length).toBeGreaterThan(0);
      for (const key of common) {
        const [a, b] = [one.get(key).net_price, three.get(key).net_price];
        expect(b.currency).toBe(a.currency);
        expect(Number(b.amount)).toBeCloseTo(Number(a.amount) * 3, 2);
      }
    });

    it('accepts every array style and unequal station lists (docs/contract/endpoints.md#search, issue 3)', async () => {
      const base = `departure_date=${date}&pax=1`;
      const styles = [
        `departures[]=9001&arrivals[]=9002&${base}`,
        `departures=9001&arrivals=9002&${base}`,
        `departures[0]=9001&arrivals[0]=9002&${base}`,
        `departures[]=9001&departures[]=9003&arrivals[]=9002&${base}`,
      ];
      const ids: string[][] = [];
      for (const q of styles) {
        const r = await api.get(`itineraries?${q}`);
        expect(`${q} → ${r.status}`).toMatch(/→ 20[06]$/);
        ids.push(r.body.itineraries.map((it: any) => it.id).sort());
      }
      expect(ids[1]).toEqual(ids[0]);
      expect(ids[2]).toEqual(ids[0]);
      expect(ids[3]).toEqual(expect.arrayContaining(ids[0]));
      const same = await api.get(`itineraries?departures[]=9001&arrivals[]=9001&${base}`);
      expect(errorProblems(same, 400, 'validation_error')).toEqual([]);
    });

    it('answers 200 with three empty arrays for unknown places (docs/contract/endpoints.md#search)', async () => {
      const r = await api.get(`itineraries?departures[]=ZZ99&arrivals[]=ZZ98&departure_date=${date}&pax=1`);
      ok(r);
      expect(r.body).toEqual({ vehicles: [], segments: [], itineraries: [] });
    });
  });

  describe('supplier failures (docs/contract/errors.md#codes D26)', () => {
    afterEach(() => clearFaults(stack));

    it.each([
      [{ status: 500 }, 502, 'upstream_error'],
      [{ body: 'wrongshape' }, 502, 'upstream_bad_response'],
      [{ status: 429, retryAfterSec: 7 }, 429, 'rate_limited'],
    ])('search and checkout answer %j with %i %s in the error envelope', async (action, status, code) => {
      await addFault(stack, { match: { apiKey: 'sandbox-key-1', path: '/search/**' }, action });
      await addFault(stack, { match: { apiKey: 'sandbox-key-1', path: '/trip/**' }, action });
      const searched = await api.get(
        `itineraries?departures[]=9001&arrivals[]=9002&departure_date=${date}&pax=1`,
      );
      const opened = await api.get(`itineraries/${encodeURIComponent(scenarioItineraryId('OKINST', date))}`);
      for (const r of [searched, opened]) {
        expect(errorProblems(r, status, code)).toEqual([]);
        expect(headerProblems(r)).toEqual([]);
        if (status === 429) expect(r.headers.get('retry-after')).toBe('7');
      }
    });
  });

  describe('GetItinerary (docs/contract/endpoints.md#getitinerary)', () => {
    it('returns the checkout itinerary with both naming families, token and booking_schema', async () => {
      for (const id of [scenarioItineraryId('ALLFLD', date, 2), scenarioItineraryId('OKINST', date)]) {
        for (const path of [encodeURIComponent(id), id]) {
          const r = await api.get(`itineraries/${path}?locale=xx-YY`, tracing);
          ok(r);
          expect(headerProblems(r)).toEqual([]);
          expect(Object.keys(r.body)).toEqual(['itineraries', 'segments', 'vehicles']);
          expect(openApiErrors('GetItineraryResponse', r.body)).toEqual([]);
          const it0 = r.body.itineraries[0];
          expect(it0.id).toBe(id);
          expect(itineraryProblems(it0, id, true)).toEqual([]);
          expect(segmentProblems(r.body, id)).toEqual([]);
          const schema = it0.booking_schema;
          expect(schema.type).toBe('object');
          expect(schema.properties.passengers.type).toBe('array');
          const pax = id.endsWith('~2') ? 2 : 1;
          expect([schema.properties.passengers.minItems, schema.properties.passengers.maxItems]).toEqual([
            pax,
            pax,
          ]);
          // Titles on every data field; the fixture vectors (docs/contract/booking-schema.md, issue 4) give none to the
          // containers and to the allow_automatic_seat_selection flag.
          const leaves = {
            ...schema.properties,
            ...schema.properties.passengers.items.properties,
            ...schema.properties.additional_fields?.properties,
          };
          for (const name of ['passengers', 'additional_fields', 'allow_automatic_seat_selection'])
            delete leaves[name];
          for (const [name, prop] of Object.entries<any>(leaves))
            expect(`${name}: ${typeof prop.title}`).toBe(`${name}: string`);
        }
      }
    });

    it('maps undecodable ids to 404 itinerary_not_found and unsellable trips to 422', async () => {
      expect(errorProblems(await api.get('itineraries/not-an-id'), 404, 'itinerary_not_found')).toEqual([]);
      const soldOut = await api.get(`itineraries/${encodeURIComponent(scenarioItineraryId('SOLDOU', date))}`);
      expect(errorProblems(soldOut, 422, 'itinerary_not_available')).toEqual([]);
      expect(headerProblems(soldOut)).toEqual([]);
      const badCurrency = await api.get(
        `itineraries/${encodeURIComponent(scenarioItineraryId('OKINST', date))}?currency=ZZZ`,
      );
      expect(errorProblems(badCurrency, 400, 'validation_error')).toEqual([]);
      expect(badCurrency.body.error.details).toEqual([
        expect.objectContaining({ field: 'currency', reason: 'invalid_value' }),
      ]);
    });
  });

  describe('SeatLock (docs/contract/endpoints.md#seatlock)', () => {
    it('answers exactly passenger_count, status, total_price (D17)', async () => {
      const it0 = await checkout('ALLFLD', 2);
      const free = it0.booking_schema.properties.seat_selection.items.anyOf.map((o: any) => o.const);
      const r = await api.post('seats', {
        booking_token: it0.booking_token,
        booking_data: { seat_selection: free.slice(0, 2) },
      });
      ok(r);
      expect(headerProblems(r, { noStore: true })).toEqual([]);
      expect(openApiErrors('LockSeatsResponse', r.body)).toEqual([]);
      expect(Object.keys(r.body)).toEqual(ORDER.lockSeats);
      expect(r.body).toMatchObject({ passenger_count: 2, status: 'reserved' });
      expect(r.body.total_price.currency).toBe(it0.pricing.net_price.currency);
      expect(minorUnitProblems(r.body.total_price, 'seat lock')).toEqual([]);
    });

    it('reports duplicate, unavailable, malformed and foreign requests with the documented codes', async () => {
      const it0 = await checkout('ALLFLD', 2);
      const free = it0.booking_schema.properties.seat_selection.items.anyOf.map((o: any) => o.const);
      const dup = await api.post('seats', {
        booking_token: it0.booking_token,
        booking_data: { seat_selection: [free[0], free[0]] },
      });
      expect(errorProblems(dup, 400, 'validation_error')).toEqual([]);
      expect(dup.body.error.details.map((d: any) => d.reason)).toContain('duplicate');

      const gone = await api.post('seats', {
        booking_token: it0.booking_token,
        booking_data: { seat_selection: [free[0], 'NOSEAT99'] },
      });
      expect(errorProblems(gone, 422, 'seats_unavailable')).toEqual([]);
      expect(gone.body.error.details).toEqual([
        expect.objectContaining({ field: 'booking_data.seat_selection[1]', reason: 'unavailable' }),
      ]);

      const media = await api.request('POST', 'seats', {
        rawBody: JSON.stringify({
          booking_token: it0.booking_token,
          booking_data: { seat_selection: [free[0]] },
        }),
        headers: { 'content-type': 'text/plain' },
      });
      expect(errorProblems(media, 415, 'unsupported_media_type')).toEqual([]);

      const bad = await api.request('POST', 'seats', {
        rawBody: '{"booking_token": ',
        headers: { 'content-type': 'application/json' },
      });
      expect(errorProblems(bad, 400, 'invalid_json')).toEqual([]);
      const array = await api.request('POST', 'seats', {
        rawBody: '[1]',
        headers: { 'content-type': 'application/json' },
      });
      expect(errorProblems(array, 400, 'invalid_json')).toEqual([]);

      const tampered = await api.post('seats', {
        booking_token: `${it0.booking_token}x`,
        booking_data: { seat_selection: [free[0]] },
      });
      expect(errorProblems(tampered, 400, 'invalid_booking_token')).toEqual([]);

      const foreign = await apiB.post('seats', {
        booking_token: it0.booking_token,
        booking_data: { seat_selection: [free[0]] },
      });
      expect(errorProblems(foreign, 404, 'booking_token_expired')).toEqual([]);
    });
  });

  describe('CreateBooking → ConfirmBooking → details → ticket → cancel (docs/contract/endpoints.md)', () => {
    it('walks the funnel with the documented shapes and headers', async () => {
      const it0 = await checkout('OKINST');
      const created = await api.post(
        'bookings?locale=de&currency=USD',
        {
          booking_token: it0.booking_token,
          booking_data: fillBookingData(it0.booking_schema, 1),
          total_price: it0.pricing.net_price,
        },
        tracing,
      );
      ok(created);
      expect(headerProblems(created, { noStore: true })).toEqual([]);
      expect(bookingProblems(created.body, 'CreateBooking')).toEqual([]);
      expect(created.body).toMatchObject({
        status: 'reserved',
        voucher_url: null,
        passenger_count: 1,
        from_station: '9001',
        to_station: '9002',
        departure_time: `${date}T05:00:00`,
        total_price: { currency: it0.pricing.net_price.currency, amount: it0.pricing.net_price.amount }, // D4
      });
      expect(created.body.updated_at).toBe(created.body.created_at);
      const id = created.body.id;
      expect(id).toMatch(/^[0-9]+$/); // D11
      expect(created.body.integration_booking_id).toBe(id);

      // docs/contract/headers.md#request-bodies-and-limits: an empty JSON body on a body-less endpoint is ignored.
      const confirmed = await api.request('POST', `bookings/${id}/confirm`, {
        rawBody: '',
        headers: { 'content-type': 'application/json' },
      });
      ok(confirmed);
      expect(headerProblems(confirmed, { noStore: true })).toEqual([]);
      expect(bookingProblems(confirmed.body, 'ConfirmBooking')).toEqual([]);
      expect(confirmed.body.status).toBe('approved');
      expect(confirmed.body.voucher_url).toEqual(expect.any(String));

      const again = await api.post(`bookings/${id}/confirm`);
      expect(errorProblems(again, 409, 'already_confirmed')).toEqual([]);

      const details = await api.get(`bookings/${id}?currency=EUR`);
      ok(details);
      expect(headerProblems(details, { noStore: true })).toEqual([]);
      expect(bookingProblems(details.body, 'GetBookingDetails')).toEqual([]);
      expect(details.body.total_price).toEqual(created.body.total_price);
      expect(details.body.created_at).toBe(created.body.created_at);

      const ticket = await api.get(`bookings/${id}/ticket`);
      ok(ticket);
      expect(headerProblems(ticket, { noStore: true })).toEqual([]);
      expect(openApiErrors('TicketResponse', ticket.body)).toEqual([]);
      expect(Object.keys(ticket.body)).toEqual(['ticket_url']);
      expect(ticket.body.ticket_url).toBe(details.body.voucher_url);

      const cancelled = await api.post(`bookings/${id}/cancel`);
      ok(cancelled);
      expect(headerProblems(cancelled, { noStore: true })).toEqual([]);
      expect(openApiErrors('BookingCancellation', cancelled.body)).toEqual([]);
      expect(Object.keys(cancelled.body)).toEqual(ORDER.cancellation);
      expect(cancelled.body).toMatchObject({ booking_id: id, booking_status: 'cancelled' });
      expect(minorUnitProblems(cancelled.body.refund, 'refund')).toEqual([]);

      const twice = await api.post(`bookings/${id}/cancel`);
      expect(errorProblems(twice, 422, 'booking_not_cancellable')).toEqual([]); // D19
      const after = await api.get(`bookings/${id}`);
      expect(after.body).toMatchObject({ status: 'cancelled', voucher_url: null });
      expect(errorProblems(await api.get(`bookings/${id}/ticket`), 405, 'ticket_not_available')).toEqual([]);
    });

    it('keeps a Pending trip pending, 409 on a second confirm, 405 on its ticket', async () => {
      const booking = await reserved('OKPEND');
      const confirmed = await api.post(`bookings/${booking.id}/confirm`);
      ok(confirmed);
      expect(confirmed.body.status).toBe('pending');
      expect(bookingProblems(confirmed.body, 'pending confirm')).toEqual([]);
      expect(
        errorProblems(await api.post(`bookings/${booking.id}/confirm`), 409, 'already_confirmed'),
      ).toEqual([]);
      const ticket = await api.get(`bookings/${booking.id}/ticket`);
      expect(errorProblems(ticket, 405, 'ticket_not_available')).toEqual([]);
      expect(ticket.headers.get('allow')).toBe('GET');
      const final = await waitFor(async () => {
        const d = await api.get(`bookings/${booking.id}`);
        return d.body.status !== 'pending' ? d.body : undefined;
      });
      expect(bookingProblems(final, 'final')).toEqual([]);
    });

    it('answers GetTicket with a bodiless 202 + Retry-After: 10 while the ticket is produced (D18)', async () => {
      const booking = await reserved();
      const res = await stack.sandboxAdmin(`/bookings/${booking.id}/transition`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ status: 'CONFIRMED' }),
      });
      expect(res.status).toBeLessThan(300);
      const ticket = await api.get(`bookings/${booking.id}/ticket`);
      expect(ticket.status).toBe(202);
      expect(ticket.text).toBe('');
      expect(ticket.headers.get('retry-after')).toBe('10');
      expect(headerProblems(ticket, { noStore: true, json: false })).toEqual([]);
    });

    it('carries the standard headers and no-store on booking error responses (docs/contract/headers.md#response-headers)', async () => {
      const booking = await reserved();
      const calls = [
        await api.get(`bookings/99999999`),
        await api.get(`bookings/${booking.id}/ticket`),
        await api.post(`bookings/${booking.id}/cancel`),
        await api.post('bookings', { booking_token: 'x' }),
        await api.post('seats', { booking_token: 'x', booking_data: { seat_selection: ['1A'] } }),
        await api.get('incomplete_results/00000000-0000-4000-8000-000000000000'),
      ];
      expect(calls.map((c) => c.status)).toEqual([404, 405, 422, 400, 400, 404]);
      expect(calls.flatMap((c) => headerProblems(c, { noStore: true }))).toEqual([]);
    });

    it('reports a reserved booking on every post-booking endpoint with the documented codes', async () => {
      const booking = await reserved();
      const details = await api.get(`bookings/${booking.id}`);
      ok(details);
      expect(bookingProblems(details.body, 'reserved details')).toEqual([]);
      expect(details.body.status).toBe('reserved');
      expect(
        errorProblems(await api.get(`bookings/${booking.id}/ticket`), 405, 'ticket_not_available'),
      ).toEqual([]);
      expect(
        errorProblems(await api.post(`bookings/${booking.id}/cancel`), 422, 'booking_not_cancellable'),
      ).toEqual([]);
    });

    it('answers CreateBooking errors with the documented codes, details and meta', async () => {
      const it0 = await checkout('OKINST');
      const data = fillBookingData(it0.booking_schema, 1);

      const shape = await api.post('bookings', {
        booking_token: it0.booking_token,
        booking_data: { passengers: 'x' },
      });
      expect(errorProblems(shape, 400, 'validation_error')).toEqual([]);
      expect(shape.body.error.details.map((d: any) => d.field)).toContain('booking_data.passengers');

      const missing = await api.post('bookings', { booking_data: data });
      expect(errorProblems(missing, 400, 'validation_error')).toEqual([]);
      expect(missing.body.error.details).toEqual([
        expect.objectContaining({ field: 'booking_token', reason: 'required' }),
      ]);

      const invalid = await api.post('bookings', {
        booking_token: it0.booking_token,
        booking_data: {
          ...data,
          email: undefined,
          passengers: [{ ...data.passengers[0], first_name: undefined, last_name: undefined }],
        },
      });
      expect(errorProblems(invalid, 422, 'booking_data_invalid')).toEqual([]);
      const fields = invalid.body.error.details.map((d: any) => d.field);
      expect(fields).toEqual(
        expect.arrayContaining([
          'booking_data.passengers[0].first_name',
          'booking_data.passengers[0].last_name',
        ]),
      );
      expect(invalid.body.error.details.every((d: any) => d.field.startsWith('booking_data.'))).toBe(true);

      const count = await api.post('bookings', {
        booking_token: it0.booking_token,
        booking_data: { ...data, passengers: [data.passengers[0], data.passengers[0]] },
      });
      expect(errorProblems(count, 422, 'booking_data_invalid')).toEqual([]);

      const wrongPrice = await api.post('bookings', {
        booking_token: it0.booking_token,
        booking_data: data,
        total_price: { currency: it0.pricing.net_price.currency, amount: '1.00' },
      });
      expect(errorProblems(wrongPrice, 422, 'cost_mismatch')).toEqual([]);
      expect(wrongPrice.body.error.meta.expected_total_price).toEqual({
        currency: it0.pricing.net_price.currency,
        amount: it0.pricing.net_price.amount,
      });

      const tampered = await api.post('bookings', {
        booking_token: `${it0.booking_token.slice(0, -2)}zz`,
        booking_data: data,
      });
      expect(errorProblems(tampered, 400, 'invalid_booking_token')).toEqual([]);
      const foreign = await apiB.post('bookings', { booking_token: it0.booking_token, booking_data: data });
      expect(errorProblems(foreign, 404, 'booking_token_expired')).toEqual([]);

      const shapes: Array<[unknown, string, string]> = [
        [
          {
            booking_token: it0.booking_token,
            booking_data: data,
            total_price: { currency: 'THB', amount: 'abc' },
          },
          'total_price.amount',
          'invalid_format',
        ],
        [
          { booking_token: it0.booking_token, booking_data: data, total_price: { amount: '1.00' } },
          'total_price.currency',
          'required',
        ],
        [
          { booking_token: it0.booking_token, booking_data: { ...data, seat_selection: '1A' } },
          'booking_data.seat_selection',
          'invalid_type',
        ],
        [{ booking_token: it0.booking_token, booking_data: [] }, 'booking_data', 'invalid_type'],
        [{ booking_token: 5, booking_data: data }, 'booking_token', 'invalid_type'],
        [
          { booking_token: it0.booking_token, booking_data: { ...data, passengers: [] } },
          'booking_data.passengers',
          'required',
        ],
      ];
      for (const [body, field, reason] of shapes) {
        const r = await api.post('bookings', body);
        expect(errorProblems(r, 400, 'validation_error')).toEqual([]);
        expect(r.body.error.details).toEqual([expect.objectContaining({ field, reason })]);
      }
      const otherCurrency = await api.post('bookings', {
        booking_token: it0.booking_token,
        booking_data: data,
        total_price: { currency: 'USD', amount: it0.pricing.net_price.amount },
      });
      expect(errorProblems(otherCurrency, 422, 'cost_mismatch')).toEqual([]);

      // A JSON number as total_price amount is accepted leniently (D5).
      const first = await api.post('bookings', {
        booking_token: it0.booking_token,
        booking_data: data,
        total_price: {
          currency: it0.pricing.net_price.currency.toLowerCase(),
          amount: Number(it0.pricing.net_price.amount),
        },
      });
      ok(first);
      const reused = await api.post('bookings', { booking_token: it0.booking_token, booking_data: data });
      expect(errorProblems(reused, 409, 'already_reserved')).toEqual([]);
      expect(reused.body.error.meta).toEqual({ booking_id: first.body.id });
    });

    it('answers post-booking id errors and isolation with the documented codes (docs/contract/ids.md#booking-ids D1)', async () => {
      const booking = await reserved();
      for (const [method, suffix] of [
        ['GET', ''],
        ['GET', '/ticket'],
        ['POST', '/cancel'],
        ['POST', '/confirm'],
      ] as const) {
        const malformed = await api.request(method, `bookings/bad$id${suffix}`);
        expect(errorProblems(malformed, 400, 'validation_error')).toEqual([]);
        expect(malformed.body.error.details).toEqual([expect.objectContaining({ field: 'booking_id' })]);
        const unknown = await api.request(method, `bookings/99999999${suffix}`);
        expect(errorProblems(unknown, 404, 'booking_not_found')).toEqual([]);
        const foreign = await apiB.request(method, `bookings/${booking.id}${suffix}`);
        expect(errorProblems(foreign, 404, 'booking_not_found')).toEqual([]);
        expect(foreign.body.error.message).toBe(unknown.body.error.message);
      }
    });
  });
});
