const DAY_S = 86_400;
export const OWNER_TTL_MIN_S = 30 * DAY_S;
export const OWNER_TTL_MAX_S = 400 * DAY_S;
export const DEFAULT_OWNER_GRACE_DAYS = 30;

/**
 * docs/contract/webhooks.md#who-owns-a-booking, docs/platform.md#redis-keyspace: the ownership record lives until departure + grace days, never below 30 d,
 * never above 400 d. `departureAt` is 12go local time without zone; read as UTC (±14 h is noise against
 * a 30-day grace). Unknown departure → the floor after `now`+grace.
 */
export function ownerRecordTtlSeconds(
  departureAt: string | null | undefined,
  now: Date,
  graceDays = DEFAULT_OWNER_GRACE_DAYS,
): number {
  const m = departureAt ? /^(\d{4}-\d{2}-\d{2})[ T](\d{2}:\d{2})(?::(\d{2}))?/.exec(departureAt) : null;
  const departureMs = m ? Date.parse(`${m[1]}T${m[2]}:${m[3] ?? '00'}Z`) : NaN;
  const baseMs = Number.isFinite(departureMs) ? departureMs : now.getTime();
  const ttl = Math.ceil((baseMs - now.getTime()) / 1000) + graceDays * DAY_S;
  return Math.min(OWNER_TTL_MAX_S, Math.max(OWNER_TTL_MIN_S, ttl));
}
