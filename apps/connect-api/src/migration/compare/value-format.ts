// Direct module imports: the engine also runs in a worker thread, without the Nest modules of the barrels.
import { decodeItineraryId } from '../../ids/itinerary-id';
import { minorUnitsOf } from '../../pricing/currency-minor-units';

/**
 * Format classes of string values: two answers differ in format when the same field falls into different
 * classes (e.g. a local date-time with seconds where the baseline has none). Free text is one class, so
 * different words never count as a format difference.
 */
const DATE_TIME_CLASSES: Array<[string, RegExp]> = [
  ['local-datetime-minutes', /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}$/],
  ['local-datetime-seconds', /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(?:\.\d+)?$/],
  ['utc-datetime', /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?(?:Z|[+-]\d{2}:\d{2})$/],
  ['date', /^\d{4}-\d{2}-\d{2}$/],
  [
    'iso-duration',
    /^P(?=\d|T\d)(?:\d+Y)?(?:\d+M)?(?:\d+W)?(?:\d+D)?(?:T(?=\d)(?:\d+H)?(?:\d+M)?(?:\d+(?:\.\d+)?S)?)?$/,
  ],
];

const ID_CLASSES: Array<[string, RegExp]> = [
  ['id:digits', /^\d+$/],
  ['id:uuid', /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i],
  [
    'id:segment',
    /^[A-Za-z0-9]+-[A-Za-z0-9]+-[A-Za-z0-9]+-\d{4}-\d{2}-\d{2}T\d{2}:\d{2}-\d{4}-\d{2}-\d{2}T\d{2}:\d{2}-[A-Za-z0-9]+$/,
  ],
  ['id:vehicle', /^[A-Za-z0-9]+-[A-Za-z]+$/],
  ['id:token', /^[A-Za-z0-9_-]+$/],
];

const DECIMAL = /^-?\d+(?:\.(\d+))?$/;

/** Leaf keys that hold identifiers (their shape is compared, not their text). */
export function isIdKey(key: string): boolean {
  return key === 'id' || key.endsWith('_id') || key.endsWith('_ids') || key === 'departure_segments';
}

export interface FormatContext {
  /** Normalised path of the value. */
  path: string;
  /** The last object key on the path (array items inherit their array's key). */
  key: string;
  /** The object holding the value (for an amount: its `currency`). */
  parent?: Record<string, unknown>;
}

const NATIVE_ITINERARY_ID = /^[A-Za-z0-9]+-\d{4}-\d{2}-\d{2}-\d{2}:\d{2}(?:~\d{1,3})?$/;

function itineraryIdClass(value: string): string {
  // The common case without the full decoder (which tries every KLV form).
  if (NATIVE_ITINERARY_ID.test(value)) return 'itinerary-id:native';
  const decoded = decodeItineraryId(value);
  return decoded.ok ? `itinerary-id:${decoded.value.form}` : 'itinerary-id:unknown';
}

function amountClass(value: string, parent?: Record<string, unknown>): string {
  const m = DECIMAL.exec(value);
  if (!m) return 'text';
  const digits = m[1]?.length ?? 0;
  const currency = typeof parent?.currency === 'string' ? parent.currency : undefined;
  if (!currency) return `decimal-${digits}dp`;
  const wanted = minorUnitsOf(currency);
  return digits === wanted ? 'amount:currency-digits' : `amount:${digits}dp-for-${wanted}dp-currency`;
}

/** The format class of a string value at a place in a document. */
export function formatClassOf(value: string, ctx: FormatContext): string {
  if (ctx.key === 'amount') return amountClass(value, ctx.parent);
  if (ctx.path === 'itineraries[].id' || ctx.path === 'itinerary_id') return itineraryIdClass(value);
  for (const [name, re] of DATE_TIME_CLASSES) if (re.test(value)) return name;
  if (isIdKey(ctx.key)) {
    for (const [name, re] of ID_CLASSES) if (re.test(value)) return name;
    return 'id:other';
  }
  if (/^-?\d+\.\d+$/.test(value)) return `decimal-${value.split('.')[1].length}dp`;
  if (/^https?:\/\//.test(value)) return 'url';
  return 'text';
}

/** JSON type names used in type-change differences. */
export type JsonKind = 'null' | 'boolean' | 'number' | 'string' | 'array' | 'object';

export function jsonKindOf(value: unknown): JsonKind {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'array';
  const t = typeof value;
  if (t === 'boolean' || t === 'number' || t === 'string') return t;
  return 'object';
}
