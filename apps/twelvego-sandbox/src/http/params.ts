/** Query/path parameter parsing shared by the upstream controllers (400 rules of docs/upstream-12go.md). */

export type Query = Record<string, unknown>;

const single = (v: unknown): unknown => (Array.isArray(v) ? v[v.length - 1] : v);

/** `seats`: integer 1–20, absent → 1; null when invalid. */
export function parseSeats(query: Query, name = 'seats', max = 20): number | null {
  const raw = single(query?.[name]);
  if (raw === undefined || raw === '') return 1;
  if (typeof raw !== 'string' || !/^\d{1,3}$/.test(raw)) return null;
  const n = Number(raw);
  return n >= 1 && n <= max ? n : null;
}

export function parsePlace(text: string): { id: number; kind: 'p' | 's' } | null {
  const m = /^(\d{1,9})([ps])$/.exec(text);
  return m ? { id: Number(m[1]), kind: m[2] as 'p' | 's' } : null;
}

export function parseBoolean(query: Query, name: string): boolean {
  const raw = single(query?.[name]);
  return typeof raw === 'string' && /^(true|1)$/i.test(raw);
}

export function queryString(query: Query, name: string): string | undefined {
  const raw = single(query?.[name]);
  return typeof raw === 'string' ? raw : undefined;
}
