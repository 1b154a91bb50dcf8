import { ClientRegistry } from '../../apps/connect-api/src/platform/clients/client-registry';
import { MetricsService } from '../../apps/connect-api/src/platform/metrics/metrics.service';
import { DEMO_B_KEY, DEMO_KEY, startStack, TestStack, writeClientsFile } from '../support/stack';
import { call } from '../platform/support/http';
import { addFault } from '../booking/support/funnel.helpers';
import { startStatsdCapture, type Packet, type StatsdCapture } from '../support/statsd';

describe('metrics over DogStatsD (docs/platform.md#metrics)', () => {
  let statsd: StatsdCapture;
  let stack: TestStack;

  beforeAll(async () => {
    statsd = await startStatsdCapture();
    // demo-b gets a one-request bucket so a second call is rate limited.
    const clientsFile = writeClientsFile((f) => (f.clients[1].rate_limit = { rps: 1, burst: 1 }));
    stack = await startStack({
      clientsFile,
      env: {
        DD_AGENT_HOST: '127.0.0.1',
        DD_DOGSTATSD_PORT: String(statsd.port),
        DD_SERVICE: 'tc-bff-test',
      },
    });
  });
  afterAll(async () => {
    await stack?.close();
    statsd?.close();
  });

  async function flushed(): Promise<Packet[]> {
    await stack.app.get(MetricsService).flush();
    const deadline = Date.now() + 2000;
    let seen = -1;
    // Datagrams arrive asynchronously; wait until the stream is quiet.
    while (Date.now() < deadline && seen !== statsd.packets.length) {
      seen = statsd.packets.length;
      await new Promise((r) => setTimeout(r, 100));
    }
    // Take what arrived so the next flush starts empty.
    return statsd.packets.splice(0).filter((p) => p.name.startsWith('tc_bff.'));
  }

  it('sends request, upstream and auth metrics with their tags for one search', async () => {
    await flushed();
    const res = await call(
      stack.bffUrl,
      '/v1/demo/itineraries?departures[]=9001&arrivals[]=9002&departure_date=2030-01-15&pax=1',
      { key: DEMO_KEY },
    );
    expect([200, 206]).toContain(res.status);
    const sent = await flushed();
    const byName = (name: string) => sent.filter((p) => p.name === name);

    const requests = byName('tc_bff.http.requests');
    expect(requests).toEqual([
      expect.objectContaining({
        type: 'c',
        value: 1,
        tags: expect.objectContaining({
          route: 'GET /v1/:client_id/itineraries',
          method: 'GET',
          status_code: String(res.status),
          status_class: '2xx',
          client_id: 'demo',
          api_version: expect.any(String),
          service: 'tc-bff-test',
        }),
      }),
    ]);
    expect(byName('tc_bff.http.request.duration')).toEqual([
      expect.objectContaining({
        type: 'd',
        tags: expect.objectContaining({
          route: 'GET /v1/:client_id/itineraries',
          status_class: '2xx',
          client_id: 'demo',
        }),
      }),
    ]);
    expect(byName('tc_bff.auth.key_used')).toEqual([
      expect.objectContaining({
        type: 'c',
        tags: expect.objectContaining({ client_id: 'demo', key_id: 'local-a' }),
      }),
    ]);
    const upstream = byName('tc_bff.upstream.requests');
    expect(upstream.length).toBeGreaterThan(0);
    expect(upstream[0].tags).toMatchObject({ op: 'search', status_code: '200', client_id: 'demo' });
    expect(byName('tc_bff.upstream.duration')[0].tags).toMatchObject({ op: 'search', status_class: '2xx' });
    expect(JSON.stringify(sent)).not.toContain('sandbox-key');
  });

  it('counts authentication failures and config reloads', async () => {
    await flushed();
    await call(stack.bffUrl, '/v1/demo/itineraries', { key: null });
    await call(stack.bffUrl, '/v1/unknown-client/itineraries', { key: DEMO_KEY });
    await stack.app.get(ClientRegistry).reload('manual');
    const sent = await flushed();
    expect(sent.filter((p) => p.name === 'tc_bff.config.reload').map((p) => p.tags)).toEqual([
      expect.objectContaining({ result: 'success' }),
    ]);
    expect(sent.find((p) => p.name === 'tc_bff.config.clients')).toMatchObject({ type: 'g', value: 2 });
    const failures = sent.filter((p) => p.name === 'tc_bff.auth.failures');
    expect(failures.map((p) => p.tags)).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ reason: 'missing_key', client_id: 'demo' }),
        expect.objectContaining({ reason: 'bad_key', client_id: 'unknown' }),
      ]),
    );
  });

  it('counts rate-limited requests with the limiter mode', async () => {
    await flushed();
    const statuses = [];
    for (let i = 0; i < 3; i++)
      statuses.push((await call(stack.bffUrl, '/v1/demo-b/itineraries', { key: DEMO_B_KEY })).status);
    expect(statuses).toContain(429);
    const sent = await flushed();
    const rejected = sent.filter((p) => p.name === 'tc_bff.ratelimit.rejected');
    expect(rejected).toEqual([
      expect.objectContaining({
        type: 'c',
        tags: expect.objectContaining({ client_id: 'demo-b', mode: 'redis' }),
      }),
    ]);
    expect(rejected[0].value).toBe(statuses.filter((s) => s === 429).length);
    expect(
      sent.some(
        (p) =>
          p.name === 'tc_bff.http.requests' && p.tags.status_code === '429' && p.tags.client_id === 'demo-b',
      ),
    ).toBe(true);
  });

  it('counts upstream errors and reports breaker transitions and state', async () => {
    const breakerStack = await startStack({
      env: {
        DD_AGENT_HOST: '127.0.0.1',
        DD_DOGSTATSD_PORT: String(statsd.port),
        BREAKER_MIN_REQUESTS: '2',
        BREAKER_ERROR_PCT: '50',
        TWELVEGO_RETRY_MAX: '0',
      },
    });
    try {
      await addFault(breakerStack, { match: { method: 'GET', path: '/search/**' }, action: { status: 500 } });
      await flushed();
      const statuses = [];
      for (let i = 0; i < 4; i++)
        statuses.push(
          (
            await call(
              breakerStack.bffUrl,
              '/v1/demo/itineraries?departures[]=9001&arrivals[]=9002&departure_date=2030-01-15&pax=1',
              { key: DEMO_KEY },
            )
          ).status,
        );
      expect(statuses[statuses.length - 1]).toBe(503);
      await breakerStack.app.get(MetricsService).flush();
      const sent = await flushed();
      expect(sent.filter((p) => p.name === 'tc_bff.upstream.errors').map((p) => p.tags)).toContainEqual(
        expect.objectContaining({ op: 'search', kind: 'http_5xx' }),
      );
      expect(sent.filter((p) => p.name === 'tc_bff.breaker.transitions').map((p) => p.tags)).toContainEqual(
        expect.objectContaining({ op: 'search', to: 'open' }),
      );
      expect(sent).toContainEqual(
        expect.objectContaining({
          name: 'tc_bff.breaker.state',
          type: 'g',
          value: 2,
          tags: expect.objectContaining({ op: 'search' }),
        }),
      );
    } finally {
      await breakerStack.close();
    }
  });
});
