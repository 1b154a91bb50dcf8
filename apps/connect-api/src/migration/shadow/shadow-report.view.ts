import type { DifferenceKind, DifferenceSide } from '../compare';

/** One hourly aggregate as read from Redis. */
export interface ShadowBucket {
  counts: Record<string, string>;
  /** `[member, score]` pairs; member = `endpoint \t kind \t path`. */
  paths: Array<[string, number]>;
  examples: Record<string, string>;
}

export interface ShadowPathReport {
  path: string;
  kind: DifferenceKind;
  count: number;
  example: { baseline: DifferenceSide; candidate: DifferenceSide } | null;
}

export interface ShadowEndpointReport {
  endpoint: string;
  compared: number;
  differing: number;
  top_paths: ShadowPathReport[];
}

export const MEMBER_SEPARATOR = '\t';

export function pathMember(endpoint: string, kind: DifferenceKind, path: string): string {
  return [endpoint, kind, path].join(MEMBER_SEPARATOR);
}

/** `YYYYMMDDHH` (UTC) of an instant: the aggregate a comparison is counted in. */
export function hourBucket(at: Date): string {
  return at.toISOString().slice(0, 13).replace(/[-T]/g, '');
}

/** Every hour bucket from `since` to `until`, oldest first, at most `limit`. */
export function hourBuckets(since: Date, until: Date, limit: number): string[] {
  const out: string[] = [];
  const start = Date.UTC(
    since.getUTCFullYear(),
    since.getUTCMonth(),
    since.getUTCDate(),
    since.getUTCHours(),
  );
  for (let t = start; t <= until.getTime() && out.length < limit; t += 3_600_000)
    out.push(hourBucket(new Date(t)));
  return out;
}

function parseExample(json: string | undefined): ShadowPathReport['example'] {
  if (!json) return null;
  try {
    const v = JSON.parse(json) as { baseline: DifferenceSide; candidate: DifferenceSide };
    return { baseline: v.baseline ?? null, candidate: v.candidate ?? null };
  } catch {
    return null;
  }
}

/** Merges hourly aggregates into the report: per endpoint, the most frequent differing paths. */
export function mergeShadowBuckets(buckets: ShadowBucket[], topN: number): ShadowEndpointReport[] {
  const endpoints = new Map<
    string,
    { compared: number; differing: number; paths: Map<string, ShadowPathReport> }
  >();
  const entry = (endpoint: string) => {
    let e = endpoints.get(endpoint);
    if (!e) endpoints.set(endpoint, (e = { compared: 0, differing: 0, paths: new Map() }));
    return e;
  };
  for (const bucket of buckets) {
    for (const [field, value] of Object.entries(bucket.counts)) {
      const at = field.lastIndexOf(':');
      const e = entry(field.slice(0, at));
      const n = Number(value) || 0;
      if (field.endsWith(':compared')) e.compared += n;
      else if (field.endsWith(':differing')) e.differing += n;
    }
    for (const [member, score] of bucket.paths) {
      const [endpoint, kind, path] = member.split(MEMBER_SEPARATOR);
      if (path === undefined) continue;
      const e = entry(endpoint);
      const known = e.paths.get(member);
      if (known) {
        known.count += score;
        known.example ??= parseExample(bucket.examples[member]);
      } else
        e.paths.set(member, {
          path,
          kind: kind as DifferenceKind,
          count: score,
          example: parseExample(bucket.examples[member]),
        });
    }
  }
  return [...endpoints.entries()]
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([endpoint, e]) => ({
      endpoint,
      compared: e.compared,
      differing: e.differing,
      top_paths: [...e.paths.values()]
        .sort((a, b) => b.count - a.count || a.path.localeCompare(b.path))
        .slice(0, topN),
    }));
}
