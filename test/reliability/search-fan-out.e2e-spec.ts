/* eslint-disable @typescript-eslint/no-explicit-any -- sandbox request log entries are walked dynamically */
import { createSocket, type Socket } from 'node:dgram';
import { MetricsService } from '../../apps/connect-api/src/platform/metrics/metrics.service';
import { sandboxRequests } from '../booking/support/funnel.helpers';
import { getSearch, sandboxDate } from '../search/search-e2e.helpers';
import { startStack, writeClientsFile, type TestStack } from '../support/stack';

/**
 * Search fan-out (hardening issue, item 3): one request may not turn into hundreds of 12go searches.
 * Beyond SEARCH_MAX_PAIRS place pairs → 400 before any upstream call; every 12go search costs one
 * rate-limit token; `tc_bff.search.pairs` records the pairs of each request.
 */
describe('reliability: search fan-out is capped and paid for', () => {
  let stack: TestStack;
  let udp: Socket;
  const datagrams: string[] = [];
  const D = sandboxDate(5);
  const list = (name: string, ids: Array<string | number>) => ids.map((id) => `${name}[]=${id}`).join('&');
  const upstreamSearches = async () =>
    (await sandboxRequests(stack)).filter((r: any) => String(r.path).startsWith('/search/')).length;

  beforeAll(async () => {
    udp = createSocket('udp4');
    udp.on('message', (msg) => datagrams.push(...msg.toString('utf8').split('\n')));
    await new Promise<void>((resolve) => udp.bind(0, '127.0.0.1', resolve));
    const clientsFile = writeClientsFile((f) => {
      f.clients.find((c) => c.client_id === 'demo-b').rate_limit = { rps: 1, burst: 6 };
    });
    stack = await startStack({
      clientsFile,
      env: { DD_AGENT_HOST: '127.0.0.1', DD_DOGSTATSD_PORT: String(udp.address().port) },
    });
  });
  afterAll(async () => {
    await stack?.close();
    udp?.close();
  });

  it('answers 18 departures × 17 arrivals with 400 validation_error naming the limit, without calling 12go', async () => {
    const before = await upstreamSearches();
    const departures = Array.from({ length: 18 }, (_, i) => 20_000 + i);
    const arrivals = Array.from({ length: 17 }, (_, i) => 30_000 + i);
    const res = await getSearch(
      stack,
      `${list('departures', departures)}&${list('arrivals', arrivals)}&departure_date=${D}&pax=1`,
    );
    expect(res.status).toBe(400);
    expect(res.body.error.code).toBe('validation_error');
    expect(res.body.error.details).toEqual([
      expect.objectContaining({
        field: 'departures',
        reason: 'too_many',
        message: expect.stringContaining('25'),
      }),
    ]);
    expect(await upstreamSearches()).toBe(before);
  });

  it('charges one rate-limit token per 12go search and reports the pairs as a metric', async () => {
    const six = `${list('departures', [3, 4055])}&${list('arrivals', [4, 5133, 11553])}&departure_date=${D}&pax=1`;
    const before = await upstreamSearches();
    const first = await getSearch(stack, six, { clientId: 'demo-b', key: stack.demoBKey });
    expect([200, 206]).toContain(first.status);
    expect(await upstreamSearches()).toBeGreaterThanOrEqual(before + 6);
    expect(first.headers.get('ratelimit-remaining')).toBe('0');
    // Six searches emptied the six-token bucket: the next request is refused, whatever its size.
    const second = await getSearch(stack, six, { clientId: 'demo-b', key: stack.demoBKey });
    expect(second.status).toBe(429);
    expect(second.body.error.code).toBe('rate_limited');

    await stack.app.get(MetricsService).flush();
    const deadline = Date.now() + 3000;
    const pairsMetric = () =>
      datagrams.find((l) => l.startsWith('tc_bff.search.pairs:6|d') && l.includes('client_id:demo-b'));
    while (!pairsMetric() && Date.now() < deadline) await new Promise((r) => setTimeout(r, 100));
    expect(pairsMetric()).toBeDefined();
  });
});
