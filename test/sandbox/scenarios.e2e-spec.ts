/* eslint-disable @typescript-eslint/no-explicit-any -- upstream JSON answers are asserted field by field */
import { KEY1, SandboxHarness, eventually, reserveBodyFor, startSandbox } from './sandbox-harness';

/** docs/upstream-12go.md#scenario-trips scenario trips and docs/upstream-12go.md#magic-passenger-names magic passenger names, at the sandbox level. */

const DATE = '2026-05-12';
const key = (code: string) => `TH02lb02lc2Bhb0xbZ${code}`;
const TIMES: Record<string, string> = {
  OKINST: '05-00',
  OKPEND: '05-30',
  PENDFL: '06-00',
  SOLDOU: '06-30',
  LASTST: '07-00',
  GONE40: '07-30',
  CART40: '08-00',
  CHKBAD: '08-30',
  RSVTNA: '09-00',
  RSV500: '09-30',
  RSVPRC: '10-00',
  CNFSLO: '10-30',
  CNF500: '11-00',
  RECHK1: '11-30',
  RECHKN: '12-00',
  PRICUP: '12-30',
  ALLFLD: '13-00',
  PTSALT: '13-30',
  NONREF: '14-00',
  RFDDLY: '14-30',
  RFDFAI: '15-00',
  MALFRM: '15-30',
  OPCANC: '16-00',
};
const path = (code: string) => `${key(code)}/${DATE}-${TIMES[code]}-00`;
const VIP = 'TH013p030l03Jb004030KpBe';

describe('scenario trips and magic names', () => {
  let sb: SandboxHarness;
  const hooks: any[] = [];

  beforeAll(async () => {
    sb = await startSandbox({ SANDBOX_SLOW_CONFIRM_MS: '400' });
    // webhooks go nowhere (logged only); the log still records every event
  });
  afterAll(() => sb.close());

  async function cart(code: string, seats = 1) {
    const res = await sb.post(`/cart/${path(code)}?seats=${seats}`);
    expect(res.status).toBe(200);
    return res.json as string;
  }
  async function reserve(code: string, lastName = 'Doe', seats = 1) {
    const id = await cart(code, seats);
    const form = (await sb.get(`/checkout/${id}`)).json;
    const res = await sb.post(`/reserve/${id}`, reserveBodyFor(form, seats, lastName));
    return { cartId: id, res, form };
  }
  async function confirmed(code: string, lastName = 'Doe') {
    const { res } = await reserve(code, lastName);
    expect(res.status).toBe(200);
    const bid = res.json.bid as string;
    expect((await sb.post(`/confirm/${bid}`)).status).toBe(200);
    return bid;
  }
  const status = async (bid: string) => (await sb.get(`/booking/${bid}`)).json.status;
  const advance = (seconds: number) => sb.admin('POST', '/clock/advance', { seconds });
  const webhookTypes = async (bid: string) => {
    const log = (await sb.admin('GET', '/webhooks')).json as any[];
    hooks.push(...log);
    return log.filter((w) => String(w.bid) === bid).map((w) => `${w.type}:${w.status}`);
  };

  it('search lists every scenario departure on route R16 with the documented keys', async () => {
    const list = await sb.get(`/search/9001s/9002s/${DATE}?seats=1&direct=true`);
    expect(list.json.trips.map((t: any) => t.id)).toEqual(Object.keys(TIMES).map(key));
    const ok = list.json.trips[0].travel_options[0];
    expect(ok).toMatchObject({
      netprice: { value: 300, fxcode: 'THB' },
      sysfee: { value: 30, fxcode: 'THB' },
      agfee: { value: 0, fxcode: 'THB' },
      bookable: 40,
      cancellation: 1,
      confirmation_time: 0,
    });
  });

  it('OKINST: instant confirmation and booking_confirmed', async () => {
    const bid = await confirmed('OKINST');
    expect(await status(bid)).toBe('confirmed');
    expect(await webhookTypes(bid)).toEqual(['booking_confirmed:confirmed']);
  });

  it('OKPEND / PENDFL: pending, then confirmed or declined after the confirm delay', async () => {
    const ok = await confirmed('OKPEND');
    const fl = await confirmed('PENDFL');
    expect([await status(ok), await status(fl)]).toEqual(['pending', 'pending']);
    await advance(3);
    expect([await status(ok), await status(fl)]).toEqual(['confirmed', 'declined']);
    expect(await webhookTypes(ok)).toEqual(['booking_updated:pending', 'booking_confirmed:confirmed']);
    expect(await webhookTypes(fl)).toEqual(['booking_updated:pending', 'booking_updated:declined']);
  });

  it('SOLDOU / LASTST: sold out, not enough seats, racing reserves', async () => {
    const trips = (await sb.get(`/search/9001s/9002s/${DATE}?seats=2`)).json.trips;
    const byId = Object.fromEntries(trips.map((t: any) => [t.id, t.travel_options[0]]));
    expect(byId[key('SOLDOU')]).toMatchObject({ is_bookable: 0, reason: 'sold_out', bookable: 0 });
    expect(byId[key('LASTST')]).toMatchObject({ is_bookable: 0, reason: 'not_enough_seats', bookable: 1 });
    expect((await sb.post(`/cart/${path('SOLDOU')}?seats=1`)).json.messages).toEqual([
      'Trip is no longer available',
    ]);
    const a = await cart('LASTST');
    const b = await cart('LASTST');
    const form = (await sb.get(`/checkout/${a}`)).json;
    expect((await sb.post(`/reserve/${a}`, reserveBodyFor(form, 1))).status).toBe(200);
    const second = await sb.post(`/reserve/${b}`, reserveBodyFor(form, 1));
    expect(second.status).toBe(422);
    expect(second.json.messages).toEqual(['Trip is no longer available']);
    expect(second.json.data.reasons[0].reason_code).toBe('bad_trip_details');
  });

  it('GONE40 / CART40 / CHKBAD: listed, then 404 / 400 / 422', async () => {
    expect((await sb.get(`/trip/${path('GONE40')}?seats=1`)).status).toBe(404);
    expect((await sb.post(`/cart/${path('GONE40')}?seats=1`)).status).toBe(404);
    expect((await sb.get(`/trip/${path('CART40')}?seats=1`)).status).toBe(200);
    const c40 = await sb.post(`/cart/${path('CART40')}?seats=1`);
    expect(c40.status).toBe(400);
    expect(c40.json.data.reasons[0].reason_code).toBe('bad_trip_details');
    const chk = await sb.get(`/checkout/${await cart('CHKBAD')}`);
    expect(chk.status).toBe(422);
    expect(chk.json).toMatchObject({
      messages: ['Trip is no longer available'],
      data: { reasons: [{ reason_code: 'bad_trip_details' }] },
    });
  });

  it('RSVTNA / RSV500: no booking created; RSV500 cart stays usable', async () => {
    const tna = await reserve('RSVTNA');
    expect(tna.res.status).toBe(422);
    expect(tna.res.json.messages).toEqual(['Trip is no longer available']);
    const r500 = await reserve('RSV500');
    expect(r500.res.status).toBe(500);
    expect(r500.res.json).toEqual({ messages: ['Internal server error'] });
    expect((await sb.get(`/cart/${r500.cartId}`)).status).toBe(200);
    expect((await sb.post(`/reserve/${r500.cartId}`, reserveBodyFor(r500.form, 1))).status).toBe(500);
  });

  it('RSVPRC: booking amounts 5 % above the cart; PRICUP: search 300, trip details and booking 330', async () => {
    const { res } = await reserve('RSVPRC');
    const b = (await sb.get(`/booking/${res.json.bid}`)).json;
    expect(b.netprice.value).toBe(315);
    expect(b.sysfee.value).toBe(31.5);
    const search = (await sb.get(`/search/9001s/9002s/${DATE}?seats=1`)).json.trips.find(
      (t: any) => t.id === key('PRICUP'),
    );
    expect(search.travel_options[0].netprice.value).toBe(300);
    const details = (await sb.get(`/trip/${path('PRICUP')}?seats=1`)).json.trips[0];
    expect(details.travel_options[0].netprice.value).toBe(330);
    const booking = await reserve('PRICUP');
    expect((await sb.get(`/booking/${booking.res.json.bid}`)).json.netprice.value).toBe(330);
  });

  it('CNFSLO answers late but confirms; CNF500 fails but confirms and sends the webhook', async () => {
    const slow = await reserve('CNFSLO');
    const started = Date.now();
    expect((await sb.post(`/confirm/${slow.res.json.bid}`)).status).toBe(200);
    expect(Date.now() - started).toBeGreaterThanOrEqual(390);
    expect(await status(slow.res.json.bid)).toBe('confirmed');
    const fail = await reserve('CNF500');
    const res = await sb.post(`/confirm/${fail.res.json.bid}`);
    expect(res.status).toBe(500);
    expect(await status(fail.res.json.bid)).toBe('confirmed');
    expect(await webhookTypes(fail.res.json.bid)).toEqual(['booking_confirmed:confirmed']);
  });

  it('RECHK1 validates after a recheck; RECHKN never does', async () => {
    const search = async () => (await sb.get(`/search/9001s/9002s/${DATE}?seats=1`)).json;
    const first = await search();
    const opt = (code: string, s: any) => s.trips.find((t: any) => t.id === key(code)).travel_options[0];
    expect(opt('RECHK1', first).approximate).toBe(true);
    expect(opt('RECHKN', first).approximate).toBe(true);
    expect(first.recheck).toHaveLength(1);
    const url = new URL(first.recheck[0]);
    const pending = fetch(`${sb.url}${url.pathname}${url.search}&out=keys`);
    const concurrent = fetch(`${sb.url}${url.pathname}${url.search}&k=appended-key-is-tolerated`);
    await eventually(async () =>
      ((await sb.admin('GET', '/requests')).json as any[]).some((r) => r.path === '/searchr'),
    );
    await advance(2);
    const keys = await (await pending).json();
    expect(keys).toEqual([key('RECHK1'), key('RECHKN')]);
    const after = await search();
    expect(opt('RECHK1', after).approximate).toBe(false);
    expect(opt('RECHKN', after).approximate).toBe(true);
    expect(after.recheck).toHaveLength(1);
    const body = (await (await concurrent).json()) as { trips: Array<{ id: string }> };
    expect(body.trips.map((t) => t.id)).toEqual([key('RECHK1'), key('RECHKN')]);
    // validated for SANDBOX_RECHECK_FRESH_S (900 s), then unvalidated again
    await advance(900);
    expect(opt('RECHK1', await search()).approximate).toBe(true);
  });

  it('ALLFLD: every known field name and layout D; PTSALT: underscore point names', async () => {
    const all = (await sb.get(`/checkout/${await cart('ALLFLD')}`)).json;
    const T = key('ALLFLD');
    for (const name of [
      'passenger[0][middle_name]',
      'passenger[0][nationality]',
      'passenger[0][residency]',
      'passenger[0][id_issue_date]',
      'passenger[0][id_scan]',
      'passenger[0][visa_type]',
      'passenger[0][visa_reason]',
      'passenger[0][seattype_code]',
      `passenger[0][baggage_${T}]`,
      `delivery[${T}]`,
      `delivery[${T}][address]`,
      `delivery[${T}][hotel_checkin_date]`,
      `points[${T}][flight_no]`,
      `points[${T}][airline]`,
      `points[${T}][flight_arr_time]`,
      `points[${T}][flight_dep_time]`,
      `points[${T}][number_luggage]`,
      `points[${T}][pickup]`,
      `points[${T}][dropoff]`,
      `points[${T}][point]`,
      `points[${T}][additional_information]`,
      `points[${T}][car_number]`,
      `selected_seats_${T}`,
      `selected_seats_${T}_allow_auto`,
    ])
      expect(all).toHaveProperty([name]);
    expect(all[`selected_seats_${T}`].data.seatmap.layouts['1']).toEqual({
      A: '1A',
      B: '1B',
      C: '1C',
      D: '1D',
    });
    const alt = (await sb.get(`/checkout/${await cart('PTSALT')}`)).json;
    expect(alt).toHaveProperty([`points_${key('PTSALT')}[pickup]`]);
    expect(alt).toHaveProperty([`points_${key('PTSALT')}[dropoff]`]);
    const booking = await reserve('ALLFLD');
    expect(booking.res.status).toBe(200);
  });

  it('NONREF / RFDDLY / RFDFAI refunds', async () => {
    const nonref = await confirmed('NONREF');
    expect((await sb.get(`/booking/${nonref}/refund-options`)).json).toEqual({
      available: false,
      options: [],
    });
    const refund = async (bid: string) => {
      const o = (await sb.get(`/booking/${bid}/refund-options`)).json.options.find((x: any) => x.available);
      return sb.post(`/booking/${bid}/refund`, {
        hash: o.hash,
        refund_fxcode: o.refund_fxcode,
        refund_amount: o.refund_amount,
      });
    };
    const dly = await confirmed('RFDDLY');
    expect((await refund(dly)).json).toMatchObject({ success: true, delay_minutes: 120 });
    expect(await status(dly)).toBe('cancelled');
    const fai = await confirmed('RFDFAI');
    expect((await refund(fai)).json).toEqual({
      success: false,
      delay_minutes: 0,
      message: 'Operator rejected the refund',
    });
    expect(await status(fai)).toBe('confirmed');
  });

  it('MALFRM: trip details answer 200 with a truncated JSON body', async () => {
    const res = await sb.get(`/trip/${path('MALFRM')}?seats=1`);
    expect(res.status).toBe(200);
    expect(res.text.length).toBeGreaterThan(10);
    expect(res.json).toBeUndefined();
  });

  it('OPCANC: confirmed, then cancelled by the operator after the delay', async () => {
    const bid = await confirmed('OPCANC');
    expect(await status(bid)).toBe('confirmed');
    await advance(3);
    expect(await status(bid)).toBe('cancelled');
    expect(await webhookTypes(bid)).toEqual(['booking_confirmed:confirmed', 'booking_canceled:cancelled']);
  });

  it('unknown scenario codes are unknown trips', async () => {
    expect((await sb.get(`/trip/${key('NOPENO')}/${DATE}-05-00-00?seats=1`)).status).toBe(404);
  });

  describe('magic last names on ordinary trips (docs/upstream-12go.md#magic-passenger-names)', () => {
    const vipPath = `${VIP}/2026-05-14-20-00-00`;
    async function book(lastName: string) {
      const id = (await sb.post(`/cart/${path('OKINST')}?seats=1`)).json;
      const form = (await sb.get(`/checkout/${id}`)).json;
      const res = await sb.post(`/reserve/${id}`, reserveBodyFor(form, 1, lastName));
      expect(res.status).toBe(200);
      await sb.post(`/confirm/${res.json.bid}`);
      return res.json.bid as string;
    }

    it('SANDBOXPENDING goes through pending even on an instant trip', async () => {
      const bid = await book('SandboxPending');
      expect(await status(bid)).toBe('pending');
      await advance(3);
      expect(await status(bid)).toBe('confirmed');
    });

    it('SANDBOXDECLINE ends declined; SANDBOXCANCEL is cancelled after confirmation', async () => {
      const declined = await book('SANDBOXDECLINE');
      const cancelled = await book('sandboxcancel');
      expect(await status(cancelled)).toBe('confirmed');
      await advance(3);
      expect(await status(declined)).toBe('declined');
      expect(await status(cancelled)).toBe('cancelled');
      expect(await webhookTypes(cancelled)).toEqual([
        'booking_confirmed:confirmed',
        'booking_canceled:cancelled',
      ]);
    });

    it('works on regular timetable trips too', async () => {
      const id = (await sb.post(`/cart/${vipPath}?seats=1`, undefined, KEY1)).json;
      const form = (await sb.get(`/checkout/${id}`)).json;
      const bid = (await sb.post(`/reserve/${id}`, reserveBodyFor(form, 1, 'SANDBOXDECLINE'))).json.bid;
      await sb.post(`/confirm/${bid}`);
      await advance(3);
      expect(await status(bid)).toBe('declined');
    });
  });
});
