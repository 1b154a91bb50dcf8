/* eslint-disable @typescript-eslint/no-explicit-any -- upstream JSON answers are asserted field by field */
import { readFileSync } from 'node:fs';
import { createServer, Server } from 'node:http';
import { join } from 'node:path';
import { FIXTURE_NOW, SandboxHarness, eventually, reserveBodyFor, startSandbox } from './sandbox-harness';
import { shapeDiff } from './shape-compare';

/** docs/upstream-12go.md#fixtures: the sandbox's answers have the shapes of fixtures/twelvego (structure, not values). */

const FIXTURES = process.env.TWELVEGO_FIXTURES_DIR || join(__dirname, '../fixtures/twelvego');
const fixture = (name: string) => JSON.parse(readFileSync(join(FIXTURES, name), 'utf8'));

const VIP_TRIP = 'TH013p030l03Jb004030KpBe';
const VIP_DEP = '2026-05-14-20-00-00';
const NULLABLE = [
  'rating',
  'min_rating',
  'full_refund_until',
  'dep_datetime',
  'arr_datetime',
  'price',
  'price_diff',
  'occupant',
  'value',
  'ticket_url',
];
const MAPS = ['operators', 'stations', 'classes', 'seatmap.seats', 'seatmap.booked'];

describe('shape comparator self-check', () => {
  it('detects missing keys, extra keys and type changes', () => {
    expect(shapeDiff({ a: 1, b: ['x'] }, { a: 2, b: ['y'] })).toEqual([]);
    expect(shapeDiff({ a: '1', e: 1 }, { a: 1, b: 2 })).toEqual([
      '$: missing key "b"',
      '$: extra key "e"',
      '$.a: type string != fixture number',
    ]);
    expect(
      shapeDiff({ ops: { '7': { id: '7' } } }, { ops: { '1': { id: 1 } } }, { mapKeys: ['ops'] }),
    ).toEqual(['$.ops.7.id: type string != fixture number']);
  });
});

describe('sandbox payloads match the twelvego fixtures structurally', () => {
  let sb: SandboxHarness;
  let receiver: Server;
  const received: any[] = [];

  beforeAll(async () => {
    receiver = createServer((req, res) => {
      let body = '';
      req.on('data', (c) => (body += c));
      req.on('end', () => {
        received.push(JSON.parse(body));
        res.writeHead(204).end();
      });
    });
    await new Promise<void>((r) => receiver.listen(0, '127.0.0.1', r));
    const port = (receiver.address() as { port: number }).port;
    sb = await startSandbox({ SANDBOX_WEBHOOK_URL: `http://127.0.0.1:${port}/webhooks/12go` });
  });

  afterAll(async () => {
    await sb.close();
    await new Promise((r) => receiver.close(r));
  });

  it('search', async () => {
    const res = await sb.get('/search/1p/44p/2026-05-14?seats=2&direct=true');
    expect(res.status).toBe(200);
    const fx = fixture('search.json');
    expect(res.json.trips.length).toBeGreaterThanOrEqual(4);
    for (const trip of res.json.trips)
      expect(shapeDiff(trip, fx.trips[0], { mapKeys: MAPS, nullable: NULLABLE })).toEqual([]);
    const { trips: _t, ...restActual } = res.json;
    const { trips: _f, ...restFixture } = fx;
    expect(shapeDiff(restActual, restFixture, { mapKeys: MAPS, nullable: NULLABLE })).toEqual([]);
    expect(res.json.recheck.length).toBeGreaterThan(0);
    expect(res.headers.get('token')).toMatch(/^rc-[0-9a-f]{16}$/);
  });

  it('trip details (same trip key as the fixture, deterministic layout)', async () => {
    const res = await sb.get(`/trip/${VIP_TRIP}/${VIP_DEP}?seats=2`);
    expect(res.status).toBe(200);
    expect(shapeDiff(res.json, fixture('trip-details.json'), { mapKeys: MAPS, nullable: NULLABLE })).toEqual(
      [],
    );
    expect(res.json.trips[0].id).toBe(VIP_TRIP);
    expect(Object.keys(res.json.stations).sort()).toEqual(['11553', '4055']);
  });

  let cartId: string;
  let checkout: Record<string, any>;

  it('checkout has exactly the fixture field names and field shapes', async () => {
    const cart = await sb.post(`/cart/${VIP_TRIP}/${VIP_DEP}?seats=2`);
    expect(cart.status).toBe(200);
    expect(typeof cart.json).toBe('string');
    cartId = cart.json;
    const res = await sb.get(`/checkout/${cartId}?people=1`);
    expect(res.status).toBe(200);
    checkout = res.json;
    const fx = fixture('checkout-schema.json');
    expect(Object.keys(res.json).sort()).toEqual(Object.keys(fx).sort());
    expect(shapeDiff(res.json, fx, { mapKeys: MAPS, nullable: NULLABLE })).toEqual([]);
    expect(res.json[`selected_seats_${VIP_TRIP}`].data.min_seats).toBe(2);
    expect(res.json.seats.value).toBe(2);
  });

  it('add-to-cart error (Trip is no longer available)', async () => {
    const res = await sb.post('/cart/TH02lb02lc2Bhb0xbZLASTST/2026-05-12-07-00-00?seats=2');
    expect(res.status).toBe(400);
    expect(shapeDiff(res.json, fixture('error-400.json'))).toEqual([]);
    expect(res.json.data.reasons[0].product.available_seats).toBe(1);
  });

  it('reserve validation error', async () => {
    const seatField = `selected_seats_${VIP_TRIP}`;
    const booked = Object.keys(checkout[seatField].data.seatmap.booked)[0];
    const free = Object.entries<any>(checkout[seatField].data.seatmap.seats).find(
      ([, s]) => s.is_available,
    )![0];
    const body = reserveBodyFor(checkout, 2, 'Doe', {
      'contact[email]': 'not-an-email',
      [seatField]: `${free},${booked}`,
    });
    delete body['passenger[1][last_name]'];
    const res = await sb.post(`/reserve/${cartId}`, body);
    expect(res.status).toBe(422);
    expect(shapeDiff(res.json, fixture('error-422.json'), { mapKeys: ['fields'] })).toEqual([]);
    expect(Object.keys(res.json.fields).sort()).toEqual(
      ['contact[email]', 'passenger[1][last_name]', seatField].sort(),
    );
    expect(res.json.fields[seatField]).toBe(`Seat ${booked} is not available`);
  });

  let bid: string;

  it('booking details after reserve and asynchronous confirmation, and the webhook', async () => {
    const body = reserveBodyFor(checkout, 2, 'Doe', { [`passenger[0][baggage_${VIP_TRIP}]`]: 'extra20' });
    const reserve = await sb.post(`/reserve/${cartId}`, body);
    expect(reserve.status).toBe(200);
    expect(typeof reserve.json.bid).toBe('string');
    bid = reserve.json.bid;
    const confirm = await sb.post(`/confirm/${bid}`);
    expect(confirm.status).toBe(200);
    expect(confirm.json).toEqual({ bid: Number(bid) });
    expect((await sb.get(`/booking/${bid}`)).json.status).toBe('pending');
    await sb.admin('POST', '/clock/advance', { seconds: 3 });
    const details = await sb.get(`/booking/${bid}`);
    expect(details.json.status).toBe('confirmed');
    expect(shapeDiff(details.json, fixture('booking-details.json'))).toEqual([]);
    const hook = await eventually(async () =>
      received.find((w) => w.type === 'booking_confirmed' && String(w.bid) === bid),
    );
    expect(shapeDiff(hook, fixture('webhook-booking-confirmed.json'))).toEqual([]);
    expect(hook.previous_data.status).toBe('pending');
  });

  it('refund options', async () => {
    const res = await sb.get(`/booking/${bid}/refund-options`);
    expect(res.status).toBe(200);
    expect(shapeDiff(res.json, fixture('refund-options.json'))).toEqual([]);
    expect(res.json.options).toHaveLength(2);
    expect(res.json.options[0]).toMatchObject({
      available: true,
      available_since: '2026-05-10 10:30:03',
      expires_after: '2026-05-11 20:00:00',
    });
    expect(FIXTURE_NOW).toBe('2026-05-10T03:30:00Z');
  });
});
