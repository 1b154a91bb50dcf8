/* eslint-disable @typescript-eslint/no-explicit-any -- JSON documents of the spec and the API are walked dynamically */
import { startStack, writeClientsFile, type TestStack } from '../support/stack';
import {
  FunnelClient,
  addFault,
  fillBookingData,
  scenarioItineraryId,
  travelDate,
  waitFor,
} from './support/funnel.helpers';

/** IncompleteResults for a client with `async_flow` (docs/contract/endpoints.md#incompleteresults-async-flow). */
describe('async booking flow (e2e)', () => {
  let stack: TestStack;
  let api: FunnelClient;
  let apiB: FunnelClient;
  let date: string;

  beforeAll(async () => {
    const clientsFile = writeClientsFile((file) => {
      file.clients.find((c) => c.client_id === 'demo').async_flow = true;
    });
    stack = await startStack({ clientsFile, env: { ASYNC_FLOW_THRESHOLD_MS: '200' } });
    api = new FunnelClient(stack);
    apiB = new FunnelClient(stack, 'demo-b', stack.demoBKey);
    date = await travelDate(stack);
  });
  afterAll(() => stack?.close());

  async function poll(location: string, client = api) {
    return client.request('GET', location);
  }

  it('answers a slow reserve with 202 + Location and replays the Booking when done', async () => {
    const it0 = (await api.itinerary(scenarioItineraryId('OKINST', date))).body.itineraries[0];
    await addFault(stack, { match: { path: '/reserve/*' }, action: { delayMs: 1200 }, times: 1 });
    const accepted = await api.book({
      booking_token: it0.booking_token,
      booking_data: fillBookingData(it0.booking_schema, 1),
    });
    expect(accepted.status).toBe(202);
    const location = accepted.headers.get('location')!;
    expect(location).toBe(`/v1/demo/incomplete_results/${accepted.body.id}`);
    expect(accepted.headers.get('retry-after')).toBe('1');

    const running = await poll(location);
    expect(running.status).toBe(202);
    expect(running.headers.get('location')).toBe(location);

    const foreign = await poll(location.replace('/v1/demo/', '/v1/demo-b/'), apiB);
    expect(foreign.status).toBe(404);
    expect(foreign.body.error.code).toBe('incomplete_result_not_found');

    const done = await waitFor(async () => {
      const r = await poll(location);
      return r.status === 202 ? undefined : r;
    });
    expect(done.status).toBe(200);
    expect(done.body).toMatchObject({ status: 'reserved', passenger_count: 1 });
    // Readable again until expiry.
    expect((await poll(location)).body.id).toBe(done.body.id);

    // A slow confirm goes the same way.
    await addFault(stack, { match: { path: '/confirm/*' }, action: { delayMs: 1200 }, times: 1 });
    const confirm = await api.confirm(done.body.id);
    expect(confirm.status).toBe(202);
    const confirmed = await waitFor(async () => {
      const r = await poll(confirm.headers.get('location')!);
      return r.status === 202 ? undefined : r;
    });
    expect(confirmed.status).toBe(200);
    expect(confirmed.body.status).toBe('approved');
  });

  it('replays an error outcome exactly as the synchronous endpoint would answer', async () => {
    const it0 = (await api.itinerary(scenarioItineraryId('RSVTNA', date))).body.itineraries[0];
    await addFault(stack, { match: { path: '/reserve/*' }, action: { delayMs: 600 }, times: 1 });
    const accepted = await api.book({
      booking_token: it0.booking_token,
      booking_data: fillBookingData(it0.booking_schema, 1),
    });
    expect(accepted.status).toBe(202);
    const done = await waitFor(async () => {
      const r = await poll(accepted.headers.get('location')!);
      return r.status === 202 ? undefined : r;
    });
    expect(done.status).toBe(422);
    expect(done.body.error.code).toBe('itinerary_not_available');
    expect(typeof done.body.correlation_id).toBe('string');
  });

  it('answers fast operations synchronously and unknown ids with 404', async () => {
    const it0 = (await api.itinerary(scenarioItineraryId('OKINST', date))).body.itineraries[0];
    const res = await api.book({
      booking_token: it0.booking_token,
      booking_data: fillBookingData(it0.booking_schema, 1),
    });
    expect(res.status).toBe(200);
    const unknown = await api.request(
      'GET',
      '/v1/demo/incomplete_results/0b6f1c3e-3a51-4c38-9f55-2c8b1b0f7a10',
    );
    expect(unknown.status).toBe(404);
    expect(unknown.body.error.code).toBe('incomplete_result_not_found');
    const malformed = await api.request('GET', '/v1/demo/incomplete_results/not-a-uuid');
    expect(malformed.status).toBe(404);
  });
});

/** docs/operations.md#when-redis-is-down: without Redis, SeatLock is 503 while GetItinerary and CreateBooking keep working. */
describe('booking funnel with Redis down (e2e)', () => {
  let stack: TestStack;
  let api: FunnelClient;
  let date: string;

  beforeAll(async () => {
    stack = await startStack({
      env: { REDIS_URL: 'redis://127.0.0.1:1/0', REDIS_COMMAND_TIMEOUT_MS: '100' },
    });
    api = new FunnelClient(stack);
    date = await travelDate(stack);
  });
  afterAll(() => stack?.close());

  it('SeatLock answers 503; CreateBooking still reserves', async () => {
    const it0 = (await api.itinerary(scenarioItineraryId('ALLFLD', date))).body.itineraries[0];
    const free = it0.booking_schema.properties.seat_selection.items.anyOf.map((o: any) => o.const);
    const lock = await api.lockSeats(it0.booking_token, [free[0]]);
    expect(lock.status).toBe(503);
    expect(lock.body.error.code).toBe('upstream_unavailable');
    const data = fillBookingData(it0.booking_schema, 1, { seats: [free[0]], everything: true });
    const res = await api.book({ booking_token: it0.booking_token, booking_data: data });
    expect(res.status).toBe(200);
    expect(stack.logs.text()).toContain('booking_owner.write_failed');
  });
});
