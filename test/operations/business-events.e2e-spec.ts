/* eslint-disable @typescript-eslint/no-explicit-any -- JSON bodies and log lines are walked dynamically */
import { startStack, type TestStack } from '../support/stack';
import {
  FunnelClient,
  SCENARIO_TRIP_PREFIX,
  fillBookingData,
  travelDate,
} from '../booking/support/funnel.helpers';

const CORRELATION = 'funnel-e2e-0001';

/** docs/platform.md#business-events: one event per operation attempt, joined by correlation_id. */
describe('business events of the funnel (e2e)', () => {
  let stack: TestStack;
  let api: FunnelClient;

  beforeAll(async () => {
    stack = await startStack({
      sandboxEnv: { SANDBOX_CONFIRM_DELAY_MS: '100' },
      env: { LOG_LEVEL: 'error' },
    });
    api = new FunnelClient(stack);
  });
  afterAll(() => stack?.close());

  const events = () => stack.logs.lines().filter((l) => l.evt?.name);
  const h = { 'x-correlation-id': CORRELATION };

  it('search → itinerary → booking → confirm → cancel emits each event exactly once', async () => {
    const date = await travelDate(stack);
    const search = await api.request(
      'GET',
      `/v1/demo/itineraries?departures[]=9001&arrivals[]=9002&departure_date=${date}&pax=1`,
      undefined,
      h,
    );
    expect([200, 206]).toContain(search.status);
    const found = search.body.itineraries.find((i: any) => i.id.startsWith(`${SCENARIO_TRIP_PREFIX}OKINST`));
    const itinerary = await api.request(
      'GET',
      `/v1/demo/itineraries/${encodeURIComponent(found.id)}`,
      undefined,
      h,
    );
    expect(itinerary.status).toBe(200);
    const it0 = itinerary.body.itineraries[0];
    const booking = await api.request(
      'POST',
      '/v1/demo/bookings',
      { booking_token: it0.booking_token, booking_data: fillBookingData(it0.booking_schema, 1) },
      h,
    );
    expect(booking.status).toBe(200);
    const id = booking.body.id;
    const confirmed = await api.request('POST', `/v1/demo/bookings/${id}/confirm`, undefined, h);
    expect(confirmed.status).toBe(200);
    expect(confirmed.body.status).toBe('approved');
    const cancelled = await api.request('POST', `/v1/demo/bookings/${id}/cancel`, undefined, h);
    expect(cancelled.status).toBe(200);

    const funnel = events().filter((e) => e.correlation_id === CORRELATION);
    expect(funnel.map((e) => e.evt.name)).toEqual([
      'search.completed',
      'checkout.completed',
      'booking.created',
      'booking.confirmed',
      'booking.cancelled',
    ]);
    for (const e of funnel) {
      expect(e).toMatchObject({
        evt: { version: 1, outcome: 'success', id: expect.stringMatching(/^[0-9a-f-]{36}$/) },
        client_id: 'demo',
        correlation_id: CORRELATION,
        request_id: expect.any(String),
        api_version: expect.any(String),
        duration_ms: expect.any(Number),
        http: { status_code: expect.any(Number) },
        time: expect.any(String),
      });
    }
    const [s, c, b, cf, cx] = funnel;
    expect(s).toMatchObject({
      departures: ['9001'],
      arrivals: ['9002'],
      date,
      pax: 1,
      result_count: expect.any(Number),
      partial: expect.any(Boolean),
    });
    expect(c).toMatchObject({
      itinerary_id: found.id,
      cart_id: expect.any(String),
      seats: 1,
      price: { net: it0.pricing.net_price.amount, currency: it0.pricing.net_price.currency },
      schema_field_count: expect.any(Number),
    });
    expect(b).toMatchObject({
      booking_id: id,
      cart_id: c.cart_id,
      passenger_count: 1,
      status: 'reserved',
      total_price: booking.body.total_price,
      async: false,
    });
    expect(cf).toMatchObject({
      booking_id: id,
      status: 'approved',
      ticket_available: true,
      passenger_count: 1,
    });
    expect(cx).toMatchObject({
      booking_id: id,
      previous_status: 'approved',
      status: 'cancelled',
      refund: cancelled.body.refund,
      refund_options_count: expect.any(Number),
    });
    // Business events are emitted whatever LOG_LEVEL says (error here), and carry no personal data.
    expect(JSON.stringify(funnel)).not.toContain('traveller.e2e@example.com');
  });

  it('a failing attempt emits the same event once with outcome failure and the error code', async () => {
    const res = await api.request('POST', '/v1/demo/bookings/not-a-booking/confirm', undefined, {
      'x-correlation-id': 'funnel-e2e-fail',
    });
    expect(res.status).toBeGreaterThanOrEqual(400);
    const failed = events().filter((e) => e.correlation_id === 'funnel-e2e-fail');
    expect(failed).toEqual([
      expect.objectContaining({
        evt: expect.objectContaining({ name: 'booking.confirmed', outcome: 'failure' }),
        http: { status_code: res.status },
        error: { code: res.body.error.code },
      }),
    ]);
  });

  it('requests refused before the handler emit no event', async () => {
    await fetch(`${stack.bffUrl}/v1/demo/bookings/x/confirm`, {
      method: 'POST',
      headers: { 'x-correlation-id': 'funnel-e2e-noauth' },
    });
    expect(events().filter((e) => e.correlation_id === 'funnel-e2e-noauth')).toEqual([]);
  });
});
