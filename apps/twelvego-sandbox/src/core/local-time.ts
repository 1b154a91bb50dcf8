/**
 * Wall-clock values (docs/upstream-12go.md#dates-and-money). A "naive" time is a local wall-clock time stored as if it were
 * UTC milliseconds, so formatting never shifts it. Instants are real epoch milliseconds.
 */

export const MINUTE_MS = 60_000;
export const HOUR_MS = 3_600_000;
export const DAY_MS = 86_400_000;

const pad = (n: number, w = 2): string => String(n).padStart(w, '0');

/** `yyyy-MM-dd` of a naive time. */
export function formatDate(naiveMs: number): string {
  const d = new Date(naiveMs);
  return `${d.getUTCFullYear()}-${pad(d.getUTCMonth() + 1)}-${pad(d.getUTCDate())}`;
}

/** `HH:mm` of a naive time. */
export function formatHourMinute(naiveMs: number): string {
  const d = new Date(naiveMs);
  return `${pad(d.getUTCHours())}:${pad(d.getUTCMinutes())}`;
}

/** `yyyy-MM-dd HH:mm:ss` (the sandbox's wall-clock string). */
export function formatDateTime(naiveMs: number): string {
  const d = new Date(naiveMs);
  return `${formatDate(naiveMs)} ${pad(d.getUTCHours())}:${pad(d.getUTCMinutes())}:${pad(d.getUTCSeconds())}`;
}

/** `yyyy-MM-dd-HH-mm-ss` (trip details / add-to-cart path). */
export function formatPathDateTime(naiveMs: number): string {
  return formatDateTime(naiveMs).replace(' ', '-').replace(/:/g, '-');
}

function build(y: number, mo: number, d: number, h = 0, mi = 0, s = 0): number | null {
  if (mo < 1 || mo > 12 || d < 1 || d > 31 || h > 23 || mi > 59 || s > 59) return null;
  const ms = Date.UTC(y, mo - 1, d, h, mi, s);
  const check = new Date(ms);
  if (check.getUTCFullYear() !== y || check.getUTCMonth() !== mo - 1 || check.getUTCDate() !== d) return null;
  return ms;
}

/** Parses `yyyy-MM-dd` strictly; null when malformed or not a calendar date. */
export function parseDate(text: string): number | null {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(text);
  return m ? build(+m[1], +m[2], +m[3]) : null;
}

/** Parses `yyyy-MM-dd-HH-mm-ss` strictly. */
export function parsePathDateTime(text: string): number | null {
  const m = /^(\d{4})-(\d{2})-(\d{2})-(\d{2})-(\d{2})-(\d{2})$/.exec(text);
  return m ? build(+m[1], +m[2], +m[3], +m[4], +m[5], +m[6]) : null;
}

/** Parses a body `godate`: `yyyy-MM-dd HH:mm:ss`, `yyyy-MM-ddTHH:mm:ss` or `yyyy-MM-dd-HH-mm-ss` (docs/upstream-12go.md#carts). */
export function parseGodate(text: string): number | null {
  const m = /^(\d{4})-(\d{2})-(\d{2})[ T-](\d{2})[:-](\d{2})(?:[:-](\d{2}))?$/.exec(text);
  return m ? build(+m[1], +m[2], +m[3], +m[4], +m[5], m[6] ? +m[6] : 0) : null;
}

/** `HH:mm` → minutes after midnight. */
export function minutesOfDay(hhmm: string): number {
  const [h, m] = hhmm.split(':').map(Number);
  return h * 60 + m;
}

/** Naive local time at a UTC offset (hours) → instant. */
export function naiveToInstant(naiveMs: number, utcOffsetHours: number): number {
  return naiveMs - utcOffsetHours * HOUR_MS;
}

/** Instant → naive local time at a UTC offset (hours). */
export function instantToNaive(instantMs: number, utcOffsetHours: number): number {
  return instantMs + utcOffsetHours * HOUR_MS;
}

/** Truncates a naive time to whole seconds. */
export function wholeSeconds(ms: number): number {
  return Math.floor(ms / 1000) * 1000;
}
