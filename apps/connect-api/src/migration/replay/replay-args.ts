import { parseArgs } from 'node:util';

export const REPLAY_USAGE =
  'usage: npm run replay -- --requests FILE --baseline URL --candidate URL [--concurrency 4] [--only GET] [--keys FILE] [--max-differences N] --report DIR';

export interface ReplayOptions {
  requests: string;
  baseline: string;
  candidate: string;
  concurrency: number;
  /** Methods replayed (upper case); empty = all. */
  only: string[];
  keys?: string;
  maxDifferences: number;
  report: string;
}

function isHttpUrl(value: string): boolean {
  try {
    return ['http:', 'https:'].includes(new URL(value).protocol);
  } catch {
    return false;
  }
}

function intIn(name: string, raw: string | undefined, fallback: number, min: number, max: number): number {
  if (raw === undefined) return fallback;
  if (!/^\d+$/.test(raw) || Number(raw) < min || Number(raw) > max)
    throw new Error(`--${name} must be an integer from ${min} to ${max}`);
  return Number(raw);
}

/** Parses the replay arguments; throws an Error whose message names the problem (exit 2 + usage). */
export function parseReplayArgs(argv: string[]): ReplayOptions {
  const { values } = parseArgs({
    args: argv,
    options: {
      requests: { type: 'string' },
      baseline: { type: 'string' },
      candidate: { type: 'string' },
      concurrency: { type: 'string' },
      only: { type: 'string' },
      keys: { type: 'string' },
      'max-differences': { type: 'string' },
      report: { type: 'string' },
    },
    strict: true,
    allowPositionals: false,
  });
  for (const name of ['requests', 'baseline', 'candidate', 'report'] as const)
    if (!values[name]) throw new Error(`--${name} is required`);
  for (const name of ['baseline', 'candidate'] as const)
    if (!isHttpUrl(values[name]!)) throw new Error(`--${name} must be an http(s) URL`);
  const only = (values.only ?? '')
    .split(',')
    .map((m) => m.trim().toUpperCase())
    .filter(Boolean);
  if (only.some((m) => !/^[A-Z]+$/.test(m)))
    throw new Error('--only must be HTTP methods, e.g. GET or GET,POST');
  return {
    requests: values.requests!,
    baseline: values.baseline!.replace(/\/+$/, ''),
    candidate: values.candidate!.replace(/\/+$/, ''),
    concurrency: intIn('concurrency', values.concurrency, 4, 1, 64),
    only,
    keys: values.keys,
    maxDifferences: intIn('max-differences', values['max-differences'], 0, 0, Number.MAX_SAFE_INTEGER),
    report: values.report!,
  };
}
