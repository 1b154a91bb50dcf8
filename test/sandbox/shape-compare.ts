/**
 * Structural comparison: same key sets and JSON value types at every level as a fixture (values ignored).
 * Arrays compare each element with the fixture element at the same index (or the first one); maps keyed
 * by ids (`mapKeys`: path suffixes such as `operators` or `seatmap.seats`) compare every value with the fixture's first value. `null` is accepted against a
 * non-null fixture value only for keys listed in `nullable` (and vice versa).
 */

export interface ShapeOptions {
  mapKeys?: string[];
  nullable?: string[];
}

const typeOf = (v: unknown): string => (v === null ? 'null' : Array.isArray(v) ? 'array' : typeof v);

export function shapeDiff(
  actual: unknown,
  fixture: unknown,
  opts: ShapeOptions = {},
  path = '$',
  key = '',
): string[] {
  const ta = typeOf(actual);
  const tf = typeOf(fixture);
  const nullable = new Set(opts.nullable ?? []);
  const isMap = (opts.mapKeys ?? []).some((m) => path === `$.${m}` || path.endsWith(`.${m}`));
  if (ta !== tf) {
    if ((ta === 'null' || tf === 'null') && nullable.has(key)) return [];
    // PHP empty maps: `[]` where the fixture has an object
    if (ta === 'array' && tf === 'object' && (actual as unknown[]).length === 0 && isMap) return [];
    return [`${path}: type ${ta} != fixture ${tf}`];
  }
  if (ta === 'array') {
    const a = actual as unknown[];
    const f = fixture as unknown[];
    if (f.length === 0) return [];
    return a.flatMap((item, i) => shapeDiff(item, i < f.length ? f[i] : f[0], opts, `${path}[${i}]`, key));
  }
  if (ta !== 'object') return [];
  const a = actual as Record<string, unknown>;
  const f = fixture as Record<string, unknown>;
  if (isMap) {
    const sample = Object.values(f)[0];
    if (sample === undefined) return [];
    return Object.entries(a).flatMap(([k, v]) => shapeDiff(v, sample, opts, `${path}.${k}`, '*'));
  }
  const diffs: string[] = [];
  const ka = Object.keys(a).sort();
  const kf = Object.keys(f).sort();
  for (const k of kf) if (!(k in a)) diffs.push(`${path}: missing key "${k}"`);
  for (const k of ka) if (!(k in f)) diffs.push(`${path}: extra key "${k}"`);
  for (const k of ka) if (k in f) diffs.push(...shapeDiff(a[k], f[k], opts, `${path}.${k}`, k));
  return diffs;
}
