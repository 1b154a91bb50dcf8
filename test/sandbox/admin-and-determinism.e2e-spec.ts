/* eslint-disable @typescript-eslint/no-explicit-any -- upstream JSON answers are asserted field by field */
import { KEY1, SandboxHarness, eventually, reserveBodyFor, startSandbox } from './sandbox-harness';

/** docs/upstream-12go.md#admin-api admin API, docs/upstream-12go.md#clock-and-determinism determinism, docs/upstream-12go.md#recheck-simulation recheck URLs, docs/upstream-12go.md#calls-the-bff-makes gzip. */

const VIP = 'TH013p030l03Jb004030KpBe';
const VIP_DEP = '2026-05-14-20-00-00';
const SEARCH = '/search/1p/44p/2026-05-14?seats=2&direct=true';

async function scriptedRun(sb: SandboxHarness): Promise<string[]> {
  const out: string[] = [];
  const record = (r: { status: number; text: string }) => out.push(`${r.status} ${r.text}`);
  record(await sb.get(SEARCH));
  record(await sb.get(`/trip/${VIP}/${VIP_DEP}?seats=2`));
  const cart = await sb.post(`/cart/${VIP}/${VIP_DEP}?seats=2`);
  record(cart);
  const form = await sb.get(`/checkout/${cart.json}`);
  record(form);
  const reserve = await sb.post(`/reserve/${cart.json}`, reserveBodyFor(form.json, 2));
  record(reserve);
  record(await sb.post(`/confirm/${reserve.json.bid}`));
  await sb.admin('POST', '/clock/advance', { seconds: 5 });
  record(await sb.get(`/booking/${reserve.json.bid}`));
  record(await sb.get(`/booking/${reserve.json.bid}/refund-options`));
  return out;
}

describe('determinism (docs/upstream-12go.md#clock-and-determinism)', () => {
  it('two sandboxes with the same seed and frozen clock answer a request sequence byte-identically', async () => {
    const a = await startSandbox();
    const b = await startSandbox();
    try {
      const [ra, rb] = [await scriptedRun(a), await scriptedRun(b)];
      expect(ra).toEqual(rb);
      expect(ra.every((line) => !line.startsWith('4') && !line.startsWith('5'))).toBe(true);
    } finally {
      await a.close();
      await b.close();
    }
  });

  it('another seed generates other prices; reset restores the original output', async () => {
    const sb = await startSandbox();
    try {
      const first = (await sb.get(SEARCH)).text;
      await sb.admin('POST', '/reset', { seed: 99 });
      const other = (await sb.get(SEARCH)).text;
      expect(other).not.toBe(first);
      await sb.admin('POST', '/reset', { seed: 12 });
      expect((await sb.get(SEARCH)).text).toBe(first);
    } finally {
      await sb.close();
    }
  });
});

describe('admin API (docs/upstream-12go.md#admin-api)', () => {
  let sb: SandboxHarness;

  beforeAll(async () => {
    sb = await startSandbox({
      SANDBOX_PUBLIC_URL: 'http://sandbox.test:4010',
      SANDBOX_RECHECK_BASE_URL: 'http://recheck.test:9999',
    });
  });
  afterAll(() => sb.close());

  it('health and clock read/set/advance', async () => {
    expect((await sb.admin('GET', '/health')).json).toEqual({
      status: 'ok',
      now: '2026-05-10T03:30:00.000Z',
      seed: 12,
    });
    expect((await sb.admin('GET', '/clock')).json).toEqual({
      now: '2026-05-10T03:30:00.000Z',
      frozen: true,
      today: '2026-05-10',
    });
    const advanced = await sb.admin('POST', '/clock/advance', { seconds: 3600 });
    expect(advanced.json.now).toBe('2026-05-10T04:30:00.000Z');
    const set = await sb.admin('PUT', '/clock', { now: '2026-05-10T17:00:00Z', frozen: true });
    expect(set.json.today).toBe('2026-05-11');
    expect((await sb.admin('POST', '/clock/advance', { seconds: -1 })).status).toBe(400);
    await sb.admin('PUT', '/clock', { now: '2026-05-10T03:30:00Z', frozen: true });
  });

  it('reset clears carts, bookings and counters', async () => {
    const cart = await sb.post(`/cart/${VIP}/${VIP_DEP}?seats=1`);
    const form = await sb.get(`/checkout/${cart.json}`);
    const bid = (await sb.post(`/reserve/${cart.json}`, reserveBodyFor(form.json, 1))).json.bid;
    expect((await sb.admin('POST', '/reset', {})).json).toMatchObject({ status: 'ok', seed: 12 });
    expect((await sb.get(`/cart/${cart.json}`)).status).toBe(404);
    expect((await sb.get(`/booking/${bid}`)).status).toBe(404);
    const again = await sb.post(`/cart/${VIP}/${VIP_DEP}?seats=1`);
    expect(again.json).toBe(cart.json);
  });

  it('bookings: internal view, forced transitions (any status) and resent webhooks', async () => {
    const cart = await sb.post(`/cart/${VIP}/${VIP_DEP}?seats=2`);
    const form = await sb.get(`/checkout/${cart.json}`);
    const bid = (await sb.post(`/reserve/${cart.json}`, reserveBodyFor(form.json, 2, 'Smith'))).json.bid;
    const view = await sb.admin('GET', `/bookings/${bid}`);
    expect(view.json).toMatchObject({
      bid: Number(bid),
      status: 'pending_client_confirmation',
      heldSeats: 2,
      cartId: cart.json,
    });
    expect(view.json.passengers[1].last_name).toBe('Smith');
    expect(view.json.seatsAssigned).toHaveLength(2);
    const forced = await sb.admin('POST', `/bookings/${bid}/transition`, { status: 'in_review_by_operator' });
    expect(forced.json.status).toBe('in_review_by_operator');
    expect((await sb.get(`/booking/${bid}`)).json.status).toBe('in_review_by_operator');
    await sb.admin('POST', `/bookings/${bid}/transition`, { status: 'confirmed' });
    expect((await sb.get(`/booking/${bid}`)).json.ticket_url).toMatch(
      /^http:\/\/sandbox\.test:4010\/en\/ticket\//,
    );
    expect((await sb.admin('POST', `/bookings/${bid}/webhook`, { type: 'booking_updated' })).json).toEqual({
      status: 'queued',
      bid: Number(bid),
      type: 'booking_updated',
    });
    const log = (await sb.admin('GET', '/webhooks')).json.filter((w: any) => String(w.bid) === bid);
    expect(log.map((w: any) => `${w.type}:${w.status}:${w.outcome}`)).toEqual([
      'booking_updated:in_review_by_operator:no_target',
      'booking_confirmed:confirmed:no_target',
      'booking_updated:confirmed:no_target',
    ]);
    expect((await sb.admin('GET', '/bookings/1')).status).toBe(404);
    expect((await sb.admin('POST', `/bookings/${bid}/transition`, {})).status).toBe(400);
  });

  it('request log masks k and records bodies and statuses', async () => {
    await sb.admin('POST', '/reset', {});
    await sb.get('/search/1p/44p/2026-05-14?seats=1&direct=true');
    await sb.post('/cart?seats=1', { from_id: 1 });
    const log = (await sb.admin('GET', '/requests')).json;
    expect(log).toHaveLength(2);
    expect(log[0]).toMatchObject({
      method: 'GET',
      path: '/search/1p/44p/2026-05-14',
      query: { seats: '1', direct: 'true', k: '***' },
      status: 200,
    });
    expect(log[1]).toMatchObject({ method: 'POST', path: '/cart', body: { from_id: 1 }, status: 400 });
    expect(JSON.stringify(log)).not.toContain(KEY1);
  });

  it('catalog lists the seed provinces, stations, operators, classes and routes', async () => {
    const cat = (await sb.admin('GET', '/catalog')).json;
    expect(cat.provinces.find((p: any) => p.id === 1401)).toMatchObject({
      name: 'Penang',
      country: 'MY',
      time_zone: 'Asia/Kuala_Lumpur',
      utc_offset: '+08:00',
      station_ids: [30301],
    });
    expect(cat.stations).toHaveLength(18);
    expect(cat.stations.find((s: any) => s.station_id === 5937)).toMatchObject({
      station_code: 'BKK',
      station_slug: 'suvarnabhumi-airport',
      province_id: 1,
      time_zone: 'Asia/Bangkok',
      vehclasses: ['avia'],
    });
    expect(cat.operators.map((o: any) => o.id)).toContain(16779);
    expect(cat.classes.find((c: any) => c.id === 4)).toMatchObject({ name: 'VIP', capacity: 24 });
    expect(cat.routes.find((r: any) => r.trip_key === VIP)).toMatchObject({
      route_id: 'R03',
      from: 4055,
      to: 11553,
      departure: '20:00',
    });
  });

  it('SANDBOX_ADMIN_TOKEN protects the admin API', async () => {
    const locked = await startSandbox({ SANDBOX_ADMIN_TOKEN: 'adm-secret' });
    try {
      expect((await locked.admin('GET', '/health')).status).toBe(401);
      const ok = await locked.call('GET', '/__sandbox/health', {
        k: null,
        headers: { authorization: 'Bearer adm-secret' },
      });
      expect(ok.status).toBe(200);
    } finally {
      await locked.close();
    }
  });

  it('recheck URLs use SANDBOX_RECHECK_BASE_URL, are signed, and answer 403 on a bad signature', async () => {
    const res = await sb.get('/search/4055s/11553s/2026-05-14?seats=2&direct=true');
    expect(res.json.recheck).toHaveLength(1);
    const url = new URL(res.json.recheck[0]);
    expect(url.origin).toBe('http://recheck.test:9999');
    expect(Object.fromEntries(url.searchParams)).toMatchObject({
      f: '4055',
      t: '11553',
      d: '2026-05-14',
      s: '2',
      i: '31',
    });
    expect(url.searchParams.get('sig')).toMatch(/^[0-9a-f]{16}$/);
    const approx = res.json.trips
      .filter((t: any) => t.travel_options[0].approximate)
      .map((t: any) => t.params.operators[0]);
    expect(approx).toEqual([32030, 32030]);
    const tampered = await sb.call(
      'GET',
      `/searchr?f=4055&t=11553&d=2026-05-14&s=3&i=31&sig=${url.searchParams.get('sig')}`,
      { k: null },
    );
    expect(tampered.status).toBe(403);
  });

  it('honours gzip', async () => {
    const res = await fetch(`${sb.url}/search/1p/44p/2026-05-14?seats=1&k=${KEY1}`, {
      headers: { 'accept-encoding': 'gzip' },
    });
    expect(res.headers.get('content-encoding')).toBe('gzip');
    expect(((await res.json()) as { trips: unknown[] }).trips.length).toBeGreaterThan(0);
  });
});

describe('running clock and latency profiles (docs/upstream-12go.md#clock-and-determinism, docs/upstream-12go.md#latency-profiles)', () => {
  it('runs due timers every 100 ms on a running clock', async () => {
    const sb = await startSandbox({ SANDBOX_CLOCK_FROZEN: 'false', SANDBOX_CONFIRM_DELAY_MS: '200' });
    try {
      const cart = (await sb.post('/cart/TH02lb02lc2Bhb0xbZOKPEND/2026-05-12-05-30-00?seats=1')).json;
      const form = (await sb.get(`/checkout/${cart}`)).json;
      const bid = (await sb.post(`/reserve/${cart}`, reserveBodyFor(form, 1))).json.bid;
      await sb.post(`/confirm/${bid}`);
      expect((await sb.get(`/booking/${bid}`)).json.status).toBe('pending');
      await eventually(async () => (await sb.get(`/booking/${bid}`)).json.status === 'confirmed', 3000);
      expect((await sb.admin('GET', '/clock')).json.frozen).toBe(false);
    } finally {
      await sb.close();
    }
  });

  // The 600 ms ceiling of the profile is covered by latency.spec.ts; a wall-clock upper bound here would
  // only measure how loaded the machine is.
  it('the realistic profile delays search by at least 150 ms, never the admin API', async () => {
    const sb = await startSandbox({ SANDBOX_LATENCY_PROFILE: 'realistic' });
    try {
      const order: string[] = [];
      const started = Date.now();
      const search = sb.get('/search/1p/44p/2026-05-14?seats=1').then((r) => {
        order.push('search');
        return { r, elapsed: Date.now() - started };
      });
      const admin = sb.admin('GET', '/health').then((r) => {
        order.push('admin');
        return r;
      });
      const [s, a] = await Promise.all([search, admin]);
      expect(s.r.status).toBe(200);
      expect(s.elapsed).toBeGreaterThanOrEqual(145);
      expect(a.status).toBe(200);
      // sent after the search, answered before it: the admin path is not delayed
      expect(order).toEqual(['admin', 'search']);
    } finally {
      await sb.close();
    }
  });
});
