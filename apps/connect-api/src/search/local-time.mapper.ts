/**
 * 12go wall-clock strings stay local (no time-zone shifting, twelvego-api.md §0.5).
 */
const WALL_CLOCK_RE = /^(\d{4}-\d{2}-\d{2})[ T](\d{2}):(\d{2})(?::\d{2}(?:\.\d+)?)?$/;

export interface LocalDateTimeParts {
  date: string;
  /** `HH:mm` */
  time: string;
}

/** `2026-04-01 18:57:00` (or `…T18:57:00`, `…18:57`) → `{ date: '2026-04-01', time: '18:57' }`; null if malformed. */
export function parseWallClock(value: string | null | undefined): LocalDateTimeParts | null {
  if (!value) return null;
  const m = WALL_CLOCK_RE.exec(value.trim());
  return m ? { date: m[1], time: `${m[2]}:${m[3]}` } : null;
}

/** The contract's local date-time without seconds: `2026-04-01T18:57`. */
export function toLocalMinutes(value: string): string | null {
  const parts = parseWallClock(value);
  return parts ? `${parts.date}T${parts.time}` : null;
}

/** Minutes → `PT{h}H{m}M` with zero parts dropped (`PT45M`, `PT48H`, `PT26H5M`); 0 → `PT0M`. */
export function isoDurationFromMinutes(totalMinutes: number): string {
  const minutes = Math.max(0, Math.round(totalMinutes));
  const h = Math.floor(minutes / 60);
  const m = minutes % 60;
  if (h === 0) return `PT${m}M`;
  return m === 0 ? `PT${h}H` : `PT${h}H${m}M`;
}

/** Whole minutes from `earlier` to `later`, both wall-clock strings of the same station; null if unparseable. */
export function minutesBetween(earlier: string, later: string): number | null {
  const a = parseWallClock(earlier);
  const b = parseWallClock(later);
  if (!a || !b) return null;
  const toMs = (p: LocalDateTimeParts) => Date.parse(`${p.date}T${p.time}:00Z`);
  return Math.round((toMs(b) - toMs(a)) / 60_000);
}
