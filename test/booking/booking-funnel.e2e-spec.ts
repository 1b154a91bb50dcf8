/* eslint-disable @typescript-eslint/no-explicit-any -- JSON documents of the spec and the API are walked dynamically */
import type { Cluster, Redis } from 'ioredis';
import { startStack, testRedisClient, type TestStack } from '../support/stack';
import {
  FunnelClient,
  SCENARIO_TRIP_PREFIX,
  fillBookingData,
  lastReserveBody,
  scenarioItineraryId,
  travelDate,
  waitFor,
} from './support/funnel.helpers';

/** The full funnel against the real sandbox: search → itinerary → booking → confirm. */
describe('booking funnel (e2e)', () => {
  let stack: TestStack;
  let api: FunnelClient;
  let date: string;
  let redis: Redis | Cluster;
  const personal = new Set<string>();

  beforeAll(async () => {
    stack = await startStack({ sandboxEnv: { SANDBOX_CONFIRM_DELAY_MS: '300' } });
    api = new FunnelClient(stack);
    date = await travelDate(stack);
    redis = testRedisClient();
  });
  afterAll(async () => {
    redis?.disconnect();
    await stack?.close();
  });

  function remember(data: any): any {
    for (const k of ['email', 'mobile_phone']) if (data[k]) personal.add(data[k]);
    for (const p of data.passengers)
      for (const k of ['first_name', 'last_name', 'id_number']) if (p[k]) personal.add(p[k]);
    return data;
  }

  async function open(code: string, pax = 1) {
    const res = await api.itinerary(scenarioItineraryId(code, date, pax));
    expect(res.status).toBe(200);
    return res.body.itineraries[0];
  }

  it('search → itinerary → booking → confirm on the instant scenario trip', async () => {
    const search = await api.request(
      'GET',
      `/v1/demo/itineraries?departures[]=9001&arrivals[]=9002&departure_date=${date}&pax=1`,
    );
    expect([200, 206]).toContain(search.status);
    const found = search.body.itineraries.find((i: any) => i.id.startsWith(`${SCENARIO_TRIP_PREFIX}OKINST`));
    expect(found).toBeDefined();

    const itinerary = await api.itinerary(found.id);
    expect(itinerary.status).toBe(200);
    const it0 = itinerary.body.itineraries[0];
    expect(it0.id).toBe(found.id);
    expect(it0.to_segments).toEqual(it0.departure_segments);
    expect(it0.from_segments).toEqual([]);
    expect(typeof it0.booking_token).toBe('string');
    expect(it0.booking_schema.properties.passengers.minItems).toBe(1);
    expect(itinerary.body.segments.length).toBeGreaterThan(0);

    const data = remember(fillBookingData(it0.booking_schema, 1));
    const booking = await api.book({
      booking_token: it0.booking_token,
      booking_data: data,
      total_price: it0.pricing.net_price,
    });
    expect(booking.status).toBe(200);
    expect(booking.body).toMatchObject({
      status: 'reserved',
      passenger_count: 1,
      integration: 'onetwogo',
      voucher_url: null,
    });
    expect(Object.keys(booking.body)).toHaveLength(13);
    expect(booking.body.total_price).toEqual({
      currency: it0.pricing.net_price.currency,
      amount: it0.pricing.net_price.amount,
    });

    // The owner record is written at reserve (docs/contract/webhooks.md#who-owns-a-booking).
    const owner = await redis.hgetall(`${stack.keyPrefix}booking:${booking.body.id}`);
    expect(owner.client_id).toBe('demo');

    const confirmed = await api.confirm(booking.body.id);
    expect(confirmed.status).toBe(200);
    expect(confirmed.body.status).toBe('approved');
    expect(confirmed.body.voucher_url).toMatch(/^https?:\/\//);

    const again = await api.confirm(booking.body.id);
    expect(again.status).toBe(409);
    expect(again.body.error.code).toBe('already_confirmed');
  });

  it('books chosen seats, baggage, pickup/drop-off, delivery and flight fields for several passengers (ALLFLD)', async () => {
    const it0 = await open('ALLFLD', 2);
    const schema = it0.booking_schema;
    const seatProp = schema.properties.seat_selection;
    expect(seatProp['x-seat-map'].decks.length).toBeGreaterThan(0);
    const free = seatProp.items.anyOf.map((o: any) => o.const);
    const seats = [free[1], free[0]];
    const data = remember(
      fillBookingData(schema, 2, { seats, everything: true, lastNames: ['Alpha', 'Beta'] }),
    );
    const res = await api.book({ booking_token: it0.booking_token, booking_data: data });
    expect(res.status).toBe(200);
    expect(res.body.passenger_count).toBe(2);

    const body = await lastReserveBody(stack);
    expect(body.seats).toBe(2);
    const seatKey = Object.keys(body).find(
      (k) => /^selected_seats_[^_]+$/.test(k) || /^selected_seats_.+(?<!_allow_auto)$/.test(k),
    );
    expect(body[seatKey!]).toBe(seats.join(','));
    expect(body['passenger[1][last_name]']).toBe('Beta');
    expect(Object.keys(body).some((k) => /^passenger\[1\]\[baggage_/.test(k))).toBe(true);
    expect(Object.keys(body).some((k) => /^points\[.+\]\[pickup\]$/.test(k))).toBe(true);
    expect(Object.keys(body).some((k) => /^delivery\[/.test(k))).toBe(true);
    expect(Object.keys(body).some((k) => /\[flight_no\]$/.test(k))).toBe(true);
  });

  it('lets 12go assign seats when allow_automatic_seat_selection is true', async () => {
    const it0 = await open('ALLFLD', 3);
    const data = remember(fillBookingData(it0.booking_schema, 3, { autoSeats: true }));
    const res = await api.book({ booking_token: it0.booking_token, booking_data: data });
    expect(res.status).toBe(200);
    expect(res.body.passenger_count).toBe(3);
    const body = await lastReserveBody(stack);
    expect(Object.entries(body).some(([k, v]) => k.endsWith('_allow_auto') && v === true)).toBe(true);
    expect(Object.keys(body).filter((k) => /^passenger\[2\]\[first_name\]$/.test(k))).toHaveLength(1);
  });

  it('keeps a Pending trip pending until 12go decides, then approved (OKPEND)', async () => {
    const it0 = await open('OKPEND');
    const data = remember(fillBookingData(it0.booking_schema, 1));
    const booking = await api.book({ booking_token: it0.booking_token, booking_data: data });
    expect(booking.status).toBe(200);
    const confirmed = await api.confirm(booking.body.id);
    expect(confirmed.status).toBe(200);
    expect(confirmed.body.status).toBe('pending');
    const again = await api.confirm(booking.body.id);
    expect(again.status).toBe(409);
    expect(again.body.error.code).toBe('already_confirmed');
    const final = await waitFor(async () => {
      const d = await api.details(booking.body.id);
      return d.status === 200 && d.body.status !== 'pending' ? d.body : undefined;
    });
    expect(final.status).toBe('approved');
  });

  it('reports an operator refusal as declined and then refuses to confirm again (magic name SANDBOXDECLINE)', async () => {
    const it0 = await open('OKINST');
    const data = remember(fillBookingData(it0.booking_schema, 1, { lastNames: ['SANDBOXDECLINE'] }));
    const booking = await api.book({ booking_token: it0.booking_token, booking_data: data });
    expect(booking.status).toBe(200);
    const confirmed = await api.confirm(booking.body.id);
    expect(confirmed.status).toBe(200);
    expect(confirmed.body.status).toBe('pending');
    const final = await waitFor(async () => {
      const d = await api.details(booking.body.id);
      return d.status === 200 && d.body.status !== 'pending' ? d.body : undefined;
    });
    expect(final.status).toBe('declined');
    const retry = await api.confirm(booking.body.id);
    expect(retry.status).toBe(422);
    expect(retry.body.error.code).toBe('booking_not_confirmable');
  });

  it('goes through pending to approved for SANDBOXPENDING on an instant trip', async () => {
    const it0 = await open('OKINST');
    const data = remember(fillBookingData(it0.booking_schema, 1, { lastNames: ['SANDBOXPENDING'] }));
    const booking = await api.book({ booking_token: it0.booking_token, booking_data: data });
    const confirmed = await api.confirm(booking.body.id);
    expect(confirmed.body.status).toBe('pending');
    const final = await waitFor(async () => {
      const d = await api.details(booking.body.id);
      return d.status === 200 && d.body.status !== 'pending' ? d.body : undefined;
    });
    expect(final.status).toBe('approved');
  });

  it('maps unsellable and gone itineraries to 422 / 404', async () => {
    expect((await api.itinerary(scenarioItineraryId('SOLDOU', date))).body.error.code).toBe(
      'itinerary_not_available',
    );
    expect((await api.itinerary(scenarioItineraryId('GONE40', date))).body.error.code).toBe(
      'itinerary_not_found',
    );
    expect((await api.itinerary(scenarioItineraryId('CART40', date))).body.error.code).toBe(
      'itinerary_not_available',
    );
    expect((await api.itinerary(scenarioItineraryId('CHKBAD', date))).body.error.code).toBe(
      'itinerary_not_available',
    );
    const bad = await api.itinerary('XYXZ4Ygarbage');
    expect(bad.status).toBe(404);
    expect(bad.body.error.code).toBe('itinerary_not_found');
    const badPax = await api.itinerary(`${SCENARIO_TRIP_PREFIX}OKINST-${date}-05:00`, '?pax=0');
    expect(badPax.status).toBe(400);
    expect(badPax.body.error.code).toBe('validation_error');
  });

  it('decodes a bare product id with ?pax and echoes the id in the client form', async () => {
    const res = await api.itinerary(`${SCENARIO_TRIP_PREFIX}OKINST-${date}-05:00`, '?pax=2');
    expect(res.status).toBe(200);
    expect(res.body.itineraries[0].id).toBe(scenarioItineraryId('OKINST', date, 2));
    expect(res.body.itineraries[0].booking_schema.properties.passengers.maxItems).toBe(2);
  });

  it('books a checkout with underscore-style point names (PTSALT)', async () => {
    const it0 = await open('PTSALT');
    const additional = it0.booking_schema.properties.additional_fields;
    expect(additional.properties.points_pickup['x-field-kind']).toBe('pickup_point');
    expect(JSON.stringify(it0.booking_schema)).not.toContain('PTSALT');
    const data = remember(fillBookingData(it0.booking_schema, 1, { everything: true }));
    const res = await api.book({ booking_token: it0.booking_token, booking_data: data });
    expect(res.status).toBe(200);
    const body = await lastReserveBody(stack);
    expect(Object.keys(body).some((k) => /^points_[A-Za-z0-9]+\[pickup\]$/.test(k))).toBe(true);
  });

  it('validates the currency query parameter on the funnel endpoints', async () => {
    const res = await api.itinerary(scenarioItineraryId('OKINST', date), '?currency=XYZ');
    expect(res.status).toBe(400);
    expect(res.body.error.details).toEqual([
      expect.objectContaining({ field: 'currency', reason: 'invalid_value' }),
    ]);
    expect((await api.itinerary(scenarioItineraryId('OKINST', date), '?currency=usd&locale=xx')).status).toBe(
      200,
    );
  });

  it('never writes passenger names, e-mails, phones or document numbers to the logs', () => {
    const text = stack.logs.text();
    expect(personal.size).toBeGreaterThan(3);
    for (const value of personal) expect(text).not.toContain(value);
  });
});
