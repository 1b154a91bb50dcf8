import type { TwelveGoTrip } from '@app/twelvego-client';
import { startStack, type TestStack } from '../support/stack';
import { bff, BOOKING_KEYS, errorShape, type BffResponse } from './support/bff-client';
import { appOwnerStore } from './support/owner-store';
import { SandboxAgent, scenarioTrip, type ScenarioCode } from './support/sandbox-bookings';

/**
 * GetBookingDetails, GetTicket, CancelBooking against the real sandbox (frozen clock: 2026-06-01 10:00
 * local). Bookings are made through the sandbox's 12go API with demo's 12go key.
 */
const SANDBOX_NOW = '2026-06-01T03:00:00Z';

describe('post-booking (e2e)', () => {
  let stack: TestStack;
  let agent: SandboxAgent;
  let d2: string;
  let d3: string;
  let d5: string;

  const get = (path: string) => bff(stack.bffUrl, stack.demoKey, 'GET', `/v1/demo/bookings/${path}`);
  const cancel = (id: string) => bff(stack.bffUrl, stack.demoKey, 'POST', `/v1/demo/bookings/${id}/cancel`);
  const admin = async (path: string, body?: unknown, method = 'POST') => {
    const res = await stack.sandboxAdmin(path, {
      method,
      headers: body === undefined ? {} : { 'content-type': 'application/json' },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    if (!res.ok) throw new Error(`sandbox admin ${path} → ${res.status}`);
    return res.json().catch(() => undefined);
  };
  const advance = (seconds: number) => admin('/__sandbox/clock/advance', { seconds });
  const fault = (match: Record<string, string>, action: Record<string, unknown>) =>
    admin('/__sandbox/faults', { match: { apiKey: 'sandbox-key-1', ...match }, action });

  async function booking(code: ScenarioCode, confirm: boolean): Promise<string> {
    const bid = await agent.reserve(scenarioTrip(code, d3));
    expect(await appOwnerStore(stack).write(bid, 'demo', { departureAt: `${d3} 05:00:00` })).toBe(true);
    if (confirm) await agent.confirm(bid);
    return bid;
  }

  function expectError(r: BffResponse, status: number, code: string) {
    expect({ status: r.status, code: r.json?.error?.code }).toEqual({ status, code });
    expect(typeof r.json.correlation_id).toBe('string');
    expect(typeof r.json.request_id).toBe('string');
  }

  beforeAll(async () => {
    stack = await startStack({
      sandboxEnv: { SANDBOX_NOW, SANDBOX_CLOCK_FROZEN: 'true', SANDBOX_CONFIRM_DELAY_MS: '3000' },
      env: {
        TWELVEGO_TIMEOUTS: 'bookingDetails=1500,refundOptions=1500,refund=1500',
        TWELVEGO_RETRY_MAX: '0',
        BREAKER_MIN_REQUESTS: '10000',
      },
    });
    agent = new SandboxAgent(stack.sandboxUrl, 'sandbox-key-1');
    [d2, d3, d5] = await Promise.all([agent.date(2), agent.date(3), agent.date(5)]);
  });

  afterAll(async () => {
    await stack?.close();
  });

  afterEach(async () => {
    await admin('/__sandbox/faults', undefined, 'DELETE');
  });

  describe('GetBookingDetails', () => {
    it('maps a reserved booking to all 13 keys from one 12go read', async () => {
      const bid = await booking('OKINST', false);
      const upstream = await agent.details(bid);
      const r = await get(bid);
      expect(r.status).toBe(200);
      expect(Object.keys(r.json).sort()).toEqual(BOOKING_KEYS);
      expect(r.json).toEqual({
        id: bid,
        status: 'reserved',
        from_station: '9001',
        to_station: '9002',
        departure_time: `${d3}T05:00:00`,
        passenger_count: 1,
        integration: 'onetwogo',
        integration_booking_id: bid,
        operator_booking_id: upstream.tracker,
        voucher_url: null,
        created_at: new Date(upstream.created_on * 1000).toISOString().replace('.000Z', 'Z'),
        updated_at: new Date(upstream.stamp * 1000).toISOString().replace('.000Z', 'Z'),
        total_price: { currency: 'THB', amount: Number(upstream.seller_price.netprice).toFixed(2) },
      });
    });

    it('shows an approved booking with its voucher url', async () => {
      const bid = await booking('OKINST', true);
      const upstream = await agent.details(bid);
      const r = await get(bid);
      expect(r.json).toMatchObject({ id: bid, status: 'approved', voucher_url: upstream.ticket_url });
      expect(upstream.ticket_url).toMatch(/^https?:\/\//);
    });

    it('shows pending, declined, cancelled, failed and unknown states', async () => {
      const pending = await booking('OKPEND', true);
      const declined = await booking('PENDFL', true);
      const opCancelled = await booking('OPCANC', true);
      const expired = await booking('OKINST', false);
      const odd = await booking('OKINST', true);
      await admin(`/__sandbox/bookings/${expired}/transition`, { status: 'expired' });
      await admin(`/__sandbox/bookings/${odd}/transition`, { status: 'on_hold_by_operator' });
      expect((await get(pending)).json.status).toBe('pending');
      await advance(4);
      expect((await agent.details(declined)).status).toBe('declined');
      const byId = async (id: string) => (await get(id)).json;
      expect(await byId(pending)).toMatchObject({ status: 'approved' });
      expect(await byId(declined)).toMatchObject({ status: 'declined', voucher_url: null });
      expect(await byId(opCancelled)).toMatchObject({ status: 'cancelled', voucher_url: null });
      expect(await byId(expired)).toMatchObject({ status: 'failed', voucher_url: null });
      const unknown = await get(odd);
      expect(unknown.status).toBe(200);
      expect(unknown.json).toMatchObject({ status: 'pending', voucher_url: null });
      expect(stack.logs.text()).toContain('on_hold_by_operator');
    });

    it('answers 400 validation_error for a malformed id and 404 for an unknown one', async () => {
      for (const bad of ['abc$def', 'a.b', 'a%2Fb', 'a%2520b', 'a%20b']) {
        const r = await get(bad);
        expectError(r, 400, 'validation_error');
        expect(r.json.error.details).toEqual([expect.objectContaining({ field: 'booking_id' })]);
      }
      for (const unknown of ['99999999', '0123', 'NOSUCHID01'])
        expectError(await get(unknown), 404, 'booking_not_found');
    });

    it('accepts ids up to 512 characters (docs/contract/ids.md#booking-ids) and rejects longer ones with 400', async () => {
      expectError(await get('x'.repeat(512)), 404, 'booking_not_found');
      const long = await get('x'.repeat(513));
      expectError(long, 400, 'validation_error');
    });
  });

  describe('GetTicket', () => {
    it('passes the ticket url of an approved booking through', async () => {
      const bid = await booking('OKINST', true);
      const upstream = await agent.details(bid);
      const r = await get(`${bid}/ticket`);
      expect(r.status).toBe(200);
      expect(r.json).toEqual({ ticket_url: upstream.ticket_url });
    });

    it('answers 405 ticket_not_available with Allow: GET when the booking is not approved', async () => {
      const reserved = await booking('OKINST', false);
      const pending = await booking('OKPEND', true);
      const cancelled = await booking('OKINST', true);
      expect((await cancel(cancelled)).status).toBe(200);
      for (const bid of [reserved, pending, cancelled]) {
        const r = await get(`${bid}/ticket`);
        expectError(r, 405, 'ticket_not_available');
        expect(r.headers.get('allow')).toBe('GET');
      }
    });

    it('answers a bodiless 202 with Retry-After while an approved booking has no ticket yet', async () => {
      // The sandbox sets the ticket with status `confirmed`; `CONFIRMED` (same status, other spelling — the
      // BFF matches statuses case-insensitively) is the one way to get an approved booking without a ticket.
      const bid = await booking('OKINST', false);
      await admin(`/__sandbox/bookings/${bid}/transition`, { status: 'CONFIRMED' });
      expect((await agent.details(bid)).ticket_url).toBeNull();
      expect((await get(bid)).json).toMatchObject({ status: 'approved', voucher_url: null });
      const r = await get(`${bid}/ticket`);
      expect(r.status).toBe(202);
      expect(r.headers.get('retry-after')).toBe('10');
      expect(r.text).toBe('');
    });

    it('answers 404 / 400 like the other booking routes', async () => {
      expectError(await get('99999999/ticket'), 404, 'booking_not_found');
      expectError(await get('bad$id/ticket'), 400, 'validation_error');
    });
  });

  describe('CancelBooking', () => {
    it('executes the largest available refund, reports it and the booking reads back cancelled', async () => {
      const bid = await booking('OKINST', true);
      const upstream = await agent.details(bid);
      const r = await cancel(bid);
      expect(r.status).toBe(200);
      expect(r.json).toEqual({
        booking_id: bid,
        booking_status: 'cancelled',
        refund: { amount: Number(upstream.seller_price.netprice).toFixed(2), currency: 'THB' },
      });
      expect((await agent.details(bid)).status).toBe('cancelled');
      expect((await get(bid)).json).toMatchObject({ status: 'cancelled', voucher_url: null });
      expectError(await cancel(bid), 422, 'booking_not_cancellable');
    });

    it('refuses bookings that are not approved with 422 booking_not_cancellable', async () => {
      const reserved = await booking('OKINST', false);
      const pending = await booking('OKPEND', true);
      expectError(await cancel(reserved), 422, 'booking_not_cancellable');
      expectError(await cancel(pending), 422, 'booking_not_cancellable');
      expect((await agent.details(reserved)).status).toBe('pending_client_confirmation');
      expect((await agent.details(pending)).status).toBe('pending');
    });

    it('refuses a non-refundable booking (no refund options) and leaves it approved', async () => {
      const bid = await booking('NONREF', true);
      expectError(await cancel(bid), 422, 'booking_not_cancellable');
      expect((await get(bid)).json.status).toBe('approved');
    });

    it('reports a refund the supplier declines as 502 upstream_error; the booking stays approved', async () => {
      const bid = await booking('RFDFAI', true);
      expectError(await cancel(bid), 502, 'upstream_error');
      expect((await get(bid)).json.status).toBe('approved');
    });

    it('reports a delayed refund as cancelled', async () => {
      const bid = await booking('RFDDLY', true);
      const r = await cancel(bid);
      expect(r.status).toBe(200);
      expect(r.json.booking_status).toBe('cancelled');
    });

    it('refunds 50 % inside the 50 % window and 100 % before it (cancellation policy 2)', async () => {
      // R03 Mo Chit → Chiang Mai Arcade, operator 231 (cancellation 2, confirmation 30 min), 21:00 class 6
      const pick = (t: TwelveGoTrip) =>
        t.params.operators.includes(231) && / 21:00:00$/.test(t.params.dep_time);
      const refunds: string[] = [];
      for (const date of [d2, d5]) {
        const trip = await agent.findTrip(4055, 11553, date, pick);
        const bid = await agent.reserve(trip);
        await agent.confirm(bid);
        await advance(4); // operator 231 confirms after the confirm delay
        const upstream = await agent.details(bid);
        expect(upstream.status).toBe('confirmed');
        const r = await cancel(bid);
        expect(r.status).toBe(200);
        refunds.push(r.json.refund.amount);
        const net = Number(upstream.seller_price.netprice);
        expect(r.json.refund).toEqual({
          amount: (date === d2 ? Math.round(net * 50) / 100 : net).toFixed(2),
          currency: 'THB',
        });
      }
      expect(Number(refunds[0])).toBeLessThan(Number(refunds[1]));
    });

    it('reports a refund 12go rejects (422) as 502 upstream_error; the booking stays approved', async () => {
      const bid = await booking('OKINST', true);
      await fault({ method: 'POST', path: '/booking/*/refund' }, { status: 422 });
      expectError(await cancel(bid), 502, 'upstream_error');
      expect((await agent.details(bid)).status).toBe('confirmed');
    });

    it('resolves a refund that failed but was done (5xx) by one read: cancelled', async () => {
      const bid = await booking('OKINST', true);
      await fault({ method: 'POST', path: '/booking/*/refund' }, { status: 500, execute: true });
      const r = await cancel(bid);
      expect(r.status).toBe(200);
      expect(r.json.booking_status).toBe('cancelled');
    });

    it('resolves a refund timeout that was done by one read: cancelled', async () => {
      const bid = await booking('OKINST', true);
      await fault({ method: 'POST', path: '/booking/*/refund' }, { conn: 'hang', execute: true });
      const r = await cancel(bid);
      expect(r.status).toBe(200);
      expect(r.json.booking_status).toBe('cancelled');
    });

    it('answers 504 when the refund timed out and the read shows it not done; 502 for a plain 5xx', async () => {
      const hung = await booking('OKINST', true);
      await fault({ method: 'POST', path: '/booking/*/refund' }, { conn: 'hang', execute: false });
      expectError(await cancel(hung), 504, 'upstream_timeout');
      await admin('/__sandbox/faults', undefined, 'DELETE');
      const failed = await booking('OKINST', true);
      await fault({ method: 'POST', path: '/booking/*/refund' }, { status: 503 });
      expectError(await cancel(failed), 502, 'upstream_error');
      expect((await agent.details(failed)).status).toBe('confirmed');
    });
  });

  describe('upstream faults', () => {
    let bid: string;
    beforeAll(async () => {
      bid = await booking('OKINST', true);
    });

    it.each([
      [{ status: 500 }, 502, 'upstream_error'],
      [{ status: 401 }, 502, 'upstream_error'],
      [{ conn: 'reset' }, 502, 'upstream_unavailable'],
      [{ body: 'wrongshape' }, 502, 'upstream_bad_response'],
      [{ body: 'truncate' }, 502, 'upstream_bad_response'],
      [{ conn: 'hang' }, 504, 'upstream_timeout'],
      [{ status: 429, retryAfterSec: 7 }, 429, 'rate_limited'],
      [{ status: 403 }, 404, 'booking_not_found'],
    ])('booking details fault %j → %i %s on details, ticket and cancel', async (action, status, code) => {
      await fault({ method: 'GET', path: '/booking/*' }, action);
      for (const r of [await get(bid), await get(`${bid}/ticket`), await cancel(bid)]) {
        expectError(r, status, code);
        expect(r.text).not.toContain('sandbox-key');
        expect(r.text).not.toMatch(/Internal server error|nginx|127\.0\.0\.1/);
        if (status === 429) expect(r.headers.get('retry-after')).toBe('7');
      }
    });

    it.each([
      [{ status: 500 }, 502, 'upstream_error'],
      [{ conn: 'hang' }, 504, 'upstream_timeout'],
      [{ body: 'wrongshape' }, 502, 'upstream_bad_response'],
    ])('refund options fault %j → %i %s; the booking stays approved', async (action, status, code) => {
      await fault({ method: 'GET', path: '/booking/*/refund-options' }, action);
      expectError(await cancel(bid), status, code);
      await admin('/__sandbox/faults', undefined, 'DELETE');
      expect((await get(bid)).json.status).toBe('approved');
    });

    it('a 404 from 12go is the same 404 body as an unknown id', async () => {
      const unknown = await get('99999998');
      await fault({ method: 'GET', path: '/booking/*' }, { status: 404 });
      expect(errorShape(await get(bid))).toEqual(errorShape(unknown));
    });
  });
});
