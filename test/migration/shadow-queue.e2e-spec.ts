import { MetricsService } from '../../apps/connect-api/src/platform/metrics/metrics.service';
import { ShadowRunner } from '../../apps/connect-api/src/migration/shadow/shadow-runner';
import { DEMO_B_KEY, startStack, TestStack, writeClientsFile } from '../support/stack';
import { sandboxDate } from '../search/search-e2e.helpers';
import { addFault, clearFaults } from '../booking/support/funnel.helpers';
import {
  LEGACY_SEARCH_BYTES,
  sha256,
  startLegacyStandIn,
  type LegacyStandIn,
} from './support/legacy-stand-in';
import { rawCall } from './support/raw-http';
import { startStatsdCapture, type Packet, type StatsdCapture } from '../support/statsd';

const SEARCH = `departures[]=3&arrivals[]=4&departure_date=${sandboxDate(3)}&pax=1`;

describe('shadow runs: metrics, bounded queue, own timeout', () => {
  let legacy: LegacyStandIn;
  let stack: TestStack;
  let statsd: StatsdCapture;

  beforeAll(async () => {
    legacy = await startLegacyStandIn();
    statsd = await startStatsdCapture();
    stack = await startStack({
      clientsFile: writeClientsFile((f) => (f.clients[1].route = 'shadow')),
      env: {
        LEGACY_BASE_URL: legacy.url,
        SHADOW_QUEUE_SIZE: '1',
        SHADOW_CONCURRENCY: '1',
        SHADOW_TIMEOUT_MS: '700',
        DD_AGENT_HOST: '127.0.0.1',
        DD_DOGSTATSD_PORT: String(statsd.port),
      },
    });
    // From source the worker thread compiles TypeScript first; SHADOW_TIMEOUT_MS here is short.
    await stack.app.get(ShadowRunner).comparerReady();
  });
  afterAll(async () => {
    await stack?.close();
    await legacy?.close();
    statsd?.close();
  });

  async function counted(name: string, filter: (p: Packet) => boolean, atLeast: number): Promise<number> {
    const deadline = Date.now() + 10_000;
    let total = 0;
    for (let i = 0; i < 200; i++) {
      await stack.app.get(MetricsService).flush();
      await new Promise((r) => setTimeout(r, 50));
      total = statsd.packets
        .filter((p) => p.name.endsWith(name) && filter(p))
        .reduce((n, p) => n + p.value, 0);
      if (total >= atLeast || Date.now() > deadline) break;
    }
    return total;
  }

  const search = () =>
    rawCall(`${stack.bffUrl}/v1/demo-b/itineraries?${SEARCH}`, { headers: { 'x-api-key': DEMO_B_KEY } });

  it('counts a compared answer and its differences by kind', async () => {
    const res = await search();
    expect(sha256(res.body)).toBe(sha256(LEGACY_SEARCH_BYTES));
    const compared = await counted(
      'shadow.compared',
      (p) => p.tags.client === 'demo-b' && p.tags.endpoint === 'search',
      1,
    );
    expect(compared).toBe(1);
    const differences = statsd.packets.filter((p) => p.name.endsWith('shadow.differences'));
    expect(differences.length).toBeGreaterThan(0);
    for (const p of differences)
      expect(p.tags).toMatchObject({ client: 'demo-b', endpoint: 'search', kind: expect.any(String) });
  });

  it('answers the partner while its shadow run is still waiting on 12go; drops what does not fit and runs that time out', async () => {
    await addFault(stack, { match: { path: '/search/**' }, action: { delayMs: 3000 }, times: 10 });
    try {
      const first = await search();
      expect(sha256(first.body)).toBe(sha256(LEGACY_SEARCH_BYTES));
      // The partner has legacy's answer while the BFF's run of the same request is still in progress.
      expect(stack.app.get(ShadowRunner).pending).toBeGreaterThanOrEqual(1);
      for (let i = 0; i < 3; i++) {
        const res = await search();
        expect(res.status).toBe(200);
        expect(sha256(res.body)).toBe(sha256(LEGACY_SEARCH_BYTES));
      }
      const full = await counted('shadow.dropped', (p) => p.tags.reason === 'queue_full', 1);
      expect(full).toBeGreaterThanOrEqual(1);
      const timedOut = await counted('shadow.dropped', (p) => p.tags.reason === 'timeout', 1);
      expect(timedOut).toBeGreaterThanOrEqual(1);
    } finally {
      await clearFaults(stack);
    }
  });
});
