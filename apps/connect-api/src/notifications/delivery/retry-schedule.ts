export { parseDurationList } from '../../platform/config/duration-list';

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
