/**
 * 12go wall-clock strings stay local (no time-zone shifting, docs/upstream-12go.md#dates-and-money).
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
  // 12go's usual form, checked without a regex (search maps several per trip).
  if (isPlainWallClock(value)) return { date: value.slice(0, 10), time: value.slice(11, 16) };
  const m = WALL_CLOCK_RE.exec(value.trim());
  return m ? { date: m[1], time: `${m[2]}:${m[3]}` } : null;
}

/** Exactly `yyyy-MM-dd HH:mm:ss` (or with `T`): what WALL_CLOCK_RE accepts, in its most common shape. */
function isPlainWallClock(v: string): boolean {
  if (v.length !== 19) return false;
  const sep = v.charCodeAt(10);
  if (v.charCodeAt(4) !== 45 || v.charCodeAt(7) !== 45 || (sep !== 32 && sep !== 84)) return false;
  if (v.charCodeAt(13) !== 58 || v.charCodeAt(16) !== 58) return false;
  for (const i of DIGIT_POSITIONS) {
    const c = v.charCodeAt(i);
    if (c < 48 || c > 57) return false;
  }
  return true;
}

const DIGIT_POSITIONS = [0, 1, 2, 3, 5, 6, 8, 9, 11, 12, 14, 15, 17, 18];

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
