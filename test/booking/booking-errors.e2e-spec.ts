/* eslint-disable @typescript-eslint/no-explicit-any -- JSON documents of the spec and the API are walked dynamically */
import Redis from 'ioredis';
import { encodeBookingToken } from '../../apps/connect-api/src/booking/token/booking-token.codec';
import { startStack, type TestStack } from '../support/stack';
import {
  FunnelClient,
  addFault,
  clearFaults,
  fillBookingData,
  lastReserveBody,
  requestMark,
  reservesSince,
  scenarioItineraryId,
  travelDate,
} from './support/funnel.helpers';

const HMAC_KEY = 'e2e-booking-token-key-0123456789abcdef';

/** Tokens, validation, supplier rejections, cost checks, seat locks and upstream faults. */
describe('booking funnel errors (e2e)', () => {
  let stack: TestStack;
  let api: FunnelClient;
  let apiB: FunnelClient;
  let date: string;
  let redis: Redis;

  beforeAll(async () => {
    stack = await startStack({
      env: { BOOKING_TOKEN_HMAC_KEY: HMAC_KEY, TWELVEGO_TIMEOUTS: 'reserve=1500,confirm=1500' },
    });
    api = new FunnelClient(stack);
    apiB = new FunnelClient(stack, 'demo-b', stack.demoBKey);
    date = await travelDate(stack);
    redis = new Redis(stack.redisUrl);
  });
  afterAll(async () => {
    redis?.disconnect();
    await stack?.close();
  });
  afterEach(() => clearFaults(stack));

  async function open(code: string, pax = 1, client = api) {
    const res = await client.itinerary(scenarioItineraryId(code, date, pax));
    expect(res.status).toBe(200);
    return res.body.itineraries[0];
  }

  describe('booking tokens', () => {
    it('rejects a tampered token with 400 invalid_booking_token', async () => {
      const it0 = await open('OKINST');
      const token: string = it0.booking_token;
      const tampered = token.slice(0, 40) + (token[40] === 'X' ? 'Y' : 'X') + token.slice(41);
      const res = await api.book({
        booking_token: tampered,
        booking_data: fillBookingData(it0.booking_schema, 1),
      });
      expect(res.status).toBe(400);
      expect(res.body.error.code).toBe('invalid_booking_token');
    });

    it('answers 404 booking_token_expired for an expired token', async () => {
      const it0 = await open('OKINST');
      const old = encodeBookingToken(
        {
          contractCode: '12go',
          cartId: 'ABCDEFGH',
          seats: 1,
          uniqueId: 'abcdefabcdef',
          clientId: 'demo',
          issuedAt: 1_000_000,
        },
        HMAC_KEY,
      );
      const res = await api.book({
        booking_token: old,
        booking_data: fillBookingData(it0.booking_schema, 1),
      });
      expect(res.status).toBe(404);
      expect(res.body.error.code).toBe('booking_token_expired');
    });

    it('answers 404 booking_token_expired for a token of another client', async () => {
      const it0 = await open('OKINST');
      const res = await apiB.book({
        booking_token: it0.booking_token,
        booking_data: fillBookingData(it0.booking_schema, 1),
      });
      expect(res.status).toBe(404);
      expect(res.body.error.code).toBe('booking_token_expired');
    });

    it('answers 409 already_reserved with the booking id when a token is used twice', async () => {
      const it0 = await open('OKINST');
      const data = fillBookingData(it0.booking_schema, 1);
      const first = await api.book({ booking_token: it0.booking_token, booking_data: data });
      expect(first.status).toBe(200);
      const mark = await requestMark(stack);
      const second = await api.book({ booking_token: it0.booking_token, booking_data: data });
      expect(second.status).toBe(409);
      expect(second.body.error.code).toBe('already_reserved');
      expect(second.body.error.meta?.booking_id).toBe(first.body.id);
      expect(await reservesSince(stack, mark)).toEqual([]);

      // Without the BFF's marker (lost, or Redis down) 12go's own 409 gives the same answer.
      const markers = await redis.keys(`${stack.keyPrefix}schema:*`);
      for (const key of markers)
        if ((await redis.hget(key, 'reserved_bid')) === first.body.id) await redis.del(key);
      const third = await api.book({ booking_token: it0.booking_token, booking_data: data });
      expect(third.status).toBe(409);
      expect(third.body.error.code).toBe('already_reserved');
      expect(third.body.error.meta?.booking_id).toBe(first.body.id);
      expect(await reservesSince(stack, mark)).toHaveLength(1);
    });

    it('answers 404 booking_token_expired once the cart has expired', async () => {
      const it0 = await open('OKINST');
      await stack.sandboxAdmin('/clock/advance', {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ seconds: 3 * 3600 + 60 }),
      });
      const res = await api.book({
        booking_token: it0.booking_token,
        booking_data: fillBookingData(it0.booking_schema, 1),
      });
      expect(res.status).toBe(404);
      expect(res.body.error.code).toBe('booking_token_expired');
      date = await travelDate(stack);
    });
  });

  describe('booking_data validation', () => {
    it('reports every problem at once, in the fixed order', async () => {
      const it0 = await open('OKINST', 2);
      const good = fillBookingData(it0.booking_schema, 2);
      const data = {
        ...good,
        email: 'not-an-email',
        mobile_phone: '12',
        passengers: [{ ...good.passengers[0], first_name: undefined, last_name: 'X1!' }],
      };
      const res = await api.book({ booking_token: it0.booking_token, booking_data: data });
      expect(res.status).toBe(422);
      expect(res.body.error.code).toBe('booking_data_invalid');
      const fields = res.body.error.details.map((d: any) => d.field);
      expect(fields.slice(0, 5)).toEqual([
        'booking_data.passengers',
        'booking_data.email',
        'booking_data.mobile_phone',
        'booking_data.passengers[0].first_name',
        'booking_data.passengers[0].last_name',
      ]);
      expect(res.body.error.details[0]).toMatchObject({
        reason: 'count_mismatch',
        code: 'passenger_count_mismatch',
      });
      expect(res.body.error.details[3]).toMatchObject({ reason: 'required' });
      // Nothing was reserved.
      expect(await lastReserveBody(stack)).not.toMatchObject({ 'contact[email]': 'not-an-email' });
    });

    it('rejects a malformed request shape with 400 validation_error', async () => {
      const res = await api.book({
        booking_token: '',
        booking_data: { passengers: 'nope', seat_selection: [{}] },
      });
      expect(res.status).toBe(400);
      expect(res.body.error.code).toBe('validation_error');
      const fields = res.body.error.details.map((d: any) => d.field);
      expect(fields).toEqual(expect.arrayContaining(['booking_token', 'booking_data.passengers']));
    });

    it('maps a 12go field rejection on reserve back to the client field name', async () => {
      const it0 = await open('OKINST');
      const data = fillBookingData(it0.booking_schema, 1);
      // A fixed passenger field the checkout does not ask for is forwarded (docs/contract/booking-schema.md#booking-data-normalisation-and-validation); 12go rejects it.
      expect(it0.booking_schema.properties.passengers.items.properties.visa_reason).toBeUndefined();
      data.passengers[0].visa_reason = 'tourism';
      const res = await api.book({ booking_token: it0.booking_token, booking_data: data });
      expect(res.status).toBe(422);
      expect(res.body.error.code).toBe('booking_data_invalid');
      expect(res.body.error.details).toEqual([
        expect.objectContaining({
          field: 'booking_data.passengers[0].visa_reason',
          code: 'rejected_by_supplier',
        }),
      ]);
    });
  });

  describe('cost check', () => {
    it('answers 422 cost_mismatch with the expected total before reserving; the token then books at it', async () => {
      const it0 = await open('OKINST');
      const data = fillBookingData(it0.booking_schema, 1);
      const mark = await requestMark(stack);
      const res = await api.book({
        booking_token: it0.booking_token,
        booking_data: data,
        total_price: { currency: it0.pricing.net_price.currency, amount: '1.00' },
      });
      expect(res.status).toBe(422);
      expect(res.body.error.code).toBe('cost_mismatch');
      const expected = res.body.error.meta.expected_total_price;
      expect(expected).toEqual({
        currency: it0.pricing.net_price.currency,
        amount: it0.pricing.net_price.amount,
      });
      // No reserve was made: the cart is not consumed.
      expect(await reservesSince(stack, mark)).toEqual([]);

      const retry = await api.book({
        booking_token: it0.booking_token,
        booking_data: data,
        total_price: expected,
      });
      expect(retry.status).toBe(200);
      expect(retry.body.status).toBe('reserved');
      expect(retry.body.total_price).toEqual(expected);
      expect(await reservesSince(stack, mark)).toHaveLength(1);
    });

    it('treats another currency as a mismatch, also before reserving', async () => {
      const it0 = await open('OKINST');
      const mark = await requestMark(stack);
      const res = await api.book({
        booking_token: it0.booking_token,
        booking_data: fillBookingData(it0.booking_schema, 1),
        total_price: { currency: 'USD', amount: it0.pricing.net_price.amount },
      });
      expect(res.status).toBe(422);
      expect(res.body.error.code).toBe('cost_mismatch');
      expect(res.body.error.meta.expected_total_price).toEqual({
        currency: it0.pricing.net_price.currency,
        amount: it0.pricing.net_price.amount,
      });
      expect(await reservesSince(stack, mark)).toEqual([]);
    });

    it('detects a price that moved at reserve (RSVPRC): 422 after the reserve, the token is spent', async () => {
      const it0 = await open('RSVPRC');
      const data = fillBookingData(it0.booking_schema, 1);
      const mark = await requestMark(stack);
      const res = await api.book({
        booking_token: it0.booking_token,
        booking_data: data,
        total_price: it0.pricing.net_price,
      });
      expect(res.status).toBe(422);
      expect(res.body.error.code).toBe('cost_mismatch');
      const expected = res.body.error.meta.expected_total_price;
      // The sandbox books 5 % above the cart: 300.00 → 315.00.
      expect(expected).toEqual({
        currency: it0.pricing.net_price.currency,
        amount: (Number(it0.pricing.net_price.amount) * 1.05).toFixed(2),
      });
      // The pre-reserve check passed (the cart's price was as expected), so 12go did reserve.
      expect(await reservesSince(stack, mark)).toHaveLength(1);

      // Documented consequence: the token is consumed; the unconfirmed hold stays until it lapses. The 409
      // comes from the BFF's reserve marker: no second reserve, no misleading second price check.
      const again = await api.book({
        booking_token: it0.booking_token,
        booking_data: data,
        total_price: expected,
      });
      expect(again.status).toBe(409);
      expect(again.body.error.code).toBe('already_reserved');
      const held = await api.details(again.body.error.meta.booking_id);
      expect(held.status).toBe(200);
      expect(held.body.status).toBe('reserved');
      expect(held.body.total_price).toEqual(expected);
      expect(await reservesSince(stack, mark)).toHaveLength(1);
    });

    it('accepts a numerically equal total with other decimals', async () => {
      const it0 = await open('OKINST');
      const res = await api.book({
        booking_token: it0.booking_token,
        booking_data: fillBookingData(it0.booking_schema, 1),
        total_price: {
          currency: it0.pricing.net_price.currency.toLowerCase(),
          amount: Number(it0.pricing.net_price.amount),
        },
      });
      expect(res.status).toBe(200);
    });
  });

  describe('seat lock', () => {
    it('honours the latest lock over the request seats and rejects a taken seat', async () => {
      const it0 = await open('ALLFLD');
      const seatProp = it0.booking_schema.properties.seat_selection;
      const free = seatProp.items.anyOf.map((o: any) => o.const);
      const first = await api.lockSeats(it0.booking_token, [free[0]]);
      expect(first.status).toBe(200);
      expect(Object.keys(first.body).sort()).toEqual(['passenger_count', 'status', 'total_price']);
      expect(first.body).toMatchObject({ passenger_count: 1, status: 'reserved' });
      const second = await api.lockSeats(it0.booking_token, [free[1]]);
      expect(second.status).toBe(200);

      // Another booking of the same departure takes a seat that was free when it0 was opened.
      const booked: string = free[free.length - 1];
      expect(seatProp['x-seat-map'].seats[booked].available).toBe(true);
      const other = await open('ALLFLD');
      const otherData = fillBookingData(other.booking_schema, 1, { seats: [booked] });
      const otherRes = await api.book({ booking_token: other.booking_token, booking_data: otherData });
      expect(otherRes.status).toBe(200);
      const fresh = (await open('ALLFLD')).booking_schema.properties.seat_selection;
      expect(fresh['x-seat-map'].seats[booked].available).toBe(false);
      expect(fresh.items.anyOf.map((o: any) => o.const)).not.toContain(booked);

      const taken = await api.lockSeats(it0.booking_token, [booked]);
      expect(taken.status).toBe(422);
      expect(taken.body.error.code).toBe('seats_unavailable');
      expect(taken.body.error.details).toEqual([
        expect.objectContaining({ field: 'booking_data.seat_selection[0]', reason: 'unavailable' }),
      ]);

      const data = fillBookingData(it0.booking_schema, 1, { seats: [free[2]], everything: true });
      const res = await api.book({ booking_token: it0.booking_token, booking_data: data });
      expect(res.status).toBe(200);
      const body = await lastReserveBody(stack);
      const seatKey = Object.keys(body).find(
        (k) => k.startsWith('selected_seats_') && !k.endsWith('_allow_auto'),
      )!;
      expect(body[seatKey]).toBe(free[1]);
    });

    it('rejects a lock with a token of another client', async () => {
      const it0 = await open('ALLFLD');
      const free = it0.booking_schema.properties.seat_selection.items.anyOf.map((o: any) => o.const);
      const res = await apiB.lockSeats(it0.booking_token, [free[0]]);
      expect(res.status).toBe(404);
      expect(res.body.error.code).toBe('booking_token_expired');
    });
  });

  describe('upstream faults on each of the five calls', () => {
    it('trip details, add to cart and checkout faults fail GetItinerary with 502', async () => {
      for (const path of ['/trip/*/*', '/cart/*/*', '/checkout/*']) {
        await addFault(stack, { match: { path }, action: { status: 500 }, times: 1 });
        const res = await api.itinerary(scenarioItineraryId('OKINST', date));
        expect([path, res.status, res.body.error.code]).toEqual([path, 502, 'upstream_error']);
      }
      const malformed = await api.itinerary(scenarioItineraryId('MALFRM', date));
      expect(malformed.status).toBe(502);
      expect(malformed.body.error.code).toBe('upstream_bad_response');
    });

    it('a reserve failure (RSV500) is 502 and the cart stays usable', async () => {
      const it0 = await open('RSV500');
      const res = await api.book({
        booking_token: it0.booking_token,
        booking_data: fillBookingData(it0.booking_schema, 1),
      });
      expect(res.status).toBe(502);
      expect(res.body.error.code).toBe('upstream_error');
    });

    it('a reserve that times out is 504; a trip sold out at reserve is 422 itinerary_not_available', async () => {
      const it0 = await open('OKINST');
      await addFault(stack, { match: { path: '/reserve/*' }, action: { delayMs: 4000 }, times: 1 });
      const res = await api.book({
        booking_token: it0.booking_token,
        booking_data: fillBookingData(it0.booking_schema, 1),
      });
      expect(res.status).toBe(504);
      expect(res.body.error.code).toBe('upstream_timeout');

      const tna = await open('RSVTNA');
      const gone = await api.book({
        booking_token: tna.booking_token,
        booking_data: fillBookingData(tna.booking_schema, 1),
      });
      expect(gone.status).toBe(422);
      expect(gone.body.error.code).toBe('itinerary_not_available');
    });

    it('a confirm 5xx that 12go nevertheless executed is resolved by one read (CNF500)', async () => {
      const it0 = await open('CNF500');
      const booking = await api.book({
        booking_token: it0.booking_token,
        booking_data: fillBookingData(it0.booking_schema, 1),
      });
      expect(booking.status).toBe(200);
      const res = await api.confirm(booking.body.id);
      expect(res.status).toBe(200);
      expect(res.body.status).toBe('approved');
    });

    it('a confirm that fails without effect stays an error; a timed-out confirm that went through is answered', async () => {
      const it0 = await open('OKINST');
      const booking = await api.book({
        booking_token: it0.booking_token,
        booking_data: fillBookingData(it0.booking_schema, 1),
      });
      await addFault(stack, { match: { path: '/confirm/*' }, action: { status: 503 }, times: 1 });
      const failed = await api.confirm(booking.body.id);
      expect(failed.status).toBe(502);
      expect(failed.body.error.code).toBe('upstream_error');

      await addFault(stack, {
        match: { path: '/confirm/*' },
        action: { conn: 'hang', execute: true },
        times: 1,
      });
      const resolved = await api.confirm(booking.body.id);
      expect(resolved.status).toBe(200);
      expect(resolved.body.status).toBe('approved');
    });

    it('a booking-details fault after reserve is 502 but the owner record is written', async () => {
      const it0 = await open('OKINST');
      await addFault(stack, {
        match: { method: 'GET', path: '/booking/*' },
        action: { status: 500 },
        times: 1,
      });
      const res = await api.book({
        booking_token: it0.booking_token,
        booking_data: fillBookingData(it0.booking_schema, 1),
      });
      expect(res.status).toBe(502);
      const retry = await api.book({
        booking_token: it0.booking_token,
        booking_data: fillBookingData(it0.booking_schema, 1),
      });
      expect(retry.status).toBe(409);
      expect(retry.body.error.meta.booking_id).toMatch(/^\d+$/);
    });
  });
});
