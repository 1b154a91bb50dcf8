/** Values of a parsed query string, as the HTTP framework's query parser delivers them. */

/**
 * An array parameter sent as `name[]=A&name[]=B`, `name=A&name=B` or `name[0]=A&name[1]=B` (ordered by
 * index), whichever way the query-string parser delivered it.
 */
export function collectList(raw: Record<string, unknown>, name: string): unknown[] {
  const out: unknown[] = [];
  const push = (value: unknown) => {
    if (value === undefined) return;
    if (Array.isArray(value)) out.push(...value);
    else if (value !== null && typeof value === 'object') {
      const entries = Object.entries(value as Record<string, unknown>);
      entries.sort(([a], [b]) => Number(a) - Number(b));
      for (const [, v] of entries) out.push(v);
    } else out.push(value);
  };
  push(raw[name]);
  push(raw[`${name}[]`]);
  const indexed = Object.keys(raw)
    .map((key) => ({ key, m: new RegExp(`^${name}\\[(\\d+)\\]$`).exec(key) }))
    .filter((e) => e.m)
    .sort((a, b) => Number(a.m![1]) - Number(b.m![1]));
  for (const e of indexed) push(raw[e.key]);
  return out;
}

/** A parameter given several times stays an array, so the DTO reports a wrong type. */
export function single(value: unknown): unknown {
  return Array.isArray(value) && value.length === 1 ? value[0] : value;
}

export function toNumberIfNumeric(value: unknown): unknown {
  return typeof value === 'string' && /^\s*-?\d+(\.\d+)?\s*$/.test(value) ? Number(value) : value;
}

export function toBooleanIfBoolean(value: unknown): unknown {
  if (typeof value !== 'string') return value;
  const v = value.trim().toLowerCase();
  return v === 'true' ? true : v === 'false' ? false : value;
}

export function dropUndefined<T extends Record<string, unknown>>(obj: T): Partial<T> {
  return Object.fromEntries(Object.entries(obj).filter(([, v]) => v !== undefined)) as Partial<T>;
}
