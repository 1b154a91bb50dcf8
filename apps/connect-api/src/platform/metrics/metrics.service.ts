import { lookup } from 'node:dns';
import { Inject, Injectable, OnApplicationShutdown, Optional } from '@nestjs/common';

export type MetricTags = Record<string, string | number | undefined>;

/** DogStatsD-shaped sink (dd-trace's built-in client satisfies it). */
export interface MetricsSink {
  increment(stat: string, value?: number, tags?: Record<string, string | number>): void;
  gauge(stat: string, value: number, tags?: Record<string, string | number>): void;
  distribution(stat: string, value: number, tags?: Record<string, string | number>): void;
  flush?(done?: () => void): void;
}

export const METRICS_SINK = Symbol('METRICS_SINK');
export const METRIC_PREFIX = 'tc_bff.';

type DdTrace = { _initialized?: boolean; dogstatsd: MetricsSink };

/**
 * dd-trace's DogStatsD client (docs/platform.md#metrics: no second metrics library). Before/without
 * `tracer.init()` (DD_TRACE_ENABLED=false, tests) dd-trace answers with a no-op client.
 */
export function ddTraceSink(): MetricsSink {
  let client: MetricsSink | undefined;
  const get = (): MetricsSink => {
    client ??= (require('dd-trace') as DdTrace).dogstatsd;
    return client;
  };
  return {
    increment: (s, v, t) => get().increment(s, v, t),
    gauge: (s, v, t) => get().gauge(s, v, t),
    distribution: (s, v, t) => get().distribution(s, v, t),
    flush: (done) => (get().flush ? get().flush!(done) : done?.()),
  };
}

export interface MetricsSinkSettings {
  DD_AGENT_HOST: string;
  DD_DOGSTATSD_PORT: string;
  DD_SERVICE: string;
  DD_ENV: string;
  DD_VERSION: string;
}

/**
 * The sink for this process: the initialised tracer's client (it reads DD_AGENT_HOST / DD_DOGSTATSD_PORT
 * itself); with the tracer off, dd-trace's own DogStatsD client (`CustomMetrics`) aimed at
 * `DD_AGENT_HOST:DD_DOGSTATSD_PORT` when a port is configured (local runs, the metrics test); else nothing.
 */
export function createMetricsSink(settings: MetricsSinkSettings): MetricsSink {
  const tracer = require('dd-trace') as DdTrace;
  if (tracer._initialized) return ddTraceSink();
  const port = Number(settings.DD_DOGSTATSD_PORT);
  if (!settings.DD_DOGSTATSD_PORT || !Number.isInteger(port) || port <= 0) return NOOP_SINK;
  const { CustomMetrics } = require('dd-trace/packages/dd-trace/src/dogstatsd') as {
    CustomMetrics: new (config: unknown) => MetricsSink;
  };
  const tags: Record<string, string> = {};
  if (settings.DD_SERVICE) tags.service = settings.DD_SERVICE;
  if (settings.DD_ENV) tags.env = settings.DD_ENV;
  if (settings.DD_VERSION) tags.version = settings.DD_VERSION;
  return new CustomMetrics({
    dogstatsd: { hostname: settings.DD_AGENT_HOST || '127.0.0.1', port },
    tags,
    lookup,
  });
}

export const NOOP_SINK: MetricsSink = {
  increment: () => undefined,
  gauge: () => undefined,
  distribution: () => undefined,
};

function clean(tags: MetricTags): Record<string, string | number> {
  const out: Record<string, string | number> = {};
  for (const [k, v] of Object.entries(tags)) if (v !== undefined) out[k] = v;
  return out;
}

/** Metric hooks for every layer; names are given without the `tc_bff.` prefix. Never throws. */
@Injectable()
export class MetricsService implements OnApplicationShutdown {
  constructor(@Optional() @Inject(METRICS_SINK) private readonly sink: MetricsSink = ddTraceSink()) {}

  increment(name: string, tags: MetricTags = {}, value = 1): void {
    this.safely(() => this.sink.increment(METRIC_PREFIX + name, value, clean(tags)));
  }

  gauge(name: string, value: number, tags: MetricTags = {}): void {
    this.safely(() => this.sink.gauge(METRIC_PREFIX + name, value, clean(tags)));
  }

  distribution(name: string, value: number, tags: MetricTags = {}): void {
    this.safely(() => this.sink.distribution(METRIC_PREFIX + name, value, clean(tags)));
  }

  /** Sends what the client has aggregated (it also flushes every 10 s on its own). */
  flush(): Promise<void> {
    return new Promise((resolve) => {
      // Bounded wait for the sink; the timer must not outlive the flush (it would hold the process open).
      const timer = setTimeout(done, 1000);
      function done(): void {
        clearTimeout(timer);
        resolve();
      }
      this.safely(() => (this.sink.flush ? this.sink.flush(done) : done()));
    });
  }

  async onApplicationShutdown(): Promise<void> {
    await this.flush();
  }

  private safely(fn: () => void): void {
    try {
      fn();
    } catch {
      /* metrics must never break a request */
    }
  }
}
