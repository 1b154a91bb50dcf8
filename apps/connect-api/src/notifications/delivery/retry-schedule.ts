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

export const RETRY_AFTER_CAP_MS = 3_600_000;
export const RETRY_JITTER = 0.1;

/**
 * Wait before the next attempt after `attemptsMade` failed attempts (1-based): the schedule entry ±10 %
 * jitter; a `Retry-After` only ever lengthens the wait, capped at 1 h (docs/contract/webhooks.md#delivery-and-retries).
 * `random` is a value in [0, 1) so the function stays pure.
 */
export function retryDelayMs(
  scheduleMs: readonly number[],
  attemptsMade: number,
  random: number,
  retryAfterMs?: number,
): number {
  const base = scheduleMs[Math.min(Math.max(attemptsMade, 1), scheduleMs.length) - 1] ?? 0;
  const jittered = Math.round(base * (1 + (random * 2 - 1) * RETRY_JITTER));
  if (retryAfterMs === undefined || !(retryAfterMs > 0)) return jittered;
  return Math.max(jittered, Math.min(retryAfterMs, RETRY_AFTER_CAP_MS));
}

/** `Retry-After` as seconds or an HTTP date → milliseconds from `nowMs`; undefined when absent or unusable. */
export function parseRetryAfter(header: string | undefined, nowMs: number): number | undefined {
  if (!header) return undefined;
  const trimmed = header.trim();
  if (/^\d+$/.test(trimmed)) return Number(trimmed) * 1000;
  const at = Date.parse(trimmed);
  if (Number.isNaN(at)) return undefined;
  return Math.max(0, at - nowMs);
}
