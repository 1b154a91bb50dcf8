import { randomBytes, randomUUID } from 'node:crypto';
import { startStack, type TestStack } from '../support/stack';
import { DedicatedRedis } from '../notifications/support/redis-server';
import { envelopeProblems, keepAliveAgent, send, type BffAnswer } from './support/bff-http';
import { FunnelFixtures } from './support/funnel-fixtures';
import type { BffRequest } from './support/upstream-calls';

jest.setTimeout(90_000);

interface Probe {
  name: string;
  /** Built before the outage (with Redis up) when it needs state, else at call time. */
  request(
    f: FunnelFixtures,
    ctx: OutageContext,
  ): Promise<BffRequest & { headers?: Record<string, string>; raw?: string }>;
}

interface OutageContext {
  pathSecret: string;
  adminToken: string;
  /** Bookings reserved while Redis was up (ConfirmBooking and GetBookingDetails need one each). */
  reserved: string[];
}

/** docs/operations.md#when-redis-is-down "Works" rows: served while Redis is down. */
const SERVED_WITHOUT_REDIS: Probe[] = [
  {
    name: 'Search',
    request: async (f) => ({
      method: 'GET',
      path: `/v1/demo/itineraries?departures[]=3&arrivals[]=4&departure_date=${await f.travelDate()}&pax=1`,
    }),
  },
  {
    name: 'GetItinerary',
    request: async (f) => ({
      method: 'GET',
      path: `/v1/demo/itineraries/${encodeURIComponent(await f.itineraryId())}`,
    }),
  },
  {
    name: 'CreateBooking',
    request: async (f) => ({ method: 'POST', path: '/v1/demo/bookings', body: await f.bookingBody() }),
  },
  {
    name: 'GetBookingDetails',
    request: async (_f, ctx) => ({ method: 'GET', path: `/v1/demo/bookings/${ctx.reserved[0]}` }),
  },
  {
    name: 'ConfirmBooking',
    request: async (_f, ctx) => ({ method: 'POST', path: `/v1/demo/bookings/${ctx.reserved[1]}/confirm` }),
  },
];

/** docs/operations.md#when-redis-is-down "503" rows: Redis-dependent, must fail fast with 503 and recover by themselves. */
const NEEDS_REDIS: Array<Probe & { upStatuses: number[] }> = [
  {
    name: 'SeatLock',
    upStatuses: [200, 422],
    request: async (f) => ({
      method: 'POST',
      path: '/v1/demo/seats',
      body: { booking_token: (await f.opened()).token, booking_data: { seat_selection: ['1A'] } },
    }),
  },
  {
    name: 'IncompleteResults poll',
    upStatuses: [404],
    request: async () => ({ method: 'GET', path: `/v1/demo/incomplete_results/${randomUUID()}` }),
  },
  {
    name: '12go webhook receiver',
    upStatuses: [200],
    request: async (_f, ctx) => ({
      method: 'POST',
      path: `/webhooks/12go/${ctx.pathSecret}`,
      raw: JSON.stringify({
        bid: 79000000 + Math.floor(Math.random() * 100000),
        type: 'booking_updated',
        stamp: Math.floor(Date.now() / 1000),
        new_data: { status: 'confirmed' },
        previous_data: { status: 'pending' },
      }),
    }),
  },
  {
    name: 'Admin queue stats',
    upStatuses: [200],
    request: async (_f, ctx) => ({
      method: 'GET',
      path: '/admin/notifications/stats',
      headers: { authorization: `Bearer ${ctx.adminToken}` },
    }),
  },
];

/**
 * Issue 9: Redis stopped and restarted mid-run (a dedicated redis-server on an ephemeral port, never the
 * shared one): search keeps serving, Redis-dependent endpoints answer 503 fast, everything recovers
 * without a restart of the BFF (docs/operations.md#when-redis-is-down).
 */
describe('reliability: Redis stopped and restarted mid-run', () => {
  const redis = new DedicatedRedis();
  let stack: TestStack;
  let fixtures: FunnelFixtures;
  const agent = keepAliveAgent(4);
  const ctx: OutageContext = {
    pathSecret: randomBytes(20).toString('hex'),
    adminToken: randomBytes(20).toString('hex'),
    reserved: [],
  };

  const call = async (probe: Probe): Promise<BffAnswer> => {
    const r = await probe.request(fixtures, ctx);
    const body = r.raw ?? (r.body !== undefined ? JSON.stringify(r.body) : undefined);
    return send(agent, stack.bffUrl, {
      method: r.method,
      path: r.path,
      headers: {
        'x-api-key': stack.demoKey,
        ...(body !== undefined ? { 'content-type': 'application/json' } : {}),
        ...r.headers,
      },
      body,
    });
  };

  beforeAll(async () => {
    await redis.start();
    stack = await startStack({
      env: {
        REDIS_URL: redis.url,
        REDIS_COMMAND_TIMEOUT_MS: '300',
        TWELVEGO_WEBHOOK_PATH_SECRETS: ctx.pathSecret,
        ADMIN_TOKENS: ctx.adminToken,
        NOTIFY_ENQUEUE_TIMEOUT_MS: '1000',
        BOOKING_TOKEN_HMAC_KEY: 'reliability-redis-token-key-0123456789ab',
      },
      secrets: [ctx.pathSecret, ctx.adminToken],
    });
    fixtures = new FunnelFixtures(stack);
  });
  afterAll(async () => {
    agent.destroy();
    await stack?.close();
    await redis.destroy();
  });

  it('before the outage every probe is up and the instance is ready', async () => {
    ctx.reserved = [await fixtures.reserved(), await fixtures.reserved()];
    expect((await send(agent, stack.bffUrl, { method: 'GET', path: '/health/ready' })).body?.status).toBe(
      'ready',
    );
    for (const p of SERVED_WITHOUT_REDIS)
      expect({ probe: p.name, status: (await call(p)).status }).toEqual({ probe: p.name, status: 200 });
    for (const p of NEEDS_REDIS) {
      const status = (await call(p)).status;
      expect({ probe: p.name, up: p.upStatuses.includes(status), status }).toMatchObject({
        probe: p.name,
        up: true,
      });
    }
  });

  describe('while Redis is down', () => {
    beforeAll(async () => {
      // Fresh bookings for the outage (the ones above were used by the pre-outage probes).
      ctx.reserved = [await fixtures.reserved(), await fixtures.reserved()];
      await redis.stop();
    });

    it('search keeps serving, request after request', async () => {
      for (let i = 0; i < 10; i++) {
        const a = await call(SERVED_WITHOUT_REDIS[0]);
        expect({ i, status: a.status }).toEqual({ i, status: 200 });
        expect(a.body.itineraries.length).toBeGreaterThan(0);
      }
    });

    it.each(SERVED_WITHOUT_REDIS.map((p) => [p.name, p] as const))(
      '%s is served (200)',
      async (_n, probe) => {
        const a = await call(probe);
        expect({ status: a.status, code: a.body?.error?.code }).toEqual({ status: 200, code: undefined });
      },
    );

    it.each(NEEDS_REDIS.map((p) => [p.name, p] as const))(
      '%s answers 503 upstream_unavailable fast, in the envelope',
      async (_n, probe) => {
        const a = await call(probe);
        expect({ status: a.status, code: a.body?.error?.code }).toEqual({
          status: 503,
          code: 'upstream_unavailable',
        });
        expect(envelopeProblems(a)).toEqual([]);
        expect(a.headers['retry-after']).toBeDefined();
        // fast = not queued behind the reconnect: such a request gets no answer at all, and send() fails on
        // its no-answer limit (no wall-clock upper bound here: it would only measure the machine's load)
      },
    );

    it('static data answers without a 500 (served or 503 in the envelope)', async () => {
      for (const doc of ['stations', 'operating_carriers', 'pois']) {
        const a = await send(agent, stack.bffUrl, {
          method: 'GET',
          path: `/v1/demo/${doc}`,
          headers: { 'x-api-key': stack.demoKey },
        });
        expect({ doc, ok: a.status === 200 || a.status === 503 }).toEqual({ doc, ok: true });
        expect(envelopeProblems(a)).toEqual([]);
      }
    });

    it('readiness reports degraded (200) and liveness stays ok', async () => {
      const ready = await send(agent, stack.bffUrl, { method: 'GET', path: '/health/ready' });
      expect(ready.status).toBe(200);
      expect(ready.body.status).toBe('degraded');
      expect((await send(agent, stack.bffUrl, { method: 'GET', path: '/health/live' })).status).toBe(200);
    });
  });

  describe('after Redis is back (same BFF process)', () => {
    beforeAll(() => redis.start());

    it.each(NEEDS_REDIS.map((p) => [p.name, p] as const))('%s recovers by itself', async (_n, probe) => {
      const deadline = Date.now() + 20_000;
      let last: BffAnswer;
      do {
        last = await call(probe);
        if (probe.upStatuses.includes(last.status)) break;
        await new Promise((r) => setTimeout(r, 200));
      } while (Date.now() < deadline);
      expect({ status: last.status, up: probe.upStatuses.includes(last.status) }).toMatchObject({ up: true });
    });

    it('readiness is ready again and search still serves', async () => {
      const deadline = Date.now() + 20_000;
      let ready: BffAnswer;
      do {
        ready = await send(agent, stack.bffUrl, { method: 'GET', path: '/health/ready' });
        if (ready.body?.status === 'ready') break;
        await new Promise((r) => setTimeout(r, 200));
      } while (Date.now() < deadline);
      expect(ready.body.status).toBe('ready');
      expect((await call(SERVED_WITHOUT_REDIS[0])).status).toBe(200);
    });
  });
});
