export function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/**
 * docs/upstream-12go.md#json-quirks: 12go is PHP, so a map may arrive as a JSON array — `[]` when empty, and a list
 * when its keys happen to be 0..n-1. Returns an object keyed by strings, or undefined when the value is
 * neither an object nor an array.
 */
export function normalizePhpMap<T = unknown>(value: unknown): Record<string, T> | undefined {
  if (isPlainObject(value)) return value as Record<string, T>;
  if (Array.isArray(value)) return Object.fromEntries(value.map((item, index) => [String(index), item as T]));
  return undefined;
}
