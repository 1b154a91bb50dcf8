import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { TwelveGoError } from './errors/twelvego.errors';
import type { TwelveGoClientOptions, TwelveGoLogger } from './twelvego-client.options';
import { TwelveGoClient } from './twelvego.client';

/**
 * TwelveGoClient over real HTTP against a tiny scripted server (request shapes, normalisation, recheck,
 * ping). Fault behaviour against the real sandbox lives in test/twelvego-client/*.e2e-spec.ts.
 */
const KEY = 'unit-secret-key-0123456789';

interface Seen {
  method: string;
  url: string;
  headers: IncomingMessage['headers'];
  body: string;
}
type Handler = (req: Seen, res: ServerResponse) => void;

let server: Server;
let baseUrl: string;
let seen: Seen[] = [];
let handler: Handler = (_req, res) => res.end('{}');
let logs: string[] = [];

const logger: TwelveGoLogger = {
  debug: (m) => logs.push(JSON.stringify(m)),
  log: (m) => logs.push(JSON.stringify(m)),
  warn: (m) => logs.push(JSON.stringify(m)),
  error: (m) => logs.push(JSON.stringify(m)),
};

const json = (res: ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}) => {
  res.writeHead(status, { 'content-type': 'application/json; charset=utf-8', ...headers });
  res.end(typeof body === 'string' ? body : JSON.stringify(body));
};

function makeClient(extra: Partial<TwelveGoClientOptions> = {}): TwelveGoClient {
  return new TwelveGoClient({ baseUrl, logger, retry: { backoffMs: [5, 10] }, ...extra });
}

const ctx = { apiKey: KEY, correlationId: 'corr-1', requestId: 'req-1' };

beforeAll(async () => {
  server = createServer((req, res) => {
    let body = '';
    req.on('data', (c: Buffer) => (body += c.toString()));
    req.on('end', () => {
      const entry = { method: req.method ?? '', url: req.url ?? '', headers: req.headers, body };
      seen.push(entry);
      handler(entry, res);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  baseUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});

afterAll(async () => {
  server.closeAllConnections();
  await new Promise((resolve) => server.close(resolve));
});

let client: TwelveGoClient;
beforeEach(() => {
  seen = [];
  logs = [];
  client = makeClient();
});
afterEach(() => client.onApplicationShutdown());

describe('requests', () => {
  it('search: path, query with k last, forwarded ids, [] maps normalised', async () => {
    handler = (_req, res) =>
      json(res, 200, { trips: [], operators: [], stations: [], classes: [], recheck: [] });
    const result = await client.search(ctx, { from: '1p', to: '44s', date: '2026-05-14', seats: 2 });
    expect(result).toEqual({ trips: [], operators: {}, stations: {}, classes: {}, recheck: [] });
    expect(seen[0]?.method).toBe('GET');
    expect(seen[0]?.url).toBe(`/search/1p/44s/2026-05-14?seats=2&direct=true&k=${KEY}`);
    expect(seen[0]?.headers['x-correlation-id']).toBe('corr-1');
    expect(seen[0]?.headers['x-request-id']).toBe('req-1');
    expect(seen[0]?.headers.accept).toBe('application/json');
  });

  it('addToCart: POST without body; a bare string or { cart_id } is the cart id', async () => {
    handler = (_req, res) => json(res, 200, '"4ufwA501"');
    await expect(
      client.addToCart(ctx, { tripId: 'TH01', datetime: '2026-05-14-20-00-00', seats: 2 }),
    ).resolves.toBe('4ufwA501');
    expect(seen[0]?.url).toBe(`/cart/TH01/2026-05-14-20-00-00?seats=2&k=${KEY}`);
    handler = (_req, res) => json(res, 200, { cart_id: 'Zz99' });
    await expect(
      client.addToCart(ctx, { tripId: 'TH01', datetime: '2026-05-14-20-00-00', seats: 2 }),
    ).resolves.toBe('Zz99');
  });

  it('addToCartByBody: JSON body, seats and lang', async () => {
    handler = (_req, res) => json(res, 200, '"c1"');
    const body = {
      from_id: 1,
      to_id: 2,
      operator_id: 3,
      class_id: 4,
      godate: '2026-05-14 20:00:00',
      duration: 60,
    };
    await client.addToCartByBody({ ...ctx, lang: 'de' }, body, { seats: 1 });
    expect(seen[0]?.url).toBe(`/cart?seats=1&lang=de&k=${KEY}`);
    expect(seen[0]?.headers['content-type']).toBe('application/json');
    expect(JSON.parse(seen[0]?.body ?? '')).toEqual(body);
  });

  it('confirm: empty body with Content-Length 0 and no Content-Type; bid normalised', async () => {
    handler = (_req, res) => json(res, 200, { bid: 70000042 });
    await expect(client.confirm(ctx, '70000042')).resolves.toEqual({ bid: '70000042' });
    expect(seen[0]?.method).toBe('POST');
    expect(seen[0]?.headers['content-length']).toBe('0');
    expect(seen[0]?.headers['content-type']).toBeUndefined();
    expect(seen[0]?.body).toBe('');
  });

  it('reserve: string bid; path segments are encoded', async () => {
    handler = (_req, res) => json(res, 200, { bid: '70000043' });
    await expect(client.reserve(ctx, 'a/b', { seats: 1 })).resolves.toEqual({ bid: '70000043' });
    expect(seen[0]?.url).toBe(`/reserve/a%2Fb?k=${KEY}`);
  });

  it('checkout sends people; booking details normalises bid', async () => {
    handler = (req, res) =>
      req.url.startsWith('/checkout')
        ? json(res, 200, { seats: { type: 'input', name: 'seats' } })
        : json(res, 200, { bid: 70000042, status: 'confirmed' });
    await client.getCheckout(ctx, 'cart1');
    expect(seen[0]?.url).toBe(`/checkout/cart1?people=1&k=${KEY}`);
    await expect(client.getBookingDetails(ctx, '70000042')).resolves.toMatchObject({ bid: '70000042' });
  });
});

describe('ambient context', () => {
  it('fills correlation/request ids from ambientContext; explicit values win', async () => {
    void client.onApplicationShutdown();
    client = makeClient({ ambientContext: () => ({ correlationId: 'amb-corr', requestId: 'amb-req' }) });
    handler = (_req, res) => json(res, 200, { cart: [] });
    await client.getCartDetails({ apiKey: KEY }, 'c1');
    await client.getCartDetails({ apiKey: KEY, correlationId: 'own' }, 'c1');
    expect(seen.map((s) => [s.headers['x-correlation-id'], s.headers['x-request-id']])).toEqual([
      ['amb-corr', 'amb-req'],
      ['own', 'amb-req'],
    ]);
  });
});

describe('errors', () => {
  it('a wrong-shape 2xx is bad_response with a redacted snippet', async () => {
    handler = (_req, res) => json(res, 200, { echo: `k=${KEY}`, trips: null });
    const error = await client
      .search(ctx, { from: '1p', to: '2p', date: '2026-05-14', seats: 1 })
      .catch((e) => e);
    expect(error).toBeInstanceOf(TwelveGoError);
    expect(error.kind).toBe('bad_response');
    expect(error.bodySnippet).toContain('[REDACTED]');
    expect(error.bodySnippet).not.toContain(KEY);
    expect(seen).toHaveLength(1);
  });

  it('a 503 with Retry-After ≤ 2 s on a GET is retried, then succeeds', async () => {
    let n = 0;
    handler = (_req, res) =>
      ++n === 1
        ? json(res, 503, { messages: ['busy'] }, { 'retry-after': '0' })
        : json(res, 200, { cart: [] });
    await expect(client.getCartDetails(ctx, 'c1')).resolves.toEqual({ cart: [] });
    expect(seen).toHaveLength(2);
  });

  it('the final error carries attempts and elapsed time; logs and messages never hold the key', async () => {
    // A fake clock that only the upstream moves: each answer takes 250 ms, backoff sleeps take none.
    let fakeNow = 1_700_000_000_000;
    void client.onApplicationShutdown();
    const durations: number[] = [];
    client = makeClient({ durationClock: () => fakeNow, onCall: (r) => durations.push(r.duration_ms) });
    handler = (_req, res) => {
      fakeNow += 250;
      json(res, 502, '<html>bad gateway</html>');
    };
    const error = await client.getCartDetails(ctx, 'c1').catch((e) => e);
    expect([error.kind, error.status, error.attempts]).toEqual(['server', 502, 3]);
    expect(error.elapsedMs).toBe(750);
    expect(durations).toEqual([250, 250, 250]);
    expect(seen).toHaveLength(3);
    const text = [error.message, JSON.stringify(error), error.stack, ...logs].join('\n');
    expect(text).not.toContain(KEY);
    expect(logs.some((l) => l.includes('12go call failed'))).toBe(true);
  });

  it('the timeout is per operation and classified as timeout (not retried)', async () => {
    void client.onApplicationShutdown();
    client = makeClient({ timeoutsMs: { bookingDetails: 100 } });
    handler = () => undefined; // never answers
    const started = Date.now();
    const error = await client.getBookingDetails(ctx, '1').catch((e) => e);
    expect(error.kind).toBe('timeout');
    // a server that never answers: only the 100 ms timeout can have ended the call
    expect(Date.now() - started).toBeGreaterThanOrEqual(95);
    expect(seen).toHaveLength(1);
  });

  it('a refused connection is unavailable', async () => {
    const dead = new TwelveGoClient({ baseUrl: 'http://127.0.0.1:1', logger, retry: { maxRetries: 0 } });
    const error = await dead.getBookingDetails(ctx, '1').catch((e) => e);
    void dead.onApplicationShutdown();
    expect([error.kind, error.networkCode]).toEqual(['unavailable', 'ECONNREFUSED']);
  });
});

describe('shutdown', () => {
  it('a GET in flight when the client shuts down gets its answer; the shutdown waits for it', async () => {
    handler = (_req, res) => setTimeout(() => json(res, 200, { cart: [] }), 150);
    const call = client.getCartDetails(ctx, 'c1');
    await new Promise((r) => setTimeout(r, 30));
    let closed = false;
    const closing = client.onApplicationShutdown().then(() => (closed = true));
    const outcome = await call.then(
      () => 'answered',
      (e: TwelveGoError) => e.kind,
    );
    expect(outcome).toBe('answered');
    await closing;
    expect(closed).toBe(true);
  });

  it('a call after shutdown is unavailable with nothing sent, never bad_response', async () => {
    await client.onApplicationShutdown();
    const error = await client.getCartDetails(ctx, 'c1').catch((e) => e);
    expect(error).toBeInstanceOf(TwelveGoError);
    expect([error.kind, error.networkCode, error.attempts]).toEqual(['unavailable', 'ESHUTDOWN', 1]);
    expect(seen).toHaveLength(0);
  });

  it('a socket reset in the middle of a 2xx body is unavailable and retried, never bad_response', async () => {
    let n = 0;
    handler = (_req, res) => {
      if (n++ > 0) return json(res, 200, { cart: [] });
      res.writeHead(200, { 'content-type': 'application/json', 'content-length': '100' });
      res.write('{"cart":');
      setTimeout(() => res.socket?.destroy(), 20);
    };
    await expect(client.getCartDetails(ctx, 'c1')).resolves.toBeDefined();
    expect(seen).toHaveLength(2);
  });
});

describe('triggerRecheck', () => {
  it('calls the absolute URL as given, once per URL within the window, without awaiting', async () => {
    const pending: ServerResponse[] = [];
    handler = (_req, res) => pending.push(res);
    const url = `${baseUrl}/searchr?f=1&t=2&d=2026-05-14&s=2&i=31&sig=abc`;
    expect(client.triggerRecheck(url)).toBeUndefined();
    client.triggerRecheck(url);
    client.triggerRecheck(`${url}&x=1`);
    await new Promise((r) => setTimeout(r, 50));
    expect(seen.map((s) => s.url).sort()).toEqual([
      '/searchr?f=1&t=2&d=2026-05-14&s=2&i=31&sig=abc',
      '/searchr?f=1&t=2&d=2026-05-14&s=2&i=31&sig=abc&x=1',
    ]);
    pending.forEach((res) => json(res, 200, []));
    await client.settleRechecks();
    client.triggerRecheck(url); // still inside the 15 s window
    await client.settleRechecks();
    expect(seen).toHaveLength(2);
  });

  it('calls again after the window; failures are only logged', async () => {
    void client.onApplicationShutdown();
    client = makeClient({ recheckDedupMs: 20 });
    handler = (_req, res) => json(res, 500, { messages: ['x'] });
    const url = `${baseUrl}/searchr?f=1&k=${KEY}`;
    client.triggerRecheck(url);
    await client.settleRechecks();
    await new Promise((r) => setTimeout(r, 30));
    client.triggerRecheck(url);
    await client.settleRechecks();
    expect(seen).toHaveLength(2);
    expect(logs.filter((l) => l.includes('12go recheck failed'))).toHaveLength(2);
    expect(logs.join('\n')).not.toContain(KEY);
  });
});

describe('ping', () => {
  it('any answer below 500 is up; cached for health.cacheMs', async () => {
    handler = (_req, res) => json(res, 404, { messages: ['Booking not found'] });
    await expect(client.ping()).resolves.toMatchObject({ up: true, status: 404 });
    await client.ping();
    expect(seen).toHaveLength(1);
    expect(seen[0]?.url).toBe('/booking/0');
  });

  it('5xx or no answer is down; the health key is sent as k', async () => {
    void client.onApplicationShutdown();
    client = makeClient({ health: { apiKey: KEY, cacheMs: 0, timeoutMs: 100 } });
    handler = (_req, res) => json(res, 503, {});
    await expect(client.ping()).resolves.toMatchObject({ up: false, status: 503 });
    expect(seen[0]?.url).toBe(`/booking/0?k=${KEY}`);
    handler = () => undefined;
    await expect(client.ping()).resolves.toMatchObject({ up: false, error: 'timeout' });
  });
});

describe('getBreakerStates', () => {
  it('lists every breaker-guarded operation as closed initially', () => {
    const states = client.getBreakerStates();
    expect(Object.keys(states)).toHaveLength(11);
    expect(new Set(Object.values(states))).toEqual(new Set(['closed']));
  });
});
