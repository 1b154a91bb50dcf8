/* eslint-disable @typescript-eslint/no-explicit-any -- log lines and JSON bodies are walked dynamically */
import { randomBytes } from 'node:crypto';
import { bffChildEnv } from '../support/bff-child-env';
import {
  deleteKeysWithPrefixes,
  DEMO_KEY,
  startSandbox,
  RunningSandbox,
  testRedisUrl,
} from '../support/stack';
import { BffProcess, spawnBff } from '../notifications/support/bff-process';
import { fillBookingData } from '../booking/support/funnel.helpers';
import { AgentSpan, startStandInAgent, StandInAgent } from './trace-agent';

/**
 * Traces proven (issue 16): the BFF as its own process (dd-trace must load before everything else) with
 * DD_TRACE_ENABLED=true, pointed at a stand-in agent that decodes what it receives. Server spans carry route
 * resources, 12go spans carry the operation and no `k`, Redis spans join the request's trace, and the access
 * log's dd.trace_id is the trace id of every span of the request.
 */
describe('traces (dd-trace → stand-in agent)', () => {
  let agent: StandInAgent;
  let sandbox: RunningSandbox;
  let bff: BffProcess;
  const id = randomBytes(5).toString('hex');
  const keyPrefix = `test:traces-${id}:`;
  const queuePrefix = `{tq-traces-${id}}`;

  beforeAll(async () => {
    agent = await startStandInAgent();
    sandbox = await startSandbox({ SANDBOX_CONFIRM_DELAY_MS: '300' });
    bff = await spawnBff({
      ...bffChildEnv({ sandboxUrl: sandbox.url, redisUrl: testRedisUrl(), keyPrefix, queuePrefix }),
      DD_TRACE_ENABLED: 'true',
      DD_TRACE_AGENT_URL: agent.url,
      DD_TRACE_AGENT_PROTOCOL_VERSION: '0.4',
      DD_TRACE_FLUSH_INTERVAL: '200',
      DD_INSTRUMENTATION_TELEMETRY_ENABLED: 'false',
      DD_REMOTE_CONFIGURATION_ENABLED: 'false',
      DD_SERVICE: 'travelier-connect-bff',
      SHUTDOWN_DRAIN_DELAY_MS: '0',
    });
  }, 90_000);
  afterAll(async () => {
    bff?.proc.kill('SIGTERM');
    await bff?.exited;
    await sandbox?.close();
    await agent?.close();
    await deleteKeysWithPrefixes(testRedisUrl(), [keyPrefix, queuePrefix]);
  });

  const SECRETS = [DEMO_KEY, 'sandbox-key-1'];

  interface RequestTrace {
    traceId: string;
    status: number;
    body: any;
    logLines: any[];
    spans: AgentSpan[];
  }

  /** One partner call, then its access-log line(s) and every span of its trace (bounded wait for the flush). */
  async function traced(method: string, path: string, body?: unknown): Promise<RequestTrace> {
    const correlationId = `traces-e2e-${randomBytes(6).toString('hex')}`;
    const res = await fetch(`${bff.url}${path}`, {
      method,
      headers: {
        'x-api-key': DEMO_KEY,
        'x-correlation-id': correlationId,
        ...(body === undefined ? {} : { 'content-type': 'application/json' }),
      },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    const text = await res.text();
    const deadline = Date.now() + 15_000;
    for (;;) {
      const logLines = bff
        .output()
        .split('\n')
        .filter((l) => l.startsWith('{') && l.includes(correlationId))
        .map((l) => JSON.parse(l));
      const access = logLines.find((l) => l.msg === 'request completed');
      const traceId: string | undefined = access?.dd?.trace_id;
      const low = traceId ? BigInt(`0x${traceId.slice(-16)}`).toString() : undefined;
      const spans = low ? agent.spans().filter((s) => s.trace_id === low) : [];
      if (spans.some((s) => s.name === 'fastify.request'))
        return {
          traceId: traceId!,
          status: res.status,
          body: text ? JSON.parse(text) : undefined,
          logLines,
          spans,
        };
      if (Date.now() > deadline)
        throw new Error(
          `no trace for ${method} ${path} (${res.status}); access line: ${JSON.stringify(access)}`,
        );
      await new Promise((r) => setTimeout(r, 100));
    }
  }

  const root = (t: RequestTrace) => t.spans.find((s) => s.name === 'fastify.request')!;
  const twelvego = (t: RequestTrace) => t.spans.filter((s) => s.name === 'twelvego.request');

  /** The same trace id from every log line of the request to every span (128-bit: `_dd.p.tid` + low 64 bits). */
  function expectOneTraceId(t: RequestTrace): void {
    expect(new Set(t.logLines.map((l) => l.dd?.trace_id))).toEqual(new Set([t.traceId]));
    const low = BigInt(`0x${t.traceId.slice(-16)}`).toString();
    for (const span of t.spans) expect(span.trace_id).toBe(low);
    expect(root(t).meta['_dd.p.tid']).toBe(t.traceId.slice(0, 16));
    const ids = new Set(t.spans.map((s) => s.span_id));
    for (const span of t.spans.filter((s) => s !== root(t))) expect(ids).toContain(span.parent_id);
  }

  function expectNoSecrets(spans: AgentSpan[]): void {
    const text = JSON.stringify(spans);
    for (const secret of SECRETS) expect(text.includes(secret)).toBe(false);
    for (const span of spans) {
      const url = span.meta['http.url'] ?? '';
      if (span.meta['span.kind'] === 'client') expect(url).not.toMatch(/[?&]k=/);
    }
  }

  const date = new Date(Date.now() + 3 * 86_400_000).toISOString().slice(0, 10);

  it('a search: route resource on the server span, 12go and Redis spans in the same trace, no secret', async () => {
    const t = await traced(
      'GET',
      `/v1/demo/itineraries?departures=9001&arrivals=9002&departure_date=${date}&pax=1`,
    );
    expect([200, 206]).toContain(t.status);
    expect(root(t)).toMatchObject({
      resource: 'GET /v1/:client_id/itineraries',
      service: 'travelier-connect-bff',
      error: 0,
    });
    expect(root(t).meta['http.status_code']).toBe(String(t.status));
    const search = twelvego(t).find((s) => s.resource === 'GET /search/{from}/{to}/{date}');
    expect(search).toBeDefined();
    expect(search!.meta).toMatchObject({
      'peer.service': 'twelvego',
      'span.kind': 'client',
      'tc.client_id': 'demo',
    });
    expect(search!.meta['http.url']).toMatch(/\/search\/9001s\/9002s\//);
    // The transport's own span under the 12go span (the client library fetches with undici).
    const transport = t.spans.filter((s) => s.meta['span.kind'] === 'client' && s.meta.component === 'undici');
    expect(transport.length).toBeGreaterThan(0);
    expect(t.spans.some((s) => s.name === 'redis.command')).toBe(true);
    expectOneTraceId(t);
    expectNoSecrets(t.spans);
  });

  it('a booking funnel: itinerary, booking and confirmation each one trace with their 12go calls', async () => {
    const id = `TH02lb02lc2Bhb0xbZOKINST-${date}-05:00`;
    const itinerary = await traced('GET', `/v1/demo/itineraries/${encodeURIComponent(id)}`);
    expect(itinerary.status).toBe(200);
    expect(root(itinerary).resource).toBe('GET /v1/:client_id/itineraries/*');
    expect(twelvego(itinerary).map((s) => s.meta['twelvego.op'])).toEqual(
      expect.arrayContaining(['tripDetails', 'addToCart', 'checkout']),
    );

    const it0 = itinerary.body.itineraries[0];
    const booking = await traced('POST', '/v1/demo/bookings', {
      booking_token: it0.booking_token,
      booking_data: fillBookingData(it0.booking_schema, 1, { lastNames: ['Tracetest'] }),
    });
    expect(booking.status).toBe(200);
    expect(root(booking).resource).toBe('POST /v1/:client_id/bookings');
    expect(twelvego(booking).map((s) => s.meta['twelvego.op'])).toContain('reserve');

    const confirm = await traced('POST', `/v1/demo/bookings/${booking.body.id}/confirm`);
    expect(confirm.status).toBe(200);
    expect(root(confirm).resource).toBe('POST /v1/:client_id/bookings/:booking_id/confirm');
    expect(twelvego(confirm).map((s) => s.meta['twelvego.op'])).toContain('confirm');

    for (const t of [itinerary, booking, confirm]) {
      expectOneTraceId(t);
      expectNoSecrets(t.spans);
      expect(JSON.stringify(t.spans)).not.toContain('Tracetest'); // no passenger data in tags either
    }
    expect(new Set([itinerary.traceId, booking.traceId, confirm.traceId]).size).toBe(3);
  });

  it('an upstream fault: error flag and message on the 12go span, 502 on the server span, same trace in the log', async () => {
    const fault = await fetch(`${sandbox.url}/__sandbox/faults`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ match: { path: '/trip/*/*' }, action: { status: 500 }, times: 1 }),
    });
    expect(fault.status).toBeLessThan(300);
    const id = `TH02lb02lc2Bhb0xbZOKINST-${date}-05:00`;
    const t = await traced('GET', `/v1/demo/itineraries/${encodeURIComponent(id)}`);
    expect(t.status).toBe(502);
    const failed = twelvego(t).find((s) => s.meta['twelvego.op'] === 'tripDetails');
    expect(failed).toBeDefined();
    expect(failed!.error).toBe(1);
    expect(failed!.meta['http.status_code']).toBe('500');
    expect(failed!.meta['error.message']).toMatch(/tripDetails failed.*HTTP 500/);
    expect(root(t).error).toBe(1);
    expect(root(t).meta['http.status_code']).toBe('502');
    const access = t.logLines.find((l) => l.msg === 'request completed');
    expect(access.error?.code).toBe('upstream_error');
    expectOneTraceId(t);
    expectNoSecrets(t.spans);
  });

  it('never puts a secret into any span it sent', () => {
    expect(agent.spans().length).toBeGreaterThan(10);
    expectNoSecrets(agent.spans());
  });
});
