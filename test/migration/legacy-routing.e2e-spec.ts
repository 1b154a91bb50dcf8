/* eslint-disable @typescript-eslint/no-explicit-any -- JSON bodies and log lines are walked dynamically */
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { request } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createConnectApp } from '../../apps/connect-api/src/create-connect-app';
import { ClientRegistry } from '../../apps/connect-api/src/platform/clients/client-registry';
import { ShadowRunner } from '../../apps/connect-api/src/migration/shadow/shadow-runner';
import { readLocalEnv } from '../support/local-env';
import {
  DEMO_B_KEY,
  DEMO_KEY,
  freePort,
  startStack,
  TestStack,
  testRedisUrl,
  writeClientsFile,
} from '../support/stack';
import { sandboxDate } from '../search/search-e2e.helpers';
import {
  LEGACY_SEARCH_BYTES,
  sha256,
  startLegacyStandIn,
  type LegacyStandIn,
} from './support/legacy-stand-in';
import { rawCall } from './support/raw-http';

const ADMIN = 'admin-token-migration-0123456789abcdef0123';
const SEARCH = `departures[]=3&arrivals[]=4&departure_date=${sandboxDate(3)}&pax=1`;
const WAIT_MS = 15_000;

async function until<T>(what: string, probe: () => Promise<T | undefined>): Promise<T> {
  const deadline = Date.now() + WAIT_MS;
  for (let i = 0; i < 300; i++) {
    const value = await probe();
    if (value !== undefined) return value;
    if (Date.now() > deadline) break;
    await new Promise((r) => setTimeout(r, 50));
  }
  throw new Error(`timed out waiting for ${what}`);
}

function routes(demo: string, demoB: string) {
  return (f: { clients: any[] }) => {
    f.clients[0].route = demo;
    f.clients[1].route = demoB;
  };
}

describe('per-client routing to the legacy system', () => {
  let legacy: LegacyStandIn;
  let stack: TestStack;
  let clientsFile: string;

  beforeAll(async () => {
    legacy = await startLegacyStandIn();
    clientsFile = writeClientsFile(routes('legacy', 'shadow'));
    stack = await startStack({
      clientsFile,
      env: { LEGACY_BASE_URL: legacy.url, LEGACY_TIMEOUT_MS: '400', ADMIN_TOKENS: ADMIN },
      secrets: [ADMIN],
    });
  });
  afterAll(async () => {
    await stack?.close();
    await legacy?.close();
  });

  const bff = (path: string) => `${stack.bffUrl}${path}`;

  it('a legacy client gets legacy’s status, headers and bytes unchanged; the request reaches legacy as sent', async () => {
    const before = legacy.received.length;
    const res = await rawCall(bff(`/v1/demo/itineraries?${SEARCH}`), {
      headers: {
        'x-api-key': DEMO_KEY,
        'x-correlation-id': 'corr-legacy-1',
        connection: 'keep-alive, x-hop-only',
        'x-hop-only': 'must-not-pass',
        'proxy-authorization': 'Basic bXVzdDpub3Q=',
        'x-partner-header': 'kept',
        // A partner cannot pass legacy a client address of its choosing.
        'x-forwarded-for': '203.0.113.9',
        forwarded: 'for=203.0.113.9;proto=https',
        'x-real-ip': '203.0.113.9',
        'x-forwarded-host': 'spoofed.example',
      },
    });
    expect(res.status).toBe(200);
    expect(sha256(res.body)).toBe(sha256(LEGACY_SEARCH_BYTES));
    expect(res.headers['x-legacy-server']).toBe('stand-in');
    expect(res.headers['content-type']).toBe('application/json');
    expect(res.headers['x-correlation-id']).toBe('corr-legacy-1');

    expect(legacy.received.length).toBe(before + 1);
    const seen = legacy.received[before];
    expect(seen.method).toBe('GET');
    expect(seen.url).toBe(`/v1/demo/itineraries?${SEARCH}`);
    expect(seen.headers['x-api-key']).toBe(DEMO_KEY);
    expect(seen.headers['x-correlation-id']).toBe('corr-legacy-1');
    expect(seen.headers['x-partner-header']).toBe('kept');
    expect(seen.headers['x-hop-only']).toBeUndefined();
    expect(seen.headers['proxy-authorization']).toBeUndefined();
    expect(seen.headers['x-forwarded-for']).toBe('127.0.0.1');
    expect(seen.headers['x-forwarded-proto']).toBe('http');
    expect(seen.headers['x-forwarded-host']).toBe(new URL(stack.bffUrl).host);
    expect(seen.headers.forwarded).toBeUndefined();
    expect(seen.headers['x-real-ip']).toBeUndefined();
    // The BFF's own answer would carry no legacy marker: the search never went to 12go.
  });

  it('streams a POST body to legacy byte for byte and returns legacy’s status', async () => {
    const body = JSON.stringify({
      booking_token: 'tok',
      passengers: [{ first_name: 'Ann' }],
      pad: 'x'.repeat(50_000),
    });
    const before = legacy.received.length;
    const res = await rawCall(bff('/v1/demo/bookings?lang=en'), {
      method: 'POST',
      headers: { 'x-api-key': DEMO_KEY, 'content-type': 'application/json' },
      body,
    });
    expect(res.status).toBe(201);
    expect(res.json()).toEqual({
      legacy: true,
      received_sha256: sha256(body),
      received_bytes: Buffer.byteLength(body),
    });
    const seen = legacy.received[before];
    expect(seen.method).toBe('POST');
    expect(seen.url).toBe('/v1/demo/bookings?lang=en');
    expect(seen.headers['content-type']).toBe('application/json');
  });

  it('unknown or missing keys stop at the BFF and never reach legacy', async () => {
    const before = legacy.received.length;
    const variants: Array<Record<string, string>> = [
      { 'x-api-key': 'not-a-key-0123456789abcdef' },
      {},
      { 'x-api-key': DEMO_B_KEY },
    ];
    for (const headers of variants) {
      const res = await rawCall(bff(`/v1/demo/itineraries?${SEARCH}`), { headers });
      expect(res.status).toBe(401);
      expect(res.json().error.code).toBe('unauthorized');
    }
    expect(legacy.received.length).toBe(before);
  });

  it('a slow legacy gives 504 upstream_timeout after LEGACY_TIMEOUT_MS', async () => {
    legacy.delayMs = 1500;
    try {
      const res = await rawCall(bff(`/v1/demo/itineraries?${SEARCH}`), {
        headers: { 'x-api-key': DEMO_KEY },
      });
      expect(res.status).toBe(504);
      expect(res.json().error.code).toBe('upstream_timeout');
      expect(res.json().correlation_id).toBe(res.headers['x-correlation-id']);
    } finally {
      legacy.delayMs = 0;
    }
    const line = stack.logs.lines().find((l) => l.msg === 'legacy.proxy_failed' && l.reason === 'timeout');
    expect(line).toMatchObject({ client_id: 'demo', correlation_id: expect.any(String) });
  });

  it('a partner that hangs up while legacy is still answering: the request is not run by the BFF as well', async () => {
    legacy.delayMs = 1000;
    try {
      await new Promise<void>((resolve) => {
        const req = request(bff('/v1/demo/bookings/424242'), { headers: { 'x-api-key': DEMO_KEY } });
        req.on('error', () => resolve());
        req.end();
        setTimeout(() => req.destroy(), 150).unref();
      });
      // Long enough for a wrongly resumed request to have reached 12go.
      await new Promise((r) => setTimeout(r, 600));
    } finally {
      legacy.delayMs = 0;
    }
    const log: any = await (await stack.sandboxAdmin('/requests')).json();
    const entries: any[] = Array.isArray(log) ? log : (log.requests ?? log.items ?? []);
    expect(entries.filter((e) => String(e.path).includes('424242'))).toEqual([]);
  });

  it('a shadow client gets legacy’s bytes; the admin report lists the differences of the BFF’s own answer', async () => {
    const before = legacy.received.length;
    const res = await rawCall(bff(`/v1/demo-b/itineraries?${SEARCH}`), {
      headers: { 'x-api-key': DEMO_B_KEY, 'x-correlation-id': 'corr-shadow-1' },
    });
    expect(res.status).toBe(200);
    expect(sha256(res.body)).toBe(sha256(LEGACY_SEARCH_BYTES));
    expect(res.headers['x-legacy-server']).toBe('stand-in');

    const report = await until('the shadow report', async () => {
      const r = await rawCall(bff('/admin/shadow/report?client_id=demo-b'), {
        headers: { authorization: `Bearer ${ADMIN}` },
      });
      expect(r.status).toBe(200);
      const search = r.json().endpoints.find((e: any) => e.endpoint === 'search');
      return search?.compared >= 1 ? r.json() : undefined;
    });
    const search = report.endpoints.find((e: any) => e.endpoint === 'search');
    expect(search.differing).toBe(1);
    // The background run was answered by the BFF, not proxied a second time.
    expect(legacy.received.length).toBe(before + 1);
    expect(search.top_paths.length).toBeGreaterThan(0);
    for (const p of search.top_paths) {
      expect(p).toEqual({
        path: expect.any(String),
        kind: expect.any(String),
        count: expect.any(Number),
        example: expect.anything(),
      });
    }
    // The BFF answered from the sandbox, legacy from its recording: different trips, so unmatched items.
    expect(search.top_paths.map((p: any) => p.kind)).toEqual(expect.arrayContaining(['missing_item']));
    const logLine = stack.logs.lines().find((l) => l.msg === 'shadow.differences');
    expect(logLine).toMatchObject({
      client_id: 'demo-b',
      endpoint: 'search',
      correlation_id: 'corr-shadow-1',
    });
    expect(logLine.differences.length).toBeLessThanOrEqual(20);
    // The comparison ran in its worker thread (no fallback to the request loop was reported).
    expect(stack.logs.lines().filter((l) => l.msg === 'shadow.compare_worker')).toEqual([]);
    expect(logLine.total).toBeGreaterThan(0);
  });

  it('GetItinerary and writes of a shadow client are only proxied: no 12go POST is caused by shadowing', async () => {
    const before = legacy.received.length;
    const get = await rawCall(bff('/v1/demo-b/itineraries/abc-2026-01-01-10:00'), {
      headers: { 'x-api-key': DEMO_B_KEY },
    });
    expect(get.json()).toEqual({ id: 'legacy-itinerary', booking_token: 'legacy-token' });
    const post = await rawCall(bff('/v1/demo-b/bookings'), {
      method: 'POST',
      headers: { 'x-api-key': DEMO_B_KEY, 'content-type': 'application/json' },
      body: '{"booking_token":"legacy-token"}',
    });
    expect(post.status).toBe(201);
    expect(legacy.received.length).toBe(before + 2);
    await until('the shadow queue to drain', async () =>
      stack.app.get(ShadowRunner).pending === 0 ? true : undefined,
    );
    const log: any = await (await stack.sandboxAdmin('/requests')).json();
    const entries: any[] = Array.isArray(log) ? log : (log.requests ?? log.items ?? []);
    // The shadowed search did reach 12go (the log is the right one), and nothing but GETs did.
    expect(entries.some((e) => e.method === 'GET' && String(e.path).startsWith('/search/'))).toBe(true);
    expect(entries.filter((e) => e.method !== 'GET')).toEqual([]);
  });

  it('the admin report needs the admin token and validates its query', async () => {
    expect((await rawCall(bff('/admin/shadow/report?client_id=demo-b'))).status).toBe(401);
    const bad = await rawCall(bff('/admin/shadow/report?client_id=demo-b&since=yesterday'), {
      headers: { authorization: `Bearer ${ADMIN}` },
    });
    expect(bad.status).toBe(400);
    expect(bad.json().error.code).toBe('validation_error');
  });

  it('a reload switches a client legacy → bff → legacy for the next request, without restart', async () => {
    const registry = stack.app.get(ClientRegistry);
    const viaBff = async () => {
      const before = legacy.received.length;
      const res = await rawCall(bff(`/v1/demo/itineraries?${SEARCH}`), {
        headers: { 'x-api-key': DEMO_KEY },
      });
      return {
        status: res.status,
        legacy: res.headers['x-legacy-server'] === 'stand-in',
        reached: legacy.received.length > before,
      };
    };
    writeFileSync(clientsFile, JSON.stringify(fileWith('bff', 'shadow')));
    expect((await registry.reload('manual')).ok).toBe(true);
    expect(await viaBff()).toEqual({ status: 200, legacy: false, reached: false });

    writeFileSync(clientsFile, JSON.stringify(fileWith('legacy', 'shadow')));
    expect((await registry.reload('manual')).ok).toBe(true);
    expect(await viaBff()).toEqual({ status: 200, legacy: true, reached: true });
  });
});

function fileWith(demo: string, demoB: string): any {
  const path = writeClientsFile(routes(demo, demoB));
  return JSON.parse(readFileSync(path, 'utf8'));
}

describe('legacy routing configuration and a legacy that is down', () => {
  it('refuses to boot when a client is routed to legacy without LEGACY_BASE_URL', async () => {
    const clientsFile = writeClientsFile(routes('legacy', 'bff'));
    await expect(
      createConnectApp({
        env: {
          ...readLocalEnv(),
          NODE_ENV: 'test',
          REDIS_URL: testRedisUrl(),
          CLIENTS_CONFIG_PATH: clientsFile,
        },
        logStream: { write: () => true } as any,
      }),
    ).rejects.toThrow(/route "legacy" needs LEGACY_BASE_URL/);
  });

  it('keeps the previous clients on a reload that routes a client to shadow without LEGACY_BASE_URL', async () => {
    const clientsFile = writeClientsFile(routes('bff', 'bff'));
    const stack = await startStack({ clientsFile });
    try {
      writeFileSync(clientsFile, JSON.stringify(fileWith('bff', 'shadow')));
      const result = await stack.app.get(ClientRegistry).reload('manual');
      expect(result.ok).toBe(false);
      expect(result.problems?.join()).toMatch(/route "shadow" needs LEGACY_BASE_URL/);
      expect(stack.app.get(ClientRegistry).get('demo-b')?.route).toBe('bff');
    } finally {
      await stack.close();
    }
  });

  it('records a proxied request with its body (PII faked) while legacy gets the bytes unchanged', async () => {
    const legacy = await startLegacyStandIn();
    const recording = join(mkdtempSync(join(tmpdir(), 'tc-rec-')), 'recording.jsonl');
    const stack = await startStack({
      clientsFile: writeClientsFile(routes('legacy', 'bff')),
      env: { LEGACY_BASE_URL: legacy.url, RECORD_REQUESTS_SAMPLE: '1', RECORD_REQUESTS_PATH: recording },
    });
    try {
      const body = JSON.stringify({
        booking_token: 'legacy-token',
        booking_data: {
          email: 'jane.doe@example.com',
          passengers: [{ first_name: 'Jane', dob: '1990-01-31' }],
        },
      });
      const res = await rawCall(`${stack.bffUrl}/v1/demo/bookings`, {
        method: 'POST',
        headers: { 'x-api-key': DEMO_KEY, 'content-type': 'application/json' },
        body,
      });
      expect(res.json().received_sha256).toBe(sha256(body));
      let line: any;
      for (let i = 0; i < 100 && !line; i++) {
        line = readFileSync(recording, 'utf8')
          .split('\n')
          .filter(Boolean)
          .map((l) => JSON.parse(l))[0];
        if (!line) await new Promise((r) => setTimeout(r, 50));
      }
      expect(line).toMatchObject({ method: 'POST', path: '/v1/demo/bookings', key_id: 'local-a' });
      expect(line.body.booking_token).toBe('legacy-token');
      expect(line.body.booking_data.passengers[0].first_name).toMatch(/^[A-Z][a-z]{3}$/);
      expect(JSON.stringify(line)).not.toMatch(/Jane|jane\.doe|1990-01-31/);
    } finally {
      await stack.close();
      await legacy.close();
    }
  });

  it('a legacy that refuses connections gives 502 upstream_unavailable', async () => {
    const port = await freePort();
    const stack = await startStack({
      clientsFile: writeClientsFile(routes('legacy', 'bff')),
      env: { LEGACY_BASE_URL: `http://127.0.0.1:${port}` },
    });
    try {
      const res = await rawCall(`${stack.bffUrl}/v1/demo/itineraries?${SEARCH}`, {
        headers: { 'x-api-key': DEMO_KEY },
      });
      expect(res.status).toBe(502);
      expect(res.json().error.code).toBe('upstream_unavailable');
      expect(
        stack.logs.lines().some((l) => l.msg === 'legacy.proxy_failed' && l.reason === 'unavailable'),
      ).toBe(true);
    } finally {
      await stack.close();
    }
  });
});
