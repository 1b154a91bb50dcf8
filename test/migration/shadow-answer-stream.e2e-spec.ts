import { Injectable, Module, type OnModuleInit } from '@nestjs/common';
import { HttpAdapterHost } from '@nestjs/core';
import type { FastifyInstance } from 'fastify';
import { ShadowRunner } from '../../apps/connect-api/src/migration/shadow/shadow-runner';
import { MetricsService } from '../../apps/connect-api/src/platform/metrics/metrics.service';
import { DEMO_B_KEY, DEMO_KEY, startStack, TestStack, writeClientsFile } from '../support/stack';
import { sandboxDate } from '../search/search-e2e.helpers';
import {
  LEGACY_SEARCH_BYTES,
  sha256,
  startLegacyStandIn,
  type LegacyStandIn,
} from './support/legacy-stand-in';
import { rawCall } from './support/raw-http';

const SEARCH = `departures[]=3&arrivals[]=4&departure_date=${sandboxDate(3)}&pax=1`;

/**
 * The production entry adds an asynchronous onSend hook (the draining `Connection: close`, see
 * platform/lifecycle/bootstrap.ts); an async hook delays the moment Fastify starts piping a streamed answer.
 */
@Injectable()
class AsyncOnSendHook implements OnModuleInit {
  constructor(private readonly host: HttpAdapterHost) {}

  onModuleInit(): void {
    this.host.httpAdapter.getInstance<FastifyInstance>().addHook('onSend', async () => undefined);
  }
}

@Module({ providers: [AsyncOnSendHook] })
class AsyncOnSendModule {}

describe('a shadowed answer is streamed whole when an onSend hook is asynchronous (as in production)', () => {
  let legacy: LegacyStandIn;
  let stack: TestStack;

  beforeAll(async () => {
    legacy = await startLegacyStandIn();
    stack = await startStack({
      clientsFile: writeClientsFile((f) => {
        f.clients[0].route = 'legacy';
        f.clients[1].route = 'shadow';
      }),
      // A truncated answer then ends at the idle timeout instead of hanging for 65 s.
      env: { LEGACY_BASE_URL: legacy.url, SERVER_KEEPALIVE_TIMEOUT_MS: '1500' },
      extraModules: [AsyncOnSendModule],
    });
    await stack.app.get(ShadowRunner).comparerReady();
  });
  afterAll(async () => {
    await stack?.close();
    await legacy?.close();
  });

  const search = (client: string, key: string) =>
    rawCall(`${stack.bffUrl}/v1/${client}/itineraries?${SEARCH}`, { headers: { 'x-api-key': key } });

  it('the shadow client gets every byte legacy sent (the copy for the comparison takes none away)', async () => {
    for (let i = 0; i < 5; i++) {
      const res = await search('demo-b', DEMO_B_KEY);
      expect(res.status).toBe(200);
      expect(res.body.length).toBe(LEGACY_SEARCH_BYTES.length);
      expect(sha256(res.body)).toBe(sha256(LEGACY_SEARCH_BYTES));
    }
  });

  it('the legacy client gets every byte too', async () => {
    const res = await search('demo', DEMO_KEY);
    expect(sha256(res.body)).toBe(sha256(LEGACY_SEARCH_BYTES));
  });
});

describe('a legacy answer above SHADOW_QUEUE_BYTES', () => {
  let legacy: LegacyStandIn;
  let stack: TestStack;

  beforeAll(async () => {
    legacy = await startLegacyStandIn();
    stack = await startStack({
      clientsFile: writeClientsFile((f) => (f.clients[1].route = 'shadow')),
      env: { LEGACY_BASE_URL: legacy.url, SHADOW_QUEUE_BYTES: '1024' },
      extraModules: [AsyncOnSendModule],
    });
  });
  afterAll(async () => {
    await stack?.close();
    await legacy?.close();
  });

  it('reaches the partner whole, is not compared, and is counted as dropped (over_budget) with its bytes given back', async () => {
    const increment = jest.spyOn(stack.app.get(MetricsService), 'increment');
    const res = await rawCall(`${stack.bffUrl}/v1/demo-b/itineraries?${SEARCH}`, {
      headers: { 'x-api-key': DEMO_B_KEY },
    });
    expect(sha256(res.body)).toBe(sha256(LEGACY_SEARCH_BYTES));
    expect(LEGACY_SEARCH_BYTES.length).toBeGreaterThan(1024);
    const runner = stack.app.get(ShadowRunner);
    expect(runner.pending).toBe(0);
    expect(runner.bytes.held).toBe(0);
    expect(increment).toHaveBeenCalledWith('shadow.dropped', {
      client: 'demo-b',
      endpoint: 'search',
      reason: 'over_budget',
    });
    expect(increment.mock.calls.filter(([name]) => name === 'shadow.compared')).toEqual([]);
  });
});
