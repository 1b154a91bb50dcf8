import type { Comparison, DifferenceKind, DifferenceSide } from '../compare';
import type { BadLine } from './recording-reader';

export interface ReplayPathEntry {
  path: string;
  kind: DifferenceKind;
  count: number;
  example: { line: number; baseline: DifferenceSide; candidate: DifferenceSide };
}

export interface ReplayEndpointSummary {
  endpoint: string;
  requests: number;
  differing: number;
  differences: number;
}

export interface ReplayReport {
  generated_at: string;
  baseline: string;
  candidate: string;
  requests: number;
  compared: number;
  skipped: Array<{ line: number; reason: string }>;
  bad_lines: BadLine[];
  total_differences: number;
  max_differences: number;
  passed: boolean;
  endpoints: ReplayEndpointSummary[];
  paths: Array<ReplayPathEntry & { endpoint: string }>;
}

/** Accumulates comparisons of a replay run into the report. */
export class ReplayAggregate {
  private readonly endpoints = new Map<string, ReplayEndpointSummary>();
  private readonly paths = new Map<string, ReplayPathEntry & { endpoint: string }>();
  readonly skipped: Array<{ line: number; reason: string }> = [];
  compared = 0;

  add(endpoint: string, line: number, comparison: Comparison): void {
    this.compared += 1;
    let e = this.endpoints.get(endpoint);
    if (!e) this.endpoints.set(endpoint, (e = { endpoint, requests: 0, differing: 0, differences: 0 }));
    e.requests += 1;
    if (comparison.total > 0) e.differing += 1;
    e.differences += comparison.total;
    for (const d of comparison.differences) {
      const id = `${endpoint}\t${d.kind}\t${d.path}`;
      const known = this.paths.get(id);
      if (known) known.count += d.count;
      else
        this.paths.set(id, {
          endpoint,
          path: d.path,
          kind: d.kind,
          count: d.count,
          example: { line, baseline: d.baseline, candidate: d.candidate },
        });
    }
  }

  report(meta: {
    baseline: string;
    candidate: string;
    requests: number;
    badLines: BadLine[];
    maxDifferences: number;
    now: Date;
  }): ReplayReport {
    const endpoints = [...this.endpoints.values()].sort((a, b) => a.endpoint.localeCompare(b.endpoint));
    const total = endpoints.reduce((n, e) => n + e.differences, 0);
    return {
      generated_at: meta.now.toISOString(),
      baseline: meta.baseline,
      candidate: meta.candidate,
      requests: meta.requests,
      compared: this.compared,
      skipped: this.skipped,
      bad_lines: meta.badLines,
      total_differences: total,
      max_differences: meta.maxDifferences,
      passed: total <= meta.maxDifferences,
      endpoints,
      paths: [...this.paths.values()].sort((a, b) => b.count - a.count || a.path.localeCompare(b.path)),
    };
  }
}

function esc(value: unknown): string {
  return String(value)
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;');
}

/** A self-contained HTML page (inline CSS, no scripts, no external assets) of the report. */
export function renderReportHtml(report: ReplayReport): string {
  const max = Math.max(1, ...report.paths.map((p) => p.count));
  const summary = report.endpoints
    .map(
      (e) =>
        `<tr><td>${esc(e.endpoint)}</td><td>${e.requests}</td><td>${e.differing}</td><td>${e.differences}</td></tr>`,
    )
    .join('\n');
  const bars = report.paths
    .map(
      (p) =>
        `<div class="bar-row"><span class="label">${esc(p.endpoint)} · ${esc(p.path)} <em>${esc(p.kind)}</em></span>` +
        `<span class="bar" style="width:${Math.max(1, Math.round((p.count / max) * 100))}%"></span><span class="n">${p.count}</span></div>`,
    )
    .join('\n');
  const rows = report.paths
    .map(
      (p) =>
        `<tr><td>${esc(p.endpoint)}</td><td><code>${esc(p.path)}</code></td><td>${esc(p.kind)}</td><td>${p.count}</td>` +
        `<td>line ${p.example.line}</td><td><code>${esc(JSON.stringify(p.example.baseline))}</code></td><td><code>${esc(JSON.stringify(p.example.candidate))}</code></td></tr>`,
    )
    .join('\n');
  const bad = report.bad_lines.map((b) => `<li>line ${b.line}: ${esc(b.problem)}</li>`).join('\n');
  const skipped = report.skipped.map((s) => `<li>line ${s.line}: ${esc(s.reason)}</li>`).join('\n');
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>Replay report</title>
<style>
body{font-family:system-ui,sans-serif;margin:2rem;color:#222}
table{border-collapse:collapse;margin:1rem 0}td,th{border:1px solid #ccc;padding:.3rem .6rem;text-align:left;vertical-align:top}
.bar-row{display:flex;align-items:center;gap:.5rem;margin:.2rem 0}.label{width:45%;font-size:.85rem}
.bar{display:inline-block;height:.9rem;background:#c0392b}.n{font-size:.85rem}
.pass{color:#1e8449}.fail{color:#c0392b}code{font-size:.85rem}
</style></head><body>
<h1>Replay report</h1>
<p>Baseline <code>${esc(report.baseline)}</code>, candidate <code>${esc(report.candidate)}</code>, ${esc(report.generated_at)}.</p>
<p class="${report.passed ? 'pass' : 'fail'}">${report.compared} of ${report.requests} requests compared; ${report.total_differences} differences (allowed ${report.max_differences}): ${report.passed ? 'PASS' : 'FAIL'}.</p>
<h2>Summary per endpoint</h2>
<table><tr><th>Endpoint</th><th>Requests</th><th>Differing</th><th>Differences</th></tr>
${summary}
</table>
<h2>Differences per path</h2>
${bars || '<p>None.</p>'}
<h2>Paths</h2>
<table><tr><th>Endpoint</th><th>Path</th><th>Kind</th><th>Count</th><th>Example</th><th>Baseline</th><th>Candidate</th></tr>
${rows}
</table>
<h2>Bad lines (skipped)</h2><ul>${bad || '<li>none</li>'}</ul>
<h2>Skipped requests</h2><ul>${skipped || '<li>none</li>'}</ul>
</body></html>
`;
}
