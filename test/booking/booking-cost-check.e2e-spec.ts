/* eslint-disable @typescript-eslint/no-explicit-any -- JSON documents of the spec and the API are walked dynamically */
import { startStack, writeClientsFile, type TestStack } from '../support/stack';
import {
  FunnelClient,
  fillBookingData,
  lastReserveBody,
  requestMark,
  reservesSince,
  scenarioItineraryId,
  travelDate,
} from './support/funnel.helpers';

/**
 * CreateBooking's `total_price` check before reserve (docs/contract/endpoints.md#createbooking): the expected total includes seat
 * surcharges and priced options and carries the client's markup exactly as the Booking's `total_price` does.
 * `demo` has a markup (7.5 % + 20 THB per booking); `demo-b` has none.
 */
describe('booking cost check before reserve (e2e)', () => {
  let stack: TestStack;
  let marked: FunnelClient;
  let plain: FunnelClient;
  let date: string;

  beforeAll(async () => {
    const clientsFile = writeClientsFile((file) => {
      file.clients.find((c) => c.client_id === 'demo').markup = {
        percent: '7.5',
        fixed_per_booking: { amount: '20', currency: 'THB' },
      };
    });
    stack = await startStack({ clientsFile });
    marked = new FunnelClient(stack);
    plain = new FunnelClient(stack, 'demo-b', stack.demoBKey);
    date = await travelDate(stack);
  });
  afterAll(() => stack?.close());

  const cents = (amount: string) => Math.round(Number(amount) * 100);
  const priceOf = (option: any) => option.price ?? option['x-price'];
  /** The first choice that costs extra (a non-zero price annotation). */
  const priced = (prop: any) =>
    (prop?.anyOf ?? []).find((o: any) => priceOf(o) && cents(priceOf(o).amount) > 0);
  /** ALLFLD for two passengers with paid baggage for passenger 0 and paid ticket delivery. */
  async function allFieldsBooking(api: FunnelClient) {
    const res = await api.itinerary(scenarioItineraryId('ALLFLD', date, 2));
    expect(res.status).toBe(200);
    const it0 = res.body.itineraries[0];
    const schema = it0.booking_schema;
    const free = schema.properties.seat_selection.items.anyOf.map((o: any) => o.const);
    const data = fillBookingData(schema, 2, { seats: [free[0], free[1]], everything: true });
    const bag = priced(schema.properties.passengers.items.properties.baggage_option);
    const deliveryName = Object.keys(schema.properties.additional_fields.properties).find(
      (n) => schema.properties.additional_fields.properties[n]['x-field-kind'] === 'delivery',
    )!;
    const delivery = priced(schema.properties.additional_fields.properties[deliveryName]);
    expect(bag && delivery).toBeTruthy();
    data.passengers[0].baggage_option = bag.const;
    data.additional_fields[deliveryName] = delivery.const;
    // What the schema says the extras cost (each marked up on its own): baggage once, delivery per passenger.
    const schemaSum =
      cents(it0.pricing.net_price.amount) + cents(priceOf(bag).amount) + 2 * cents(priceOf(delivery).amount);
    return { it0, data, schemaSum };
  }

  it('prices baggage and per-passenger delivery before reserve; the same token books at that total (no markup)', async () => {
    const { it0, data, schemaSum } = await allFieldsBooking(plain);
    const mark = await requestMark(stack);
    const res = await plain.book({
      booking_token: it0.booking_token,
      booking_data: data,
      total_price: it0.pricing.net_price,
    });
    expect(res.status).toBe(422);
    expect(res.body.error.code).toBe('cost_mismatch');
    const expected = res.body.error.meta.expected_total_price;
    expect(expected.currency).toBe(it0.pricing.net_price.currency);
    // Without markup the expected total is exactly the fare plus the schema's add-on prices.
    expect(cents(expected.amount)).toBe(schemaSum);
    expect(cents(expected.amount)).toBeGreaterThan(cents(it0.pricing.net_price.amount));
    expect(await reservesSince(stack, mark)).toEqual([]);

    const booked = await plain.book({
      booking_token: it0.booking_token,
      booking_data: data,
      total_price: expected,
    });
    expect(booked.status).toBe(200);
    expect(booked.body.total_price).toEqual(expected);
    expect(await reservesSince(stack, mark)).toHaveLength(1);
  });

  it("applies the client's markup to the whole total, exactly as the Booking reports it", async () => {
    const { it0, data, schemaSum } = await allFieldsBooking(marked);
    const mark = await requestMark(stack);
    const res = await marked.book({
      booking_token: it0.booking_token,
      booking_data: data,
      total_price: it0.pricing.net_price,
    });
    expect(res.status).toBe(422);
    const expected = res.body.error.meta.expected_total_price;
    // The schema's prices are marked up one by one; the total is marked up once: equal up to rounding.
    expect(Math.abs(cents(expected.amount) - schemaSum)).toBeLessThanOrEqual(3);
    expect(await reservesSince(stack, mark)).toEqual([]);

    const booked = await marked.book({
      booking_token: it0.booking_token,
      booking_data: data,
      total_price: expected,
    });
    expect(booked.status).toBe(200);
    expect(booked.body.total_price).toEqual(expected);
    const details = await marked.details(booked.body.id);
    expect(details.body.total_price).toEqual(expected);
  });

  it("SeatLock's total for a surcharged seat is accepted by CreateBooking and equals the Booking's total", async () => {
    // A coach with a seat map whose row 1 costs extra (class 4, route 4055 → 11553 at 20:00); the day is
    // searched forward in case that departure is sold out or its row 1 taken on the first date tried.
    let found: { it0: any; seat: string; seatPrice: string } | undefined;
    for (let days = 3; days < 10 && !found; days++) {
      const day = await travelDate(stack, days);
      const search = await marked.request(
        'GET',
        `/v1/demo/itineraries?departures[]=4055&arrivals[]=11553&departure_date=${day}&pax=1`,
      );
      const hit = (search.body?.itineraries ?? []).find((i: any) => i.id.endsWith(`${day}-20:00`));
      if (!hit) continue;
      const res = await marked.itinerary(hit.id);
      if (res.status !== 200) continue;
      const it0 = res.body.itineraries[0];
      const option = priced(it0.booking_schema.properties.seat_selection?.items);
      if (option) found = { it0, seat: option.const, seatPrice: priceOf(option).amount };
    }
    expect(found).toBeDefined();
    const { it0, seat, seatPrice } = found!;

    const lock = await marked.lockSeats(it0.booking_token, [seat]);
    expect(lock.status).toBe(200);
    const lockTotal = lock.body.total_price;
    expect(
      Math.abs(cents(lockTotal.amount) - cents(it0.pricing.net_price.amount) - cents(seatPrice)),
    ).toBeLessThanOrEqual(2);

    const mark = await requestMark(stack);
    const data = fillBookingData(it0.booking_schema, 1);
    const booked = await marked.book({
      booking_token: it0.booking_token,
      booking_data: data,
      total_price: lockTotal,
    });
    expect(booked.status).toBe(200);
    expect(booked.body.total_price).toEqual(lockTotal);
    const body = await lastReserveBody(stack);
    const seatKey = Object.keys(body).find((k) => /^selected_seats_/.test(k) && !k.endsWith('_allow_auto'))!;
    expect(body[seatKey]).toBe(seat);
    expect(await reservesSince(stack, mark)).toHaveLength(1);
  });
});
