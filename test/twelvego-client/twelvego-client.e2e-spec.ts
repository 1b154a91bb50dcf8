import { TwelveGoError, type TwelveGoCallContext } from '@app/twelvego-client';
import {
  SANDBOX_KEY,
  SCENARIO_DATE,
  SCENARIO_TRIP_PREFIX,
  reserveBodyFor,
  startClient,
  startSandbox,
  type ClientHandle,
  type SandboxHandle,
} from './twelvego-client.harness';

/** TwelveGoClient against the real sandbox over HTTP: every docs/upstream-12go.md#errors row, sandbox faults, redaction. */
let sandbox: SandboxHandle;
let handle: ClientHandle;
const ctx: TwelveGoCallContext = { apiKey: SANDBOX_KEY, correlationId: 'e2e-client', clientId: 'demo' };
const seenErrors: TwelveGoError[] = [];

const scenario = (code: string, time: string) => ({
  tripId: `${SCENARIO_TRIP_PREFIX}${code}`,
  datetime: `${SCENARIO_DATE}-${time.replace(':', '-')}-00`,
  seats: 1,
});

async function failure(promise: Promise<unknown>): Promise<TwelveGoError> {
  const error = await promise.then(
    () => undefined,
    (e: unknown) => e,
  );
  if (!(error instanceof TwelveGoError)) throw new Error(`expected a TwelveGoError, got ${String(error)}`);
  seenErrors.push(error);
  return error;
}

async function addFault(match: Record<string, unknown>, action: Record<string, unknown>, times?: number) {
  await sandbox.admin('/faults', { method: 'POST', body: { match, action, ...(times ? { times } : {}) } });
}

async function bookedOkInst(): Promise<{ cartId: string; bid: string }> {
  const trip = scenario('OKINST', '05:00');
  const cartId = await handle.client.addToCart(ctx, trip);
  const checkout = await handle.client.getCheckout(ctx, cartId);
  const { bid } = await handle.client.reserve(ctx, cartId, reserveBodyFor(checkout as never, 1));
  return { cartId, bid };
}

beforeAll(async () => {
  sandbox = await startSandbox();
  handle = await startClient(sandbox.url, { breaker: { enabled: false } });
});

afterAll(async () => {
  await handle?.close();
  await sandbox?.close();
});

afterEach(async () => {
  await sandbox.admin('/faults', { method: 'DELETE' });
});

describe('answers of the sandbox are parsed and normalised', () => {
  it('search returns trips with maps; an empty day turns PHP [] maps into {}', async () => {
    const result = await handle.client.search(ctx, { from: '1p', to: '44p', date: SCENARIO_DATE, seats: 2 });
    expect(result.trips.length).toBeGreaterThan(0);
    expect(Array.isArray(result.operators)).toBe(false);
    expect(Object.keys(result.stations).length).toBeGreaterThan(0);
    expect(Array.isArray(result.recheck)).toBe(true);

    const empty = await handle.client.search(ctx, { from: '1p', to: '44p', date: '2026-12-30', seats: 1 });
    expect(empty).toMatchObject({ trips: [], operators: {}, stations: {}, classes: {} });
  });

  it('the whole funnel: trip → cart → checkout → reserve → confirm → booking → refund, bids as strings', async () => {
    const trip = scenario('OKINST', '05:00');
    const details = await handle.client.getTripDetails(ctx, trip);
    expect(details.trips).toHaveLength(1);
    const cartId = await handle.client.addToCart(ctx, trip);
    expect(typeof cartId).toBe('string');
    const cart = await handle.client.getCartDetails(ctx, cartId);
    expect(cart.cart[0]?.trip_key).toBe(trip.tripId);
    const checkout = await handle.client.getCheckout(ctx, cartId);
    expect(checkout['contact[email]']?.required).toBe(true);

    const reserved = await handle.client.reserve(ctx, cartId, reserveBodyFor(checkout as never, 1));
    expect(reserved.bid).toMatch(/^\d+$/); // sandbox sends a string here
    const confirmed = await handle.client.confirm(ctx, reserved.bid);
    expect(confirmed).toEqual({ bid: reserved.bid }); // sandbox sends a number here
    const booking = await handle.client.getBookingDetails(ctx, reserved.bid);
    expect(booking.bid).toBe(reserved.bid);
    expect(booking.status).toBe('confirmed');

    const options = await handle.client.getRefundOptions(ctx, reserved.bid);
    const best = options.options
      .filter((o) => o.available)
      .sort((a, b) => b.refund_amount - a.refund_amount)[0];
    expect(best).toBeDefined();
    const refund = await handle.client.refund(ctx, reserved.bid, {
      hash: best!.hash,
      refund_fxcode: best!.refund_fxcode,
      refund_amount: best!.refund_amount,
    });
    expect(refund.success).toBe(true);
  });
});

describe('docs/upstream-12go.md#errors classification against real sandbox answers', () => {
  it('row 2: an unknown key → auth', async () => {
    const error = await failure(handle.client.getBookingDetails({ apiKey: 'not-a-key-123456' }, '70000001'));
    expect([error.kind, error.status]).toEqual(['auth', 401]);
  });

  it('row 3: sold-out add-to-cart (400) and bad checkout (422 bad_trip_details) → trip_unavailable', async () => {
    const soldOut = await failure(handle.client.addToCart(ctx, scenario('SOLDOU', '06:30')));
    expect([soldOut.kind, soldOut.status]).toEqual(['trip_unavailable', 400]);
    const cartId = await handle.client.addToCart(ctx, scenario('CHKBAD', '08:30'));
    const checkout = await failure(handle.client.getCheckout(ctx, cartId));
    expect([checkout.kind, checkout.status]).toEqual(['trip_unavailable', 422]);
    expect(checkout.reasons.map((r) => r.reason_code)).toContain('bad_trip_details');
  });

  it('row 4: a departure that is gone → not_found', async () => {
    const error = await failure(handle.client.getTripDetails(ctx, scenario('GONE40', '07:30')));
    expect([error.kind, error.status]).toEqual(['not_found', 404]);
  });

  it('row 5: reserving a reserved cart → conflict with the existing bid; confirming twice → conflict', async () => {
    const { cartId, bid } = await bookedOkInst();
    const again = await failure(handle.client.reserve(ctx, cartId, { seats: 1 }));
    expect([again.kind, again.status, again.conflictBid]).toEqual(['conflict', 409, bid]);
    await handle.client.confirm(ctx, bid);
    const twice = await failure(handle.client.confirm(ctx, bid));
    expect([twice.kind, twice.status]).toEqual(['conflict', 409]);
  });

  it('row 6: reserve field errors → validation with 12go field names', async () => {
    const cartId = await handle.client.addToCart(ctx, scenario('OKINST', '05:00'));
    const checkout = await handle.client.getCheckout(ctx, cartId);
    const body = { ...reserveBodyFor(checkout as never, 1), 'contact[email]': 'not-an-email' };
    const error = await failure(handle.client.reserve(ctx, cartId, body));
    expect([error.kind, error.status]).toEqual(['validation', 422]);
    expect(Object.keys(error.fields)).toContain('contact[email]');
  });

  it('row 8: 429 → rate_limited with Retry-After, not retried', async () => {
    await addFault(
      { method: 'GET', path: '/booking/90000008' },
      { status: 429, headers: { 'Retry-After': '3' } },
    );
    const error = await failure(handle.client.getBookingDetails(ctx, '90000008'));
    expect([error.kind, error.status, error.retryAfterSec]).toEqual(['rate_limited', 429, 3]);
    expect(await sandbox.requests('GET', '/booking/90000008')).toHaveLength(1);
  });

  it('row 9: a 500 on reserve (scenario RSV500) → server, and the POST is sent exactly once', async () => {
    const cartId = await handle.client.addToCart(ctx, scenario('RSV500', '09:30'));
    const checkout = await handle.client.getCheckout(ctx, cartId);
    const error = await failure(handle.client.reserve(ctx, cartId, reserveBodyFor(checkout as never, 1)));
    expect([error.kind, error.status, error.attempts]).toEqual(['server', 500, 1]);
    expect(await sandbox.requests('POST', `/reserve/${cartId}`)).toHaveLength(1);
  });

  it('row 9: confirm 500 that was done anyway (CNF500) → server once; booking details tell the truth', async () => {
    const trip = scenario('CNF500', '11:00');
    const cartId = await handle.client.addToCart(ctx, trip);
    const checkout = await handle.client.getCheckout(ctx, cartId);
    const { bid } = await handle.client.reserve(ctx, cartId, reserveBodyFor(checkout as never, 1));
    const error = await failure(handle.client.confirm(ctx, bid));
    expect([error.kind, error.status]).toEqual(['server', 500]);
    expect(await sandbox.requests('POST', `/confirm/${bid}`)).toHaveLength(1);
    expect((await handle.client.getBookingDetails(ctx, bid)).status).toBe('confirmed');
  });

  it('row 10: a truncated trip-details body (MALFRM) → bad_response, not retried', async () => {
    const trip = scenario('MALFRM', '15:30');
    const error = await failure(handle.client.getTripDetails(ctx, trip));
    expect([error.kind, error.status]).toEqual(['bad_response', 200]);
    expect(error.bodySnippet?.length).toBeGreaterThan(0);
    expect(await sandbox.requests('GET', `/trip/${trip.tripId}/${trip.datetime}`)).toHaveLength(1);
  });
});

describe('sandbox faults reach the client as typed errors', () => {
  it.each(['truncate', 'html', 'empty', 'notjson', 'wrongshape'])(
    'body=%s on a 200 → bad_response',
    async (body) => {
      await addFault({ method: 'GET', path: '/search/**' }, { body });
      const error = await failure(
        handle.client.search(ctx, { from: '1p', to: '44p', date: SCENARIO_DATE, seats: 1 }),
      );
      expect([error.kind, error.status]).toEqual(['bad_response', 200]);
      expect(error.bodySnippet!.length).toBeLessThanOrEqual(200);
    },
  );

  it('500 on a GET → server, not retried (only 502/503/504 are)', async () => {
    await addFault({ method: 'GET', path: '/booking/90000001' }, { status: 500 });
    const error = await failure(handle.client.getBookingDetails(ctx, '90000001'));
    expect([error.kind, error.status, error.attempts]).toEqual(['server', 500, 1]);
    expect(await sandbox.requests('GET', '/booking/90000001')).toHaveLength(1);
  });

  it('502 HTML proxy page on a GET → retried twice, then server', async () => {
    await addFault({ method: 'GET', path: '/booking/90000002' }, { status: 502, body: 'html' });
    const error = await failure(handle.client.getBookingDetails(ctx, '90000002'));
    expect([error.kind, error.status, error.attempts]).toEqual(['server', 502, 3]);
    expect(await sandbox.requests('GET', '/booking/90000002')).toHaveLength(3);
  });

  it('503 twice then success on a GET → the call succeeds on the third attempt', async () => {
    const { bid } = await bookedOkInst();
    await addFault({ method: 'GET', path: `/booking/${bid}` }, { status: 503 }, 2);
    await expect(handle.client.getBookingDetails(ctx, bid)).resolves.toMatchObject({ bid });
    expect(await sandbox.requests('GET', `/booking/${bid}`)).toHaveLength(3);
  });

  it('connection reset on a GET → unavailable after 3 attempts', async () => {
    await addFault({ method: 'GET', path: '/cart/resetcart' }, { conn: 'reset' });
    const error = await failure(handle.client.getCartDetails(ctx, 'resetcart'));
    expect([error.kind, error.attempts]).toEqual(['unavailable', 3]);
    expect(await sandbox.requests('GET', '/cart/resetcart')).toHaveLength(3);
  });

  it('connection reset and 503 on POSTs → never retried', async () => {
    const trip = scenario('OKPEND', '05:30');
    const cartPath = `/cart/${trip.tripId}/${trip.datetime}`;
    const before = (await sandbox.requests('POST', cartPath)).length;
    await addFault({ method: 'POST', path: '/cart/*/*' }, { conn: 'reset' });
    const reset = await failure(handle.client.addToCart(ctx, trip));
    expect([reset.kind, reset.attempts]).toEqual(['unavailable', 1]);
    expect((await sandbox.requests('POST', cartPath)).length - before).toBe(1);

    await addFault({ method: 'POST', path: '/confirm/90000003' }, { status: 503 });
    const unavailable = await failure(handle.client.confirm(ctx, '90000003'));
    expect([unavailable.kind, unavailable.status, unavailable.attempts]).toEqual(['server', 503, 1]);
    expect(await sandbox.requests('POST', '/confirm/90000003')).toHaveLength(1);
  });

  it('a hanging connection → timeout after the per-call timeout, not retried', async () => {
    const quick = await startClient(sandbox.url, { timeoutsMs: { bookingDetails: 300 } });
    try {
      await addFault({ method: 'GET', path: '/booking/90000004' }, { conn: 'hang' });
      const started = Date.now();
      const error = await failure(quick.client.getBookingDetails(ctx, '90000004'));
      expect(error.kind).toBe('timeout');
      // a hung connection never answers: only the 300 ms per-call timeout can have ended the call
      expect(Date.now() - started).toBeGreaterThanOrEqual(290);
      expect(await sandbox.requests('GET', '/booking/90000004')).toHaveLength(1);
    } finally {
      await quick.close();
    }
  });

  it('the X-Sandbox-Fault header works the same way (status=503 on a GET, retried)', async () => {
    const faulty = await startClient(sandbox.url, { headers: { 'X-Sandbox-Fault': 'status=503' } });
    try {
      const error = await failure(faulty.client.getBookingDetails(ctx, '90000005'));
      expect([error.kind, error.status, error.attempts]).toEqual(['server', 503, 3]);
    } finally {
      await faulty.close();
    }
  });
});

describe('the 12go key never leaks', () => {
  it('no error message, serialised error, stack or log line contains the key', () => {
    expect(seenErrors.length).toBeGreaterThan(10);
    const text = [
      ...seenErrors.flatMap((e) => [e.message, JSON.stringify(e), e.stack ?? '', e.bodySnippet ?? '']),
      ...handle.logs,
    ].join('\n');
    expect(handle.logs.length).toBeGreaterThan(0);
    expect(text).not.toContain(SANDBOX_KEY);
    expect(text).not.toMatch(/[?&]k=(?!\[REDACTED\])/);
  });
});
