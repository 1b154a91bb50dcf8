/* eslint-disable @typescript-eslint/no-explicit-any -- upstream JSON answers are asserted field by field */
import { createHmac } from 'node:crypto';
import { IncomingHttpHeaders, createServer, Server } from 'node:http';
import { KEY1, KEY2, SandboxHarness, eventually, reserveBodyFor, startSandbox } from './sandbox-harness';

/** docs/upstream-12go.md#webhook-from-12go, docs/upstream-12go.md#webhook-sender: the webhook sender delivering to a local HTTP receiver. */

const OKINST = 'TH02lb02lc2Bhb0xbZOKINST/2026-05-12-05-00-00';

interface Received {
  path: string;
  headers: IncomingHttpHeaders;
  raw: string;
  body: any;
}

describe('webhook sender', () => {
  let receiver: Server;
  let base: string;
  let received: Received[] = [];
  let failNext = 0;

  beforeAll(async () => {
    receiver = createServer((req, res) => {
      let raw = '';
      req.on('data', (c) => (raw += c));
      req.on('end', () => {
        received.push({ path: req.url ?? '', headers: req.headers, raw, body: JSON.parse(raw) });
        if (failNext > 0) {
          failNext--;
          res.writeHead(500).end('nope');
        } else res.writeHead(200).end('ok');
      });
    });
    await new Promise<void>((r) => receiver.listen(0, '127.0.0.1', r));
    base = `http://127.0.0.1:${(receiver.address() as { port: number }).port}`;
  });
  afterAll(() => new Promise((r) => receiver.close(r)));
  beforeEach(() => {
    received = [];
    failNext = 0;
  });

  async function confirmedBooking(sb: SandboxHarness, k = KEY1, lastName = 'Doe') {
    const cart = (await sb.call('POST', `/cart/${OKINST}?seats=1`, { k })).json;
    const form = (await sb.call('GET', `/checkout/${cart}`, { k })).json;
    const bid = (await sb.call('POST', `/reserve/${cart}`, { k, body: reserveBodyFor(form, 1, lastName) }))
      .json.bid;
    await sb.call('POST', `/confirm/${bid}`, { k });
    return bid as string;
  }

  it('POSTs the docs/upstream-12go.md#webhook-from-12go body verbatim to the URL (query kept), unsigned, with the sandbox user agent', async () => {
    const sb = await startSandbox({ SANDBOX_WEBHOOK_URL: `${base}/webhooks/12go?client_id=demo` });
    try {
      const bid = await confirmedBooking(sb);
      const hook = await eventually(async () => received.find((r) => String(r.body.bid) === bid));
      expect(hook.path).toBe('/webhooks/12go?client_id=demo');
      expect(hook.headers['content-type']).toBe('application/json');
      expect(hook.headers['user-agent']).toBe('twelvego-sandbox-webhook/1');
      expect(hook.headers['x-sandbox-signature']).toBeUndefined();
      expect(hook.body).toMatchObject({
        bid: Number(bid),
        type: 'booking_confirmed',
        new_data: { status: 'confirmed' },
        previous_data: { status: 'pending_client_confirmation' },
      });
      expect(typeof hook.body.stamp).toBe('number');
      const booking = (await sb.get(`/booking/${bid}`)).json;
      expect(hook.body.stamp).toBe(booking.stamp);
      expect(hook.body.new_data).toEqual({
        bid: booking.bid,
        tracker: booking.tracker,
        status: 'confirmed',
        from_id: 9001,
        to_id: 9002,
        dep_date_time: '2026-05-12 05:00:00',
        seats: 1,
        price: booking.price,
      });
    } finally {
      await sb.close();
    }
  });

  it('per-key targets via SANDBOX_API_KEYS and PUT /__sandbox/webhook-targets; optional HMAC signature', async () => {
    const sb = await startSandbox({
      SANDBOX_API_KEYS: JSON.stringify([
        { key: KEY1, agentId: 1001, currency: 'THB', webhookUrl: `${base}/key1` },
        { key: KEY2, agentId: 1002, currency: 'THB', webhookUrl: null },
      ]),
      SANDBOX_WEBHOOK_HMAC_SECRET: 'whk',
    });
    try {
      const a = await confirmedBooking(sb, KEY1);
      const hook = await eventually(async () => received.find((r) => String(r.body.bid) === a));
      expect(hook.path).toBe('/key1');
      expect(hook.headers['x-sandbox-signature']).toBe(
        `sha256=${createHmac('sha256', 'whk').update(hook.raw).digest('hex')}`,
      );
      await sb.admin('PUT', `/webhook-targets/${KEY2}`, { url: `${base}/key2` });
      const b = await confirmedBooking(sb, KEY2);
      expect((await eventually(async () => received.find((r) => String(r.body.bid) === b))).path).toBe(
        '/key2',
      );
      expect((await sb.admin('PUT', '/webhook-targets/unknown-key', { url: null })).status).toBe(404);
    } finally {
      await sb.close();
    }
  });

  it('retries non-2xx answers on the sandbox clock, keeping the order of one booking', async () => {
    const sb = await startSandbox({
      SANDBOX_WEBHOOK_URL: `${base}/wh`,
      SANDBOX_WEBHOOK_RETRY_DELAYS_MS: '1000,5000',
    });
    try {
      failNext = 1;
      const bid = await confirmedBooking(sb, KEY1, 'SANDBOXCANCEL');
      await eventually(async () => received.length === 1);
      await sb.admin('POST', '/clock/advance', { seconds: 3 }); // retry due (1 s) and the operator cancel (3 s)
      await eventually(async () => received.length === 3);
      expect(received.map((r) => r.body.type)).toEqual([
        'booking_confirmed',
        'booking_confirmed',
        'booking_canceled',
      ]);
      const log = (await sb.admin('GET', '/webhooks')).json.filter((w: any) => String(w.bid) === bid);
      expect(log.map((w: any) => [w.type, w.attempt, w.httpStatus, w.outcome])).toEqual([
        ['booking_confirmed', 1, 500, 'failed'],
        ['booking_confirmed', 2, 200, 'delivered'],
        ['booking_canceled', 1, 200, 'delivered'],
      ]);
    } finally {
      await sb.close();
    }
  });

  it('drops an event after the last retry and moves on', async () => {
    const sb = await startSandbox({
      SANDBOX_WEBHOOK_URL: `${base}/wh`,
      SANDBOX_WEBHOOK_RETRY_DELAYS_MS: '1000',
    });
    try {
      failNext = 2;
      const bid = await confirmedBooking(sb);
      await eventually(async () => received.length === 1);
      await sb.admin('POST', '/clock/advance', { seconds: 1 });
      await eventually(async () => received.length === 2);
      await sb.admin('POST', `/bookings/${bid}/webhook`, { type: 'booking_updated' });
      await eventually(async () => received.length === 3);
      const log = (await sb.admin('GET', '/webhooks')).json;
      expect(log.map((w: any) => w.outcome)).toEqual(['failed', 'dropped', 'delivered']);
    } finally {
      await sb.close();
    }
  });

  it('times out slow receivers and records network errors', async () => {
    const slow = createServer(() => undefined);
    await new Promise<void>((r) => slow.listen(0, '127.0.0.1', r));
    const sb = await startSandbox({
      SANDBOX_WEBHOOK_URL: `http://127.0.0.1:${(slow.address() as { port: number }).port}/`,
      SANDBOX_WEBHOOK_TIMEOUT_MS: '150',
      SANDBOX_WEBHOOK_RETRY_DELAYS_MS: 'none',
    });
    try {
      await confirmedBooking(sb);
      const log = await eventually(async () => {
        const l = (await sb.admin('GET', '/webhooks')).json;
        return l.length && l[0].outcome === 'dropped' ? l : null;
      });
      expect(log[0]).toMatchObject({ outcome: 'dropped', error: 'timeout', httpStatus: null });
    } finally {
      await sb.close();
      slow.closeAllConnections();
      await new Promise((r) => slow.close(r));
    }
  });

  it('fault rules on webhook:* drop, duplicate or delay deliveries', async () => {
    const sb = await startSandbox({ SANDBOX_WEBHOOK_URL: `${base}/wh` });
    try {
      await sb.admin('POST', '/faults', {
        match: { path: 'webhook:booking_confirmed' },
        action: { webhook: 'drop' },
        times: 1,
      });
      await sb.admin('POST', '/faults', {
        match: { path: 'webhook:*' },
        action: { webhook: 'duplicate' },
        times: 1,
      });
      // The delay dwarfs the time the next booking takes to confirm even on a loaded machine, so `fast` is sent
      // (and arrives) while `delayed` is still held.
      await sb.admin('POST', '/faults', { match: { path: 'webhook:*' }, action: { delayMs: 4000 }, times: 1 });
      const dropped = await confirmedBooking(sb);
      const duplicated = await confirmedBooking(sb);
      const delayed = await confirmedBooking(sb);
      const fast = await confirmedBooking(sb);
      await eventually(async () => received.some((r) => String(r.body.bid) === delayed), 15_000);
      const order = received.map((r) => String(r.body.bid));
      expect(order.filter((b) => b === dropped)).toHaveLength(0);
      expect(order.filter((b) => b === duplicated)).toHaveLength(2);
      expect(order.indexOf(fast)).toBeLessThan(order.indexOf(delayed));
      expect(
        (await sb.admin('GET', '/webhooks')).json.find((w: any) => String(w.bid) === dropped).outcome,
      ).toBe('fault_drop');
      // search requests are not affected by webhook rules
      expect((await sb.get('/search/1p/44p/2026-05-14?seats=1')).status).toBe(200);
    } finally {
      await sb.close();
    }
  });
});
