import { Inject, Injectable, Optional } from '@nestjs/common';

export type MetricTags = Record<string, string | number | undefined>;

/** DogStatsD-shaped sink (dd-trace's built-in client satisfies it). */
export interface MetricsSink {
  increment(stat: string, value?: number, tags?: Record<string, string | number>): void;
  gauge(stat: string, value: number, tags?: Record<string, string | number>): void;
  distribution(stat: string, value: number, tags?: Record<string, string | number>): void;
}

export const METRICS_SINK = Symbol('METRICS_SINK');
export const METRIC_PREFIX = 'tc_bff.';

/**
 * dd-trace's DogStatsD client (operations.md §4.5: no second metrics library). Before/without
 * `tracer.init()` (DD_TRACE_ENABLED=false, tests) dd-trace answers with a no-op client.
 */
export function ddTraceSink(): MetricsSink {
  let client: MetricsSink | undefined;
  const get = (): MetricsSink => {
    client ??= (require('dd-trace') as { dogstatsd: MetricsSink }).dogstatsd;
    return client;
  };
  return {
    increment: (s, v, t) => get().increment(s, v, t),
    gauge: (s, v, t) => get().gauge(s, v, t),
    distribution: (s, v, t) => get().distribution(s, v, t),
  };
}

function clean(tags: MetricTags): Record<string, string | number> {
  const out: Record<string, string | number> = {};
  for (const [k, v] of Object.entries(tags)) if (v !== undefined) out[k] = v;
  return out;
}

/** Metric hooks for every layer; names are given without the `tc_bff.` prefix. Never throws. */
@Injectable()
export class MetricsService {
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

  private safely(fn: () => void): void {
    try {
      fn();
    } catch {
      /* metrics must never break a request */
    }
  }
}
