/**
 * docs/upstream-12go.md#identifiers: `bid` arrives as a number (confirm, booking, webhook) or a numeric string (reserve).
 * Normalised to a decimal string; never used for arithmetic. Anything else → undefined.
 */
export function normalizeBid(value: unknown): string | undefined {
  if (typeof value === 'number') {
    return Number.isSafeInteger(value) && value >= 0 ? String(value) : undefined;
  }
  if (typeof value === 'string') {
    const trimmed = value.trim();
    return /^\d{1,30}$/.test(trimmed) ? trimmed : undefined;
  }
  return undefined;
}
