import { compareJson } from './compare-json';
import { DifferenceSink, type Comparison } from './difference';
import { endpointProfile, type EndpointKind } from './endpoint-profiles';

export type HeaderValue = string | string[] | number | undefined;

/** One HTTP answer as both shadow mode and the replay CLI see it. */
export interface HttpAnswer {
  status: number;
  headers: Readonly<Record<string, HeaderValue>>;
  body: Buffer | string;
}

function header(headers: HttpAnswer['headers'], name: string): string | undefined {
  for (const [k, v] of Object.entries(headers)) {
    if (k.toLowerCase() !== name) continue;
    if (v === undefined) return undefined;
    return Array.isArray(v) ? v.join(', ') : String(v);
  }
  return undefined;
}

function rateLimitNames(headers: HttpAnswer['headers']): Set<string> {
  const names = new Set<string>();
  for (const [k, v] of Object.entries(headers))
    if (v !== undefined && k.toLowerCase().startsWith('ratelimit')) names.add(k.toLowerCase());
  return names;
}

function mediaType(value: string | undefined): string | undefined {
  return value?.split(';')[0].trim().toLowerCase();
}

function parseJson(body: Buffer | string): { ok: true; value: unknown } | { ok: false } {
  const text = typeof body === 'string' ? body : body.toString('utf8');
  if (text.trim() === '') return { ok: false };
  try {
    return { ok: true, value: JSON.parse(text) };
  } catch {
    return { ok: false };
  }
}

function compareHeaders(b: HttpAnswer, c: HttpAnswer, sink: DifferenceSink): void {
  const bType = mediaType(header(b.headers, 'content-type'));
  const cType = mediaType(header(c.headers, 'content-type'));
  if (bType !== cType)
    sink.add('headers.content-type', headerKind(bType, cType), bType ?? null, cType ?? null);
  const bVersion = header(b.headers, 'travelier-version');
  const cVersion = header(c.headers, 'travelier-version');
  if (bVersion !== cVersion)
    sink.add('headers.travelier-version', headerKind(bVersion, cVersion), bVersion ?? null, cVersion ?? null);
  const bLimits = rateLimitNames(b.headers);
  const cLimits = rateLimitNames(c.headers);
  for (const name of bLimits)
    if (!cLimits.has(name)) sink.add(`headers.${name}`, 'header_missing', '<present>', null);
  for (const name of cLimits)
    if (!bLimits.has(name)) sink.add(`headers.${name}`, 'header_extra', null, '<present>');
}

function headerKind(b: string | undefined, c: string | undefined) {
  if (b === undefined) return 'header_extra' as const;
  if (c === undefined) return 'header_missing' as const;
  return 'header_value' as const;
}

/**
 * Compares a candidate answer with the baseline (legacy) answer of the same request: status,
 * `content-type`, `travelier-version`, `ratelimit-*` presence, then the JSON bodies (compare-json.ts).
 * Pure: no I/O, no clock.
 */
export function compareAnswers(
  baseline: HttpAnswer,
  candidate: HttpAnswer,
  endpoint: EndpointKind,
): Comparison {
  const sink = new DifferenceSink();
  if (baseline.status !== candidate.status) sink.add('status', 'status', baseline.status, candidate.status);
  compareHeaders(baseline, candidate, sink);
  const bJson = mediaType(header(baseline.headers, 'content-type'))?.includes('json') ?? true;
  const cJson = mediaType(header(candidate.headers, 'content-type'))?.includes('json') ?? true;
  if (bJson || cJson) {
    const b = parseJson(baseline.body);
    const c = parseJson(candidate.body);
    if (b.ok && c.ok) compareJson(b.value, c.value, endpointProfile(endpoint), sink);
    else if (b.ok !== c.ok)
      sink.add('$', 'body_format', b.ok ? 'json' : 'not-json', c.ok ? 'json' : 'not-json');
  }
  return sink.result();
}

/** Compares two parsed bodies only (unit tests, tools). */
export function compareBodies(baseline: unknown, candidate: unknown, endpoint: EndpointKind): Comparison {
  const sink = new DifferenceSink();
  compareJson(baseline, candidate, endpointProfile(endpoint), sink);
  return sink.result();
}
