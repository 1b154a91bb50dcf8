import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { SingleBar } from 'cli-progress';
import * as fastq from 'fastq';
import { compareAnswers, endpointOf, type HttpAnswer } from '../compare';
import type { RecordedRequest } from '../recording/recorded-request';
import { parseRecording } from './recording-reader';
import { parseReplayArgs, REPLAY_USAGE, type ReplayOptions } from './replay-args';
import { ReplayAggregate, renderReportHtml, type ReplayReport } from './replay-report';

export interface ReplayIo {
  out: (line: string) => void;
  /** Where the progress bar is drawn (drawn only on a TTY). */
  progressStream?: NodeJS.WritableStream;
  /** Per-call timeout (ms). */
  timeoutMs?: number;
  now?: () => Date;
}

/** Headers a replayed request carries besides the recorded ones. */
const REPLAY_HEADERS = { 'user-agent': 'tc-bff-replay' };

function readKeys(path: string | undefined): Record<string, string> {
  if (!path) return {};
  const parsed = JSON.parse(readFileSync(path, 'utf8')) as unknown;
  if (parsed === null || typeof parsed !== 'object' || Array.isArray(parsed))
    throw new Error('--keys must be a JSON object {"<key id>": "<api key>"}');
  for (const v of Object.values(parsed))
    if (typeof v !== 'string') throw new Error('--keys values must be strings');
  return parsed as Record<string, string>;
}

async function send(
  base: string,
  r: RecordedRequest,
  key: string | undefined,
  timeoutMs: number,
): Promise<HttpAnswer> {
  const headers: Record<string, string> = { ...r.headers, ...REPLAY_HEADERS };
  if (key) headers['x-api-key'] = key;
  const hasBody = r.body !== null && r.body !== undefined && r.method !== 'GET' && r.method !== 'HEAD';
  if (hasBody) headers['content-type'] ??= 'application/json';
  try {
    const res = await fetch(`${base}${r.path}${r.query ? `?${r.query}` : ''}`, {
      method: r.method,
      headers,
      body: hasBody ? JSON.stringify(r.body) : undefined,
      redirect: 'manual',
      signal: AbortSignal.timeout(timeoutMs),
    });
    const responseHeaders: Record<string, string> = {};
    res.headers.forEach((v, k) => (responseHeaders[k] = v));
    // fetch decoded the body; the encoding header no longer describes it.
    delete responseHeaders['content-encoding'];
    return { status: res.status, headers: responseHeaders, body: Buffer.from(await res.arrayBuffer()) };
  } catch (e) {
    // An unreachable side is a difference of its own (status 0), not a crash of the run.
    return { status: 0, headers: { 'x-replay-error': (e as Error).name }, body: '' };
  }
}

/**
 * `npm run replay -- …`: sends every recorded request to the baseline and the candidate, compares the
 * answers (the migration comparison engine), writes report.json and report.html. Exit 0 when the
 * differences are within --max-differences, 1 above it, 2 on bad arguments.
 */
export async function runReplay(argv: string[], io: ReplayIo): Promise<number> {
  let opts: ReplayOptions;
  let keys: Record<string, string>;
  let text: string;
  try {
    opts = parseReplayArgs(argv);
    keys = readKeys(opts.keys);
    text = readFileSync(opts.requests, 'utf8');
  } catch (e) {
    io.out(`${(e as Error).message}\n${REPLAY_USAGE}`);
    return 2;
  }
  const recording = parseRecording(text);
  for (const b of recording.bad) io.out(`line ${b.line}: skipped, ${b.problem}`);
  const selected = recording.requests.filter(
    ({ request }) => opts.only.length === 0 || opts.only.includes(request.method),
  );
  const aggregate = new ReplayAggregate();
  const bar = new SingleBar({
    stream: io.progressStream ?? process.stderr,
    format: 'replay [{bar}] {value}/{total}',
  });
  bar.start(selected.length, 0);
  const timeoutMs = io.timeoutMs ?? 60_000;

  const worker = async ({ line, request }: (typeof selected)[number]) => {
    try {
      const key = request.key_id ? keys[request.key_id] : undefined;
      if (request.key_id && !key) {
        aggregate.skipped.push({ line, reason: `no key for key id "${request.key_id}" in --keys` });
        return;
      }
      const [baseline, candidate] = await Promise.all([
        send(opts.baseline, request, key, timeoutMs),
        send(opts.candidate, request, key, timeoutMs),
      ]);
      aggregate.add(
        endpointOf(request.method, request.path),
        line,
        compareAnswers(baseline, candidate, endpointOf(request.method, request.path)),
      );
    } finally {
      bar.increment();
    }
  };
  const queue = fastq.promise(worker, opts.concurrency);
  await Promise.all(selected.map((item) => queue.push(item)));
  bar.stop();

  const report: ReplayReport = aggregate.report({
    baseline: opts.baseline,
    candidate: opts.candidate,
    requests: selected.length,
    badLines: recording.bad,
    maxDifferences: opts.maxDifferences,
    now: io.now?.() ?? new Date(),
  });
  mkdirSync(opts.report, { recursive: true });
  writeFileSync(join(opts.report, 'report.json'), `${JSON.stringify(report, null, 2)}\n`);
  writeFileSync(join(opts.report, 'report.html'), renderReportHtml(report));
  for (const s of report.skipped) io.out(`line ${s.line}: skipped, ${s.reason}`);
  io.out(
    `${report.compared} compared, ${report.total_differences} differences (max ${report.max_differences}), ` +
      `${report.bad_lines.length} bad lines; report in ${opts.report}`,
  );
  return report.passed ? 0 : 1;
}
