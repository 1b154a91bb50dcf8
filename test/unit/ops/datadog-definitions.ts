import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

/** Pure helpers of test/unit/ops/datadog-definitions.spec.ts: metric names in, metric names out. */

export const METRIC_PREFIX = 'tc_bff.';
const RUNTIME_PREFIX = 'runtime.node.';
const HISTOGRAM_SUFFIXES = ['min', 'max', 'sum', 'total', 'avg', 'count', 'median', '95percentile'];

/** Metric names a Datadog query reads: `sum:tc_bff.http.requests{…}`, `p95:…{…}`, `max:runtime.node.…{…}`. */
export function metricsInQuery(query: string): string[] {
  const names = new Set<string>();
  for (const m of query.matchAll(/\b(?:avg|sum|min|max|p\d{2,3}):([a-z_][a-z0-9_]*(?:\.[a-z0-9_]+)+)\{/g))
    names.add(m[1]);
  return [...names];
}

/** Every query string in a monitor or dashboard definition (`query` and `q` properties, any depth). */
export function queriesIn(definition: unknown): string[] {
  const out: string[] = [];
  const walk = (node: unknown): void => {
    if (Array.isArray(node)) node.forEach(walk);
    else if (node && typeof node === 'object') {
      for (const [key, value] of Object.entries(node)) {
        if ((key === 'query' || key === 'q') && typeof value === 'string') out.push(value);
        else walk(value);
      }
    }
  };
  walk(definition);
  return out;
}

/** `tc_bff.`-less names the code emits: string literals passed to increment/gauge/distribution. */
export function emittedMetricNames(sourceDirs: string[]): Set<string> {
  const names = new Set<string>();
  const visit = (dir: string): void => {
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      const full = join(dir, entry.name);
      if (entry.isDirectory()) visit(full);
      else if (entry.name.endsWith('.ts') && !entry.name.endsWith('.spec.ts')) {
        const text = readFileSync(full, 'utf8');
        for (const m of text.matchAll(/\.(?:increment|gauge|distribution)\(\s*'([a-z_][a-z0-9_.]*)'/g))
          names.add(m[1]);
      }
    }
  };
  sourceDirs.forEach(visit);
  return names;
}

/** `runtime.node.*` names dd-trace's runtime metrics send (string literals of its source). */
export function runtimeMetricNames(ddTraceRuntimeMetricsSource: string): Set<string> {
  return new Set(
    [...ddTraceRuntimeMetricsSource.matchAll(/'(runtime\.node\.[a-z0-9_.]+)'/g)].map((m) => m[1]),
  );
}

/** Names a definition references that nothing emits (empty = all known). */
export function unknownMetrics(names: string[], emitted: Set<string>, runtime: Set<string>): string[] {
  return names.filter((name) => {
    if (name.startsWith(METRIC_PREFIX)) return !emitted.has(name.slice(METRIC_PREFIX.length));
    if (name.startsWith(RUNTIME_PREFIX)) {
      const parts = name.split('.');
      const base = HISTOGRAM_SUFFIXES.includes(parts[parts.length - 1]) ? parts.slice(0, -1).join('.') : name;
      return !runtime.has(name) && !runtime.has(base);
    }
    return true;
  });
}

/** The metrics the runbook's monitor table names (back-ticked in the first column), tags dropped. */
export function runbookMonitorMetrics(operationsMarkdown: string): string[] {
  const section = operationsMarkdown.split(/^## /m).find((s) => s.startsWith('Monitors'));
  if (!section) throw new Error('docs/operations.md has no "## Monitors" section');
  const names = new Set<string>();
  for (const line of section.split('\n')) {
    if (!line.startsWith('|') || /^\|\s*-/.test(line)) continue;
    const firstCell = line.split('|')[1] ?? '';
    for (const m of firstCell.matchAll(/`([a-z_]+(?:\.[a-z0-9_]+)+)(?:\{[^}`]*\})?`/g)) names.add(m[1]);
  }
  return [...names];
}

/** The comparison a monitor query ends with: `… > 0.02` → { op: '>', value: 0.02 }. */
export function queryThreshold(query: string): { op: string; value: number } | null {
  const m = /(>=|<=|>|<)\s*(-?[0-9.]+(?:e[0-9]+)?)\s*$/.exec(query);
  return m ? { op: m[1], value: Number(m[2]) } : null;
}
