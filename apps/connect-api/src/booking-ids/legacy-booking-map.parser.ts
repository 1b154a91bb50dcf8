import { parseCsv } from '../ids/csv-records';

/** A row of the legacy mapping file (docs/contract/ids.md#booking-ids). */
export interface LegacyBookingRow {
  legacyBookingId: string;
  bid: string;
  clientId: string;
}

export interface LegacyMapProblem {
  line: number;
  reason: string;
}

export interface LegacyBookingMapIndex {
  /** `(client_id, legacy_booking_id)` → bid. */
  forward: Map<string, string>;
  /** bid → first row holding it. */
  reverse: Map<string, LegacyBookingRow>;
  /** Rows skipped, with their 1-based line numbers (the other rows are still loaded). */
  errors: LegacyMapProblem[];
  /** Rows loaded but noteworthy (same bid on several rows: the first wins for the reverse index). */
  warnings: LegacyMapProblem[];
}

/** The file as a whole cannot be used (no or wrong header). */
export class LegacyBookingMapFileError extends Error {}

const COLUMNS = ['legacy_booking_id', 'bid', 'client_id'] as const;
const BID_RE = /^[0-9]{1,19}$/;
const MAX_LEGACY_ID = 512;

export function forwardKey(clientId: string, legacyBookingId: string): string {
  return `${clientId}\u0000${legacyBookingId}`;
}

/** Parses and indexes the mapping file's text. Throws `LegacyBookingMapFileError` only for a bad header. */
export function parseLegacyBookingMap(text: string): LegacyBookingMapIndex {
  const { records, errors: csvErrors } = parseCsv(text);
  const errors: LegacyMapProblem[] = [...csvErrors];
  const warnings: LegacyMapProblem[] = [];
  const forward = new Map<string, string>();
  const reverse = new Map<string, LegacyBookingRow>();
  const header = records.shift();
  if (!header)
    throw new LegacyBookingMapFileError('legacy booking map: empty file (a header row is required)');
  const names = header.fields.map((f) => f.trim().toLowerCase());
  const index = COLUMNS.map((c) => names.indexOf(c));
  if (index.some((i) => i < 0)) {
    throw new LegacyBookingMapFileError(
      `legacy booking map: header must name ${COLUMNS.join(',')} (line ${header.line})`,
    );
  }
  const forwardLine = new Map<string, number>();
  const reverseLine = new Map<string, number>();
  for (const { line, fields } of records) {
    if (fields.length !== names.length) {
      errors.push({ line, reason: `expected ${names.length} columns, got ${fields.length}` });
      continue;
    }
    const [legacyBookingId, rawBid, clientId] = index.map((i) => fields[i].trim());
    const empty = COLUMNS.filter((_, k) => [legacyBookingId, rawBid, clientId][k] === '');
    if (empty.length) {
      errors.push({ line, reason: `empty column ${empty.join(', ')}` });
      continue;
    }
    if (legacyBookingId.length > MAX_LEGACY_ID) {
      errors.push({ line, reason: `legacy_booking_id longer than ${MAX_LEGACY_ID} characters` });
      continue;
    }
    if (!BID_RE.test(rawBid) || /^0+$/.test(rawBid)) {
      errors.push({ line, reason: 'bid is not a positive integer' });
      continue;
    }
    const bid = rawBid.replace(/^0+/, '');
    const key = forwardKey(clientId, legacyBookingId);
    const firstLine = forwardLine.get(key);
    if (firstLine !== undefined) {
      errors.push({ line, reason: `duplicate (legacy_booking_id, client_id) of line ${firstLine}` });
      continue;
    }
    forward.set(key, bid);
    forwardLine.set(key, line);
    const seenAt = reverseLine.get(bid);
    if (seenAt !== undefined) {
      warnings.push({ line, reason: `bid also on line ${seenAt}; that row wins for notifications` });
      continue;
    }
    reverse.set(bid, { legacyBookingId, bid, clientId });
    reverseLine.set(bid, line);
  }
  return { forward, reverse, errors, warnings };
}
