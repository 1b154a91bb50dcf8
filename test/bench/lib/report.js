'use strict';
/** docs/benchmarks.md + docs/benchmarks.json from the results of scripts/bench.js. */
const fs = require('node:fs');
const path = require('node:path');

const ROOT = path.join(__dirname, '..', '..', '..');
const JSON_FILE = path.join(ROOT, 'docs', 'benchmarks.json');
const MD_FILE = path.join(ROOT, 'docs', 'benchmarks.md');

const f1 = (x) => (typeof x === 'number' && Number.isFinite(x) ? x.toFixed(1) : 'n/a');
const f2 = (x) => (typeof x === 'number' && Number.isFinite(x) ? x.toFixed(2) : 'n/a');
const signed = (x) => `${x >= 0 ? '+' : ''}${f2(x)}`;
const verdict = (fig) =>
  !fig ? 'not run' : fig.error ? `**not measured** (${fig.error})` : fig.pass ? 'pass' : '**MISS**';

function rows(r) {
  const F = r.figures;
  const out = [];
  const P1 = F.P1;
  if (P1)
    out.push([
      'P1',
      'Search throughput, BFF ÷ bare Fastify baseline (16 connections)',
      `${f2(P1.ratio)}× (${f1(P1.bffRps)} vs ${f1(P1.baselineRps)} req/s); CPU per request ${f2(P1.bffCpuMsPerRequest)} vs ${f2(P1.baselineCpuMsPerRequest)} ms (${f2(P1.cpuRatio)}×)`,
      P1.goal,
      verdict(P1),
    ]);
  const P1b = F.P1b;
  if (P1b)
    out.push([
      'P1b',
      'HTTP client: CPU per search of the bare baseline fetching through axios (the old path), the project client (undici) and a minimal undici pipeline',
      `axios ${f2(P1b.axiosCpuMsPerRequest)} ms (${f1(P1b.axiosRps)} req/s); client ${f2(P1b.clientCpuMsPerRequest)} ms (${f1(P1b.clientRps)} req/s); minimal undici ${f2(P1b.undiciCpuMsPerRequest)} ms (${f1(P1b.undiciRps)} req/s); client ÷ axios ${f2(P1b.clientOverAxiosCpu)}×`,
      P1b.goal,
      verdict(P1b),
    ]);
  const P1c = F.P1c;
  if (P1c)
    out.push([
      'P1c',
      'BFF CPU per search ÷ the minimal undici pipeline',
      `${f2(P1c.ratio)}× (${f2(P1c.bffCpuMsPerRequest)} vs ${f2(P1c.undiciCpuMsPerRequest)} ms)`,
      P1c.goal,
      verdict(P1c),
    ]);
  const P2 = F.P2;
  if (P2)
    out.push([
      'P2',
      "Search: the BFF's own added latency at 1 connection, BFF − bare baseline (median of 3 interleaved rounds)",
      `p50 +${f2(P2.addedP50Ms)} ms, p99 +${f2(P2.addedP99Ms)} ms (bare baseline over the direct sandbox call: p50 +${f2(P2.baselineOverDirectP50Ms)}, p99 +${f2(P2.baselineOverDirectP99Ms)})`,
      P2.goal,
      verdict(P2),
    ]);
  const P3 = F.P3;
  if (P3)
    out.push([
      'P3',
      'GetItinerary added latency over the sum of its 3 upstream calls',
      P3.error ? 'n/a' : `p50 +${f2(P3.addedP50Ms)} ms, p99 +${f2(P3.addedP99Ms)} ms`,
      P3.goal ?? 'p50 ≤ 2 ms',
      verdict(P3),
    ]);
  const P4 = F.P4;
  if (P4)
    out.push([
      'P4',
      `Soak ${P4.seconds} s at 70 % of max (${P4.targetRps} req/s)`,
      `RSS ${f1(P4.afterWarmup?.rssMiB)} → ${f1(P4.atEnd?.rssMiB)} MiB (${f1(P4.rssGrowthPct)} %), heap ${f1(P4.afterWarmup?.heapUsedMiB)} → ${f1(P4.atEnd?.heapUsedMiB)} MiB (${f1(P4.heapGrowthPct)} %), ${P4.errors} errors / ${P4.requests} requests`,
      P4.goal,
      verdict(P4),
    ]);
  const P5 = F.P5;
  if (P5)
    out.push([
      'P5',
      'Cold start to /health/ready, BFF production build ÷ bare baseline server (median of 3 interleaved pairs)',
      `${f2(P5.ratio)}× (${f1(P5.medianMs)} vs ${f1(P5.baselineMedianMs)} ms; first start, empty compile cache: ${f1(P5.firstStartMs)} vs ${f1(P5.baselineFirstStartMs)} ms; bare \`node -e 0\`: ${f1(P5.bareNodeStartMs)} ms)`,
      P5.goal,
      verdict(P5),
    ]);
  const P6 = F.P6;
  if (P6)
    out.push([
      'P6',
      'Webhook delivery: signed deliveries/s; p99 enqueue→delivered at 200/s',
      P6.error
        ? 'n/a'
        : `${f1(P6.burstDeliveriesPerSec)}/s, ${f2(P6.ratioToBaseline)}× the bare baseline (${f1(P6.baselineDeliveriesPerSec)}/s, ${f2(P6.baselineCpuMsPerEvent)} ms CPU/event) (receiver alone: ${f1(P6.receiverOnlyPerSec)}/s; BFF CPU ${f2(P6.bffCpuMsPerEvent)} ms/event, ${f2(P6.bffCpuCoresUsed)} cores); p99 ${f1(P6.paced?.p99Ms)} ms (p50 ${f1(P6.paced?.p50Ms)}) at ${f1(P6.paced?.achievedRate)}/s`,
      P6.goal ?? '≥ 1,000/s and < 50 ms',
      verdict(P6),
    ]);
  const P8 = F.P8;
  if (P8)
    out.push([
      'P8',
      'BFF resident memory: idle after boot + 1 request; peak during P1',
      P8.error
        ? 'n/a'
        : `idle ${f1(P8.idleRssMiB)} MiB (after a full GC ${f1(P8.idleRssAfterGcMiB)}, heap used ${f1(P8.idleHeapUsedMiB)}; bare baseline ${f1(P8.baselineIdleRssMiB)}); peak ${f1(P8.peakRssDuringP1MiB)} MiB`,
      P8.goal,
      verdict(P8),
    ]);
  const P7 = F.P7;
  if (P7)
    out.push([
      'P7',
      'Production dependency footprint (`npm ci --omit=dev`)',
      P7.error ? 'n/a' : `${f1(P7.nodeModulesMiB)} MiB (${P7.packages} packages; bundle ${P7.bundleKiB} KiB)`,
      P7.goal,
      verdict(P7),
    ]);
  const P9 = F.P9;
  if (P9)
    out.push([
      'P9',
      'Shadow mode cost: `shadow` client − `legacy` client on the same stand-in legacy (1 connection)',
      P9.error
        ? 'n/a'
        : `p50 ${signed(P9.addedP50Ms)} ms, p99 ${signed(P9.addedP99Ms)} ms` +
          (P9.paced
            ? ` (paced, background runs finished: p50 ${signed(P9.paced.addedP50Ms)} ms, p99 ${signed(P9.paced.addedP99Ms)} ms)`
            : ''),
      P9.goal,
      verdict(P9),
    ]);
  return out;
}

function markdown(r) {
  const m = r.machine;
  const lines = [
    '# Benchmarks',
    '',
    'Generated by `npm run bench` (scripts/bench.js; `--quick` shortens the soak to 60 s). Do not edit by hand:',
    'rerun the script. Every figure is a ratio or a difference against a baseline measured in the same run,',
    'because the machine is shared and noisy; absolute numbers are given for scale only.',
    '',
    `- Date: ${r.startedAt} → ${r.finishedAt}${r.quick ? ' (quick mode)' : ''}`,
    `- Machine: ${m.cpus} × ${m.cpuModel}, ${m.memoryGiB} GiB, ${m.platform}; load average ${m.loadAvgAtStart?.join(' / ')} at start, ${m.loadAvgAtEnd?.join(' / ')} at end`,
    `- Node: ${m.node}`,
    `- Build: ${r.build?.reason ?? 'n/a'}`,
    `- Upstream: the 12go sandbox, latency profile \`${r.config?.sandboxLatencyProfile ?? 'none'}\`, search ${r.config?.searchRoute ?? ''}` +
      (r.config?.searchResult
        ? ` — ${r.config.searchResult.sandboxTrips} trips → ${r.config.searchResult.itineraries} itineraries, ${r.config.searchResult.bffBodyBytes} bytes`
        : ''),
    `- BFF: production bundle (\`node dist/apps/connect-api/main.js\`), ${r.config?.logLevel ?? ''}, ${r.config?.tracing ?? ''}, real Redis`,
    '',
    '| # | What | Figure | Goal | Result |',
    '|---|------|--------|------|--------|',
    ...rows(r).map((row) => `| ${row.join(' | ')} |`),
    '',
    '## How each figure is measured',
    '',
    '- **P1** autocannon, 16 connections, three rounds of baseline then BFF; the figure is the median of the',
    '  per-round ratios. CPU per request (user + system time of the server process from /proc ÷ requests) is',
    '  given too: it does not depend on what else runs on the machine. The baseline',
    '  (`test/bench/baseline-server.main.ts`) is bare Fastify with no Nest, guards or logging, calling the same',
    '  sandbox with the same `TwelveGoClient` and mapping with the same `mapSearchResponses`.',
    '- **P1b / P1c** in the same rounds, two more copies of the bare baseline server: `BASELINE_TRANSPORT=axios`',
    '  (axios on a keep-alive agent, decompressed text, `JSON.parse` — the transport the 12go client used before',
    '  docs/adr/0200-twelvego-transport-on-undici.md) and `BASELINE_TRANSPORT=undici` (an undici Pool, `request()`,',
    '  gunzip, `JSON.parse`, same mapper: the floor for this search). P1c = BFF CPU per search ÷ that floor.',
    '- **P8** RSS of the BFF from /proc: one second after the first search (idle), and the peak of 200 ms samples',
    '  while the BFF serves the P1 load.',
    '- **P2** sequential keep-alive requests on one connection, bare baseline and BFF interleaved sample by',
    '  sample (so noise hits both), hrtime resolution, three rounds; added = BFF percentile − baseline',
    '  percentile, median of the rounds. For scale, the baseline is also compared with the direct sandbox call',
    '  (gzip, decompressed, like the 12go client).',
    '- **P3** GetItinerary on one connection interleaved with the three upstream calls it makes (trip details,',
    '  add to cart, checkout) issued directly; added = BFF p50 − p50 of the per-sample sum.',
    '- **P4** autocannon at a fixed rate of 70 % of the P1 maximum; memory read from the BFF process (IPC probe,',
    '  full GC before the two readings) after the warm-up (first 20 %) and at the end.',
    '- **P5** spawn of `node dist/apps/connect-api/main.js` → first `200` of `/health/ready` (sandbox and Redis',
    '  up), three rounds interleaved with the bare baseline server (transpiled to plain JS by',
    '  `test/bench/lib/compile-baseline.js`; its /health/ready answers 200 once 12go answers); the figure is the',
    '  median of the per-round ratios. Both use a V8 compile cache in a fresh directory (the BFF enables it in',
    '  `apps/connect-api/src/compile-cache.ts`): the first round is a start with an empty cache (given separately),',
    '  the others are restarts of the same build. A bare `node -e 0` start is given for scale.',
    '- **P6** inbound 12go webhooks posted to the BFF for bookings with owner records; the signed partner',
    '  deliveries arrive at a local receiver that verifies every signature. Burst rate and, separately, p99',
    '  of (receiver arrival − inbound POST) at a paced 200/s. Baseline: the bare server with',
    '  `BASELINE_WEBHOOK_SECRET`/`BASELINE_RECEIVER_URL` reads the booking, signs and POSTs inside each inbound',
    '  request (no queue, no owner lookup), same bookings and burst; the ratio is BFF ÷ baseline deliveries/s.',
    '- **P7** `npm ci --omit=dev --ignore-scripts` of package.json + package-lock.json into a temp dir; `du -sb`.',
    '- **P9** a recorded legacy search served by a local stand-in; a `legacy` client and a `shadow` client of the',
    '  BFF ask for it on one connection in alternating blocks of 50 (the shadow client also runs the search',
    '  through the BFF in the background and compares); each block ends with a wait until the BFF is idle, so',
    "  the background work a block started stays in it, and the BFF's CPU per request of each side is given in",
    '  docs/benchmarks.json; added = shadow percentile − legacy percentile. A second, paced pass alternates one request of each with a pause',
    "  after every request long enough for the shadow run to finish: the cost on the partner's own path (copying",
    "  legacy's answer, the queue place) without the background runs competing for the event loop.",
    '',
  ];
  const findings = r.findings ?? [];
  if (findings.length || (r.notes ?? []).length) {
    lines.push('## Findings', '');
    for (const f of findings) lines.push(`- ${f}`);
    for (const n of r.notes ?? []) lines.push(`- ${n}`);
    lines.push('');
  }
  if (r.figures.P7?.largest) {
    lines.push(
      '## Largest production packages (P7)',
      '',
      '| Package | MiB |',
      '|---|---|',
      ...r.figures.P7.largest.map((x) => `| ${x.package} | ${x.MiB} |`),
      '',
    );
  }
  lines.push('Raw figures: `docs/benchmarks.json`.', '');
  return lines.join('\n');
}

/** Writes both files; with `partial` the figures are merged into the existing JSON (a rerun of some P). */
function writeReport(results, { partial = false } = {}) {
  let merged = results;
  if (partial && fs.existsSync(JSON_FILE)) {
    try {
      const previous = JSON.parse(fs.readFileSync(JSON_FILE, 'utf8'));
      // The header (date, machine, build) stays that of the full run; re-measured figures are noted.
      const redone = Object.keys(results.figures);
      merged = { ...previous, figures: { ...previous.figures, ...results.figures } };
      merged.notes = [
        ...(previous.notes ?? []),
        `${redone.join(', ')} re-measured ${results.startedAt} (Node ${results.machine.node}, load ${results.machine.loadAvgAtStart.join(' / ')}).`,
      ];
    } catch {
      /* unreadable: write fresh */
    }
  }
  const findingsFile = path.join(__dirname, '..', 'findings.json');
  if (fs.existsSync(findingsFile)) merged.findings = JSON.parse(fs.readFileSync(findingsFile, 'utf8'));
  fs.mkdirSync(path.dirname(JSON_FILE), { recursive: true });
  fs.writeFileSync(JSON_FILE, `${JSON.stringify(merged, null, 2)}\n`);
  fs.writeFileSync(MD_FILE, markdown(merged));
  return { md: MD_FILE, json: JSON_FILE };
}

module.exports = { writeReport };
