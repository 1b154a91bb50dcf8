const UNIT_MS: Record<string, number> = {
  ms: 1,
  s: 1000,
  m: 60_000,
  min: 60_000,
  h: 3_600_000,
  d: 86_400_000,
};

/** Parses `30s,1m,5m,…` (units ms, s, m/min, h, d; a bare number is ms) into milliseconds. */
export function parseDurationList(value: string): number[] {
  const parts = value
    .split(',')
    .map((p) => p.trim())
    .filter((p) => p.length > 0);
  if (parts.length === 0) throw new Error('empty schedule');
  return parts.map((p) => {
    const m = /^(\d+(?:\.\d+)?)(ms|s|m|min|h|d)?$/.exec(p);
    if (!m) throw new Error(`invalid duration "${p}"`);
    return Math.round(Number(m[1]) * UNIT_MS[m[2] ?? 'ms']);
  });
}
