import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import {
  emittedMetricNames,
  metricsInQuery,
  queriesIn,
  queryThreshold,
  runbookMonitorMetrics,
  runtimeMetricNames,
  unknownMetrics,
} from './datadog-definitions';

/**
 * Operations as code (issue 16): docker/datadog/{monitors,dashboard}.json reference only metrics the
 * code emits (or dd-trace's runtime metrics), and every metric the runbook's monitor table names has a monitor.
 */

const ROOT = join(__dirname, '../../..');
const read = (path: string) => readFileSync(join(ROOT, path), 'utf8');

interface Monitor {
  name: string;
  type: string;
  query: string;
  message: string;
  tags: string[];
  options: { thresholds: { critical: number; warning?: number } };
}

const monitors = JSON.parse(read('docker/datadog/monitors.json')) as Monitor[];
const dashboard = JSON.parse(read('docker/datadog/dashboard.json')) as { title: string; widgets: unknown[] };
const emitted = emittedMetricNames([join(ROOT, 'apps/connect-api/src'), join(ROOT, 'libs')]);
const runtime = runtimeMetricNames(
  read('node_modules/dd-trace/packages/dd-trace/src/runtime_metrics/runtime_metrics.js'),
);

describe('Datadog monitors and dashboard (docker/datadog)', () => {
  it('collects what the code emits (sanity of the collector)', () => {
    expect(emitted.size).toBeGreaterThanOrEqual(20);
    for (const name of [
      'http.requests',
      'upstream.errors',
      'breaker.state',
      'queue.depth',
      'redis.available',
    ])
      expect(emitted).toContain(name);
    expect(runtime).toContain('runtime.node.event_loop.delay');
    expect(runtime).toContain('runtime.node.heap.heap_size_limit');
  });

  it('monitors reference only emitted metrics', () => {
    const names = monitors.flatMap((m) => metricsInQuery(m.query));
    expect(names.length).toBeGreaterThanOrEqual(monitors.length);
    expect(unknownMetrics(names, emitted, runtime)).toEqual([]);
    for (const m of monitors)
      expect({ name: m.name, metrics: metricsInQuery(m.query).length > 0 }).toEqual({
        name: m.name,
        metrics: true,
      });
  });

  it('the dashboard references only emitted metrics', () => {
    const queries = queriesIn(dashboard);
    expect(queries.length).toBeGreaterThanOrEqual(15);
    const names = queries.flatMap(metricsInQuery);
    expect(unknownMetrics(names, emitted, runtime)).toEqual([]);
  });

  it('every metric of the runbook monitor table has a monitor', () => {
    const critical = runbookMonitorMetrics(read('docs/operations.md'));
    expect(critical).toEqual(
      expect.arrayContaining(['http.requests', 'upstream.errors', 'breaker.state', 'redis.available']),
    );
    const monitored = new Set(monitors.flatMap((m) => metricsInQuery(m.query)));
    expect(critical.filter((name) => !monitored.has(`tc_bff.${name}`))).toEqual([]);
  });

  it('covers every monitor the operators asked for, each with a runbook pointer and a consistent threshold', () => {
    const kinds = monitors.flatMap((m) => m.tags.filter((t) => t.startsWith('monitor:')));
    expect(kinds).toEqual(
      expect.arrayContaining(
        [
          'error-rate',
          'upstream-errors',
          'breaker',
          'queue-depth',
          'dead-letters',
          'delivery-latency',
          'redis-down',
          'event-loop',
        ].map((k) => `monitor:${k}`),
      ),
    );
    expect(new Set(kinds).size).toBe(kinds.length);
    for (const m of monitors) {
      expect(m.type).toBe('query alert');
      expect(m.message).toContain('docs/operations.md');
      expect(m.tags).toContain('service:travelier-connect-bff');
      expect({ name: m.name, threshold: queryThreshold(m.query)?.value }).toEqual({
        name: m.name,
        threshold: m.options.thresholds.critical,
      });
    }
  });
});

describe('definition checks (they can fail)', () => {
  it('report a metric nothing emits and a foreign namespace', () => {
    const names = metricsInQuery(
      'sum(last_5m):sum:tc_bff.http.requests{*}.as_count() / sum:tc_bff.nope{*}.as_count() + avg:redis.mem.used{*} > 1',
    );
    expect(names).toEqual(['tc_bff.http.requests', 'tc_bff.nope', 'redis.mem.used']);
    expect(unknownMetrics(names, emitted, runtime)).toEqual(['tc_bff.nope', 'redis.mem.used']);
    expect(
      unknownMetrics(['runtime.node.event_loop.delay.95percentile', 'runtime.node.nope'], emitted, runtime),
    ).toEqual(['runtime.node.nope']);
  });

  it('find the runbook metrics in its monitor table', () => {
    const md = [
      '## Monitors: what they mean',
      '| Monitor | Threshold |',
      '|---|---|',
      '| Ratio (`http.requests{status_class:5xx}` / all) | > 2 % |',
      '| `redis.available` = 0 | 1 min, see `other.thing` |',
      '## Next',
      '| `not.this` | x |',
    ].join('\n');
    expect(runbookMonitorMetrics(md)).toEqual(['http.requests', 'redis.available']);
  });
});
