import type { HttpAdapterHost } from '@nestjs/core';
import type { AppConfig } from '../../platform/config/app-config';
import type { AppLogger } from '../../platform/logging/app-logger';
import type { MetricsService } from '../../platform/metrics/metrics.service';
import { ShadowMarker } from './shadow-marker';
import type { ShadowReportStore } from './shadow-report.store';
import { ShadowRunner, type ShadowJob } from './shadow-runner';

function setup(queueBytes: number, legacyBaseUrl?: string) {
  const config = {
    LEGACY_BASE_URL: legacyBaseUrl,
    SHADOW_QUEUE_SIZE: 1,
    SHADOW_QUEUE_BYTES: queueBytes,
    SHADOW_CONCURRENCY: 1,
    SHADOW_TIMEOUT_MS: 5000,
  } as AppConfig;
  const answered: Array<() => void> = [];
  const fastify = {
    inject: () =>
      new Promise((resolve) =>
        answered.push(() => resolve({ statusCode: 200, headers: {}, rawPayload: Buffer.from('{}') })),
      ),
  };
  const host = { httpAdapter: { getInstance: () => fastify } } as unknown as HttpAdapterHost;
  const drops: string[] = [];
  const metrics = {
    increment: (name: string, tags: { reason?: string }) => {
      if (name === 'shadow.dropped') drops.push(tags.reason ?? '');
    },
  } as unknown as MetricsService;
  const logger = { forContext: () => ({ warn: () => undefined }) } as unknown as AppLogger;
  const store = { record: async () => undefined } as unknown as ShadowReportStore;
  const runner = new ShadowRunner(config, host, new ShadowMarker(), store, metrics, logger);
  return { runner, answered, drops };
}

const job = (bytes: number): ShadowJob => ({
  clientId: 'acme',
  endpoint: 'static_data',
  correlationId: 'c',
  method: 'GET',
  url: '/v1/acme/stations',
  headers: {},
  legacy: { status: 200, headers: {}, body: Buffer.alloc(bytes, 0x20) },
});

const settle = () => new Promise((r) => setTimeout(r, 20));

describe('ShadowRunner byte budget (SHADOW_QUEUE_BYTES)', () => {
  it('refuses bytes beyond the budget and takes them again once given back', () => {
    const { runner } = setup(1000);
    expect(runner.bytes.take(600)).toBe(true);
    expect(runner.bytes.take(401)).toBe(false);
    expect(runner.bytes.held).toBe(600);
    runner.bytes.give(600);
    expect(runner.bytes.take(1000)).toBe(true);
  });

  it('holds a job’s legacy bytes while it waits and runs, and gives them back when it is done', async () => {
    const { runner, answered } = setup(1000);
    expect(runner.bytes.take(300)).toBe(true); // copied by the proxy
    runner.enqueue(job(300));
    await settle();
    expect(runner.pending).toBe(1);
    expect(runner.bytes.held).toBe(300);
    answered.shift()!();
    for (let i = 0; i < 50 && runner.pending > 0; i++) await settle();
    expect(runner.pending).toBe(0);
    expect(runner.bytes.held).toBe(0);
  });

  it('gives the bytes of a job dropped for a full queue back at once', async () => {
    const { runner, drops, answered } = setup(1000);
    runner.bytes.take(300);
    runner.enqueue(job(300)); // running
    runner.bytes.take(200);
    runner.enqueue(job(200)); // waiting: the queue (size 1) is now full
    runner.bytes.take(100);
    runner.enqueue(job(100));
    expect(drops).toEqual(['queue_full']);
    expect(runner.bytes.held).toBe(500);
    answered.shift()!();
    await settle();
    answered.shift()?.();
    for (let i = 0; i < 50 && runner.pending > 0; i++) await settle();
    expect(runner.bytes.held).toBe(0);
  });
});

describe('ShadowRunner comparison worker thread', () => {
  it('starts with the first comparison, not with the app', async () => {
    const { runner, answered } = setup(1000, 'http://legacy.invalid');
    expect(runner.comparerStarted).toBe(false);
    runner.bytes.take(10);
    runner.enqueue(job(10));
    await settle();
    expect(runner.comparerStarted).toBe(false); // still waiting for the BFF's own answer
    answered.shift()!();
    for (let i = 0; i < 50 && !runner.comparerStarted; i++) await settle();
    expect(runner.comparerStarted).toBe(true);
    await runner.onApplicationShutdown();
  });

  it('is never started without LEGACY_BASE_URL (nothing can be shadowed)', async () => {
    const { runner, answered } = setup(1000);
    runner.bytes.take(10);
    runner.enqueue(job(10));
    answered.shift()!();
    for (let i = 0; i < 50 && runner.pending > 0; i++) await settle();
    expect(runner.pending).toBe(0);
    expect(runner.comparerStarted).toBe(false);
    await expect(runner.comparerReady()).resolves.toBeUndefined();
  });
});
