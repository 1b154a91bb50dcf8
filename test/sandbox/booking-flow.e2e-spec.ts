/* eslint-disable @typescript-eslint/no-explicit-any -- upstream JSON answers are asserted field by field */
import { KEY1, KEY2, SandboxHarness, reserveBodyFor, startSandbox } from './sandbox-harness';

/** Auth, ownership, carts, reserve → confirm → refund, refund errors, body cart (docs/upstream-12go.md). */

const VIP = 'TH013p030l03Jb004030KpBe';
const VIP_DEP = '2026-05-14-20-00-00';
const TRAIN_DATE = '2026-05-15';

describe('sandbox booking flow', () => {
  let sb: SandboxHarness;

  beforeAll(async () => {
    sb = await startSandbox();
  });
  afterAll(() => sb.close());

  async function reserved(tripPath: string, seats = 1, lastName = 'Doe', k = KEY1) {
    const cart = await sb.call('POST', `/cart/${tripPath}?seats=${seats}`, { k });
    expect(cart.status).toBe(200);
    const form = await sb.call('GET', `/checkout/${cart.json}?people=1`, { k });
    expect(form.status).toBe(200);
    const res = await sb.call('POST', `/reserve/${cart.json}`, {
      k,
      body: reserveBodyFor(form.json, seats, lastName),
    });
    expect(res.status).toBe(200);
    return { cartId: cart.json as string, bid: res.json.bid as string, form: form.json };
  }

  describe('authentication (docs/upstream-12go.md#authentication-and-key-scoping)', () => {
    it('answers 401 without k, with an unknown k, and never echoes the key', async () => {
      for (const k of [null, 'nope-key']) {
        const res = await sb.get('/search/1p/44p/2026-05-14?seats=1', k);
        expect(res.status).toBe(401);
        expect(res.json).toEqual({ messages: ['Invalid API key'] });
        expect(res.text).not.toContain('nope-key');
      }
      expect((await sb.post(`/confirm/70000001`, undefined, null)).status).toBe(401);
    });

    it("answers 404 for another key's cart and booking", async () => {
      const { cartId, bid } = await reserved(`${VIP}/${VIP_DEP}`);
      expect((await sb.get(`/cart/${cartId}`, KEY2)).status).toBe(404);
      expect((await sb.get(`/checkout/${cartId}`, KEY2)).status).toBe(404);
      expect((await sb.get(`/booking/${bid}`, KEY2)).json).toEqual({ messages: ['Booking not found'] });
      expect((await sb.post(`/confirm/${bid}`, undefined, KEY2)).status).toBe(404);
      expect((await sb.get(`/booking/${bid}/refund-options`, KEY2)).status).toBe(404);
      expect((await sb.get(`/booking/${bid}`)).status).toBe(200);
    });
  });

  describe('search and trip details validation', () => {
    it('rejects malformed place ids, equal places, past dates and bad seats with fields', async () => {
      const res = await sb.get('/search/1x/1x/2026-05-01?seats=30');
      expect(res.status).toBe(400);
      expect(Object.keys(res.json.fields).sort()).toEqual(['date', 'from', 'seats', 'to']);
      expect((await sb.get('/search/1p/1p/2026-05-14')).json.fields.to).toBeDefined();
    });

    it('answers 200 with PHP-style empty maps for unknown places and dates beyond the horizon', async () => {
      const res = await sb.get('/search/777p/44p/2026-05-14?seats=1&direct=true');
      expect(res.status).toBe(200);
      expect(res.json).toEqual({ trips: [], operators: [], stations: [], classes: [], recheck: [] });
      expect((await sb.get('/search/1p/44p/2026-09-30?seats=1')).json.trips).toEqual([]);
    });

    it('expands provinces, restricts stations and hides connections when direct=true', async () => {
      const all = await sb.get('/search/1p/44p/2026-05-14?seats=1&direct=true');
      const fromStation = await sb.get('/search/4055s/44p/2026-05-14?seats=1&direct=true');
      expect(fromStation.json.trips.length).toBeLessThan(all.json.trips.length);
      expect(fromStation.json.trips.every((t: any) => t.params.from === 4055)).toBe(true);
      const sorted = [...all.json.trips].sort((a: any, b: any) =>
        a.params.dep_time + a.id < b.params.dep_time + b.id ? -1 : 1,
      );
      expect(all.json.trips.map((t: any) => t.id)).toEqual(sorted.map((t: any) => t.id));
      const direct = await sb.get('/search/4055s/63p/2026-05-14?seats=1&direct=true');
      const withConnections = await sb.get('/search/4055s/63p/2026-05-14?seats=1&direct=false');
      expect(direct.json.trips).toEqual([]);
      expect(withConnections.json.trips).toHaveLength(1);
      const connection = withConnections.json.trips[0];
      expect(connection.id[13]).toBe('x');
      expect(connection.segments.map((s: any) => s.type)).toEqual(['route', 'wait', 'route']);
      expect(connection.params.duration).toBe(990);
      expect(connection.segments[0].connection_guaranteed).toBe(false);
    });

    it('keeps arrival times in the arrival station time zone (Penang UTC+8)', async () => {
      const res = await sb.get('/search/20401s/1401p/2026-05-14?seats=1&direct=true');
      expect(res.json.trips.map((t: any) => [t.params.dep_time, t.params.arr_time])).toEqual([
        ['2026-05-14 08:00:00', '2026-05-14 12:30:00'],
        ['2026-05-14 13:00:00', '2026-05-14 17:30:00'],
      ]);
      expect(res.json.trips[0].params.duration).toBe(210);
    });

    it('trip details: 400 for malformed date-time, 404 for unknown keys and departures', async () => {
      expect((await sb.get(`/trip/${VIP}/2026-05-14T20:00`)).status).toBe(400);
      expect((await sb.get(`/trip/${VIP}/2026-05-14-21-00-00`)).json).toEqual({
        messages: ['Trip not found'],
      });
      expect((await sb.get(`/trip/XX0000000000000000000000/${VIP_DEP}`)).status).toBe(404);
      expect((await sb.get(`/trip/${VIP}/2026-05-09-20-00-00`)).status).toBe(404);
    });

    it('lists departures inside the sales cut-off as sales_closed and omits departed ones', async () => {
      // now = 2026-05-10 10:30 Bangkok: 11:00 ferry is within 60 min; 08:30 has left
      const res = await sb.get('/search/20102s/20301s/2026-05-10?seats=1');
      const byTime = Object.fromEntries(
        res.json.trips.map((t: any) => [t.params.dep_time.slice(11, 16), t.travel_options[0]]),
      );
      expect(byTime['08:30']).toBeUndefined();
      expect(byTime['11:00']).toMatchObject({ is_bookable: 0, reason: 'sales_closed' });
      expect(byTime['13:30'].reason).not.toBe('sales_closed');
    });
  });

  describe('carts (docs/upstream-12go.md#carts)', () => {
    it('creates a fresh cart per call and shows its item', async () => {
      const a = await sb.post(`/cart/${VIP}/${VIP_DEP}?seats=1`);
      const b = await sb.post(`/cart/${VIP}/${VIP_DEP}?seats=1`);
      expect(a.json).toMatch(/^[0-9A-Za-z]{8}$/);
      expect(a.json).not.toBe(b.json);
      expect((await sb.get(`/cart/${a.json}`)).json).toEqual({
        cart: [{ trip_key: VIP, godate: '2026-05-14 20:00:00' }],
      });
      expect((await sb.get('/cart/unknown1')).json).toEqual({ messages: ['Cart not found'] });
    });

    it('adds to cart by body (route, operator, class, godate) and validates the body', async () => {
      const ok = await sb.post('/cart?seats=1&lang=en', {
        from_id: 4055,
        to_id: 11553,
        operator_id: 231,
        class_id: 4,
        official_id: null,
        godate: '2026-05-14 20:00:00',
        duration: 600,
      });
      expect(ok.status).toBe(200);
      expect((await sb.get(`/cart/${ok.json}`)).json.cart[0].trip_key).toBe(VIP);
      const alt = await sb.post('/cart?seats=1', {
        from_id: 4055,
        to_id: 11553,
        operator_id: 231,
        class_id: 4,
        godate: '2026-05-14T20:00:00',
        duration: 1,
      });
      expect(alt.status).toBe(200);
      const bad = await sb.post('/cart?seats=1', {
        from_id: 'x',
        to_id: 11553,
        class_id: 4,
        godate: 'soon',
        duration: 600,
      });
      expect(bad.status).toBe(400);
      expect(Object.keys(bad.json.fields).sort()).toEqual(['from_id', 'godate', 'operator_id']);
      const none = await sb.post('/cart?seats=1', {
        from_id: 4055,
        to_id: 11553,
        operator_id: 231,
        class_id: 4,
        godate: '2026-05-14 20:30:00',
        duration: 600,
      });
      expect(none.status).toBe(404);
    });

    it('expires carts after SANDBOX_CART_TTL_S', async () => {
      const cart = await sb.post(`/cart/${VIP}/${VIP_DEP}?seats=1`);
      await sb.admin('POST', '/clock/advance', { seconds: 10_800 });
      expect((await sb.get(`/cart/${cart.json}`)).status).toBe(404);
      expect((await sb.get(`/checkout/${cart.json}`)).status).toBe(404);
      await sb.admin('PUT', '/clock', { now: '2026-05-10T03:30:00Z', frozen: true });
    });

    it('checkout: people must be within 1..seats and people=N lists every passenger', async () => {
      const cart = await sb.post(`/cart/${VIP}/${VIP_DEP}?seats=2`);
      expect((await sb.get(`/checkout/${cart.json}?people=3`)).json.fields).toHaveProperty('people');
      const two = await sb.get(`/checkout/${cart.json}?people=2`);
      expect(two.json['passenger[1][last_name]'].name).toBe('passenger[1][last_name]');
      expect(two.json[`passenger[1][baggage_${VIP}]`]).toBeDefined();
    });
  });

  describe('reserve, confirm, refund (docs/upstream-12go.md)', () => {
    it('instant trip: reserve → pending_client_confirmation → confirm → confirmed with ticket', async () => {
      // R06 Budget Wings 13:20 (air, instant, non-refundable); 07:30 happens to be sold out on seed 12
      const search = await sb.get(`/search/5936s/5939s/${TRAIN_DATE}?seats=1&direct=true`);
      const trip = search.json.trips.find((t: any) => t.params.dep_time.endsWith('13:20:00'));
      const { bid, cartId } = await reserved(`${trip.id}/${TRAIN_DATE}-13-20-00`);
      expect(Number(bid)).toBeGreaterThanOrEqual(70000001);
      const before = await sb.get(`/booking/${bid}`);
      expect(before.json).toMatchObject({
        status: 'pending_client_confirmation',
        ticket_url: null,
        seats: 1,
      });
      expect(before.json.tracker).toMatch(/^[0-9A-Z]{8}$/);
      const again = await sb.post(`/reserve/${cartId}`, {});
      expect(again.status).toBe(409);
      expect(again.json).toEqual({
        messages: ['Cart has already been reserved'],
        data: { bid: Number(bid) },
      });
      expect((await sb.post(`/confirm/${bid}`)).status).toBe(200);
      const after = await sb.get(`/booking/${bid}`);
      expect(after.json.status).toBe('confirmed');
      expect(after.json.ticket_url).toMatch(new RegExp(`/en/ticket/${bid}\\?h=[0-9a-f]{6}$`));
      const pdf = await fetch(
        sb.url + new URL(after.json.ticket_url).pathname + new URL(after.json.ticket_url).search,
      );
      expect(pdf.status).toBe(200);
      expect(
        Buffer.from(await pdf.arrayBuffer())
          .subarray(0, 5)
          .toString(),
      ).toBe('%PDF-');
      expect((await sb.post(`/confirm/${bid}`)).json).toEqual({ messages: ['Booking is already confirmed'] });
      const options = await sb.get(`/booking/${bid}/refund-options`);
      expect(options.json).toEqual({ available: false, options: [] });
    });

    it('money model: price = net + sysfee + agfee, totals = per seat × seats + extras', async () => {
      const trip = (await sb.get(`/trip/${VIP}/${VIP_DEP}?seats=2`)).json.trips[0].travel_options[0];
      const { bid } = await reserved(`${VIP}/${VIP_DEP}`, 2);
      const b = (await sb.get(`/booking/${bid}`)).json;
      expect(b.netprice.value).toBeCloseTo(trip.netprice.value * 2, 2);
      expect(b.sysfee.value).toBeCloseTo(trip.sysfee.value * 2, 2);
      expect(b.price.value).toBeCloseTo(b.netprice.value + b.sysfee.value + b.agfee.value, 2);
      expect(b.seller_price).toEqual({
        fxcode: 'THB',
        netprice: b.netprice.value,
        sysfee: b.sysfee.value,
        partnerfee: b.agfee.value,
      });
    });

    it('USD accounts get every per-seat amount converted (THB ÷ 36.50)', async () => {
      const thb = (await sb.get(`/trip/${VIP}/${VIP_DEP}?seats=1`)).json.trips[0].travel_options[0];
      const usd = (await sb.get(`/trip/${VIP}/${VIP_DEP}?seats=1`, 'sandbox-key-usd')).json.trips[0]
        .travel_options[0];
      expect(usd.netprice).toEqual({
        value: Math.round((thb.netprice.value * 100) / 36.5) / 100,
        fxcode: 'USD',
      });
      expect(usd.price.value).toBeCloseTo(usd.netprice.value + usd.sysfee.value + usd.agfee.value, 2);
    });

    it('pending trip: confirm → pending → confirmed after the operator delay; refund with hash → cancelled', async () => {
      const { bid } = await reserved(`${VIP}/${VIP_DEP}`);
      await sb.post(`/confirm/${bid}`);
      expect((await sb.get(`/booking/${bid}`)).json.status).toBe('pending');
      expect((await sb.post(`/confirm/${bid}`)).status).toBe(409);
      await sb.admin('POST', '/clock/advance', { seconds: 3 });
      expect((await sb.get(`/booking/${bid}`)).json.status).toBe('confirmed');

      const options = (await sb.get(`/booking/${bid}/refund-options`)).json;
      const best = options.options
        .filter((o: any) => o.available)
        .sort((a: any, b: any) => b.refund_amount - a.refund_amount)[0];
      const later = options.options.find((o: any) => !o.available);
      expect((await sb.get(`/booking/${bid}/refund-options`)).json).toEqual(options);

      const missing = await sb.post(`/booking/${bid}/refund`, { hash: best.hash });
      expect(missing.status).toBe(400);
      expect(Object.keys(missing.json.fields).sort()).toEqual(['refund_amount', 'refund_fxcode']);
      const unknown = await sb.post(`/booking/${bid}/refund`, {
        hash: 'deadbeef',
        refund_fxcode: 'THB',
        refund_amount: best.refund_amount,
      });
      expect(unknown.status).toBe(422);
      expect(unknown.json.fields).toHaveProperty('hash');
      const wrongAmount = await sb.post(`/booking/${bid}/refund`, {
        hash: best.hash,
        refund_fxcode: 'THB',
        refund_amount: best.refund_amount + 1,
      });
      expect(wrongAmount.status).toBe(422);
      expect(wrongAmount.json.fields).toHaveProperty('refund_amount');
      const notYet = await sb.post(`/booking/${bid}/refund`, {
        hash: later.hash,
        refund_fxcode: later.refund_fxcode,
        refund_amount: later.refund_amount,
      });
      expect(notYet.json).toEqual({ messages: ['Refund option is not available'] });

      const ok = await sb.post(`/booking/${bid}/refund`, {
        hash: best.hash,
        refund_fxcode: best.refund_fxcode,
        refund_amount: best.refund_amount,
      });
      expect(ok.status).toBe(200);
      expect(ok.json).toMatchObject({ success: true, delay_minutes: 0 });
      const cancelled = (await sb.get(`/booking/${bid}`)).json;
      expect(cancelled).toMatchObject({ status: 'cancelled', ticket_url: null });
      const reused = await sb.post(`/booking/${bid}/refund`, {
        hash: best.hash,
        refund_fxcode: best.refund_fxcode,
        refund_amount: best.refund_amount,
      });
      expect(reused.status).toBe(422);
      expect((await sb.post(`/confirm/${bid}`)).json).toEqual({ messages: ['Booking cannot be confirmed'] });
      expect((await sb.get(`/booking/${bid}/refund-options`)).json).toEqual({
        available: false,
        options: [],
      });
    });

    it('refunding an unconfirmed booking is refused', async () => {
      const { bid } = await reserved(`${VIP}/${VIP_DEP}`);
      const res = await sb.post(`/booking/${bid}/refund`, {
        hash: 'x',
        refund_fxcode: 'THB',
        refund_amount: 1,
      });
      expect(res.json).toEqual({ messages: ['Booking cannot be refunded'] });
    });

    it('holds seats while reserved and releases them when the hold lapses (expired)', async () => {
      const before = (await sb.get(`/trip/${VIP}/${VIP_DEP}?seats=1`)).json.trips[0].params.bookable;
      const { bid } = await reserved(`${VIP}/${VIP_DEP}`, 2);
      expect((await sb.get(`/trip/${VIP}/${VIP_DEP}?seats=1`)).json.trips[0].params.bookable).toBe(
        before - 2,
      );
      await sb.admin('POST', '/clock/advance', { seconds: 86_400 });
      const b = (await sb.get(`/booking/${bid}`)).json;
      expect(b.status).toBe('expired');
      await sb.admin('PUT', '/clock', { now: '2026-05-10T03:30:00Z', frozen: true });
      expect((await sb.post(`/confirm/${bid}`)).status).toBe(422);
    });

    it('rejects malformed and unknown reserve fields', async () => {
      const cart = await sb.post(`/cart/${VIP}/${VIP_DEP}?seats=1`);
      expect((await sb.call('POST', `/reserve/${cart.json}`, { rawBody: '{"a":' })).status).toBe(400);
      expect((await sb.post(`/reserve/${cart.json}`, ['x'])).status).toBe(400);
      const wrongType = await sb.post(`/reserve/${cart.json}`, { 'passenger[0][first_name]': { x: 1 } });
      expect(wrongType.status).toBe(400);
      const form = (await sb.get(`/checkout/${cart.json}`)).json;
      const unknown = await sb.post(
        `/reserve/${cart.json}`,
        reserveBodyFor(form, 1, 'Doe', { 'passenger[0][shoe_size]': '42', seats: 2 }),
      );
      expect(unknown.status).toBe(422);
      expect(unknown.json.fields).toEqual({
        'passenger[0][shoe_size]': 'Unknown field',
        seats: 'Number of passengers must be 1',
      });
      const good = await sb.post(
        `/reserve/${cart.json}`,
        reserveBodyFor(form, 1, 'Doe', {
          seats: '1',
          'passenger[0][is_child]': 'false',
          [`selected_seats_${VIP}_allow_auto`]: 'true',
        }),
      );
      expect(good.status).toBe(200);
      const internal = (await sb.admin('GET', `/bookings/${good.json.bid}`)).json;
      expect(internal.seatsAssigned).toHaveLength(1);
    });

    it('every timetable departure can be carted, checked out, reserved (2 seats) and confirmed', async () => {
      const routes = (await sb.admin('GET', '/catalog')).json.routes.filter((r: any) => !r.scenario);
      const date = '2026-05-20';
      let booked = 0;
      for (const r of routes) {
        const cart = await sb.post(`/cart/${r.trip_key}/${date}-${r.departure.replace(':', '-')}-00?seats=2`);
        if (cart.status === 400) {
          expect(cart.json.messages).toEqual(['Trip is no longer available']);
          continue;
        }
        expect(cart.status).toBe(200);
        const form = await sb.get(`/checkout/${cart.json}`);
        expect(form.status).toBe(200);
        for (const [name, field] of Object.entries<any>(form.json)) {
          expect(field.name).toBe(name);
          for (const re of field.regexp ?? []) expect(re).toMatch(/^\/.*\/[a-z]*$/);
        }
        const reserve = await sb.post(`/reserve/${cart.json}`, reserveBodyFor(form.json, 2));
        expect([r.trip_key, reserve.status, reserve.json]).toEqual([
          r.trip_key,
          200,
          { bid: expect.stringMatching(/^\d+$/) },
        ]);
        expect((await sb.post(`/confirm/${reserve.json.bid}`)).status).toBe(200);
        expect(['confirmed', 'pending']).toContain(
          (await sb.get(`/booking/${reserve.json.bid}`)).json.status,
        );
        booked++;
      }
      expect(booked).toBeGreaterThan(routes.length * 0.8);
    });

    it('confirm accepts an empty body, {} or null', async () => {
      for (const rawBody of ['', '{}', 'null']) {
        const { bid } = await reserved(`${VIP}/${VIP_DEP}`);
        const res = await sb.call('POST', `/confirm/${bid}`, {
          rawBody,
          headers: rawBody === '' ? {} : { 'content-type': 'application/json' },
        });
        expect(res.status).toBe(200);
      }
    });
  });
});
