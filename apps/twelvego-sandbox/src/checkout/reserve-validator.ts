import type { TwelveGoFormField, TwelveGoFormOption } from '@app/twelvego-client';
import { parseDate } from '../core/local-time';
import type { FieldSpec } from './checkout-fields';
import { pcreToRegExp } from './pcre';
import type { SeatMapState } from './seat-map';

/** Validation of a reserve body against the checkout fields (docs/upstream-12go.md#reserve body rules, docs/upstream-12go.md#checkout-field-sets). */

export type ReserveValue = string | number | boolean;

export interface ReserveExtra {
  field: string;
  passenger: number | null;
  value: string;
  amountThbCents: number;
}

export interface ValidReserve {
  passengers: Array<Record<string, ReserveValue>>;
  contact: Record<string, string>;
  other: Record<string, ReserveValue>;
  seatsAssigned: string[];
  extras: ReserveExtra[];
}

export type ReserveValidation =
  | { kind: 'bad_request'; fields: Record<string, string> }
  | { kind: 'invalid'; fields: Record<string, string> }
  | { kind: 'ok'; value: ValidReserve };

const BOOL_TRUE = new Set<unknown>([true, 'true', '1', 1]);
const BOOL_FALSE = new Set<unknown>([false, 'false', '0', 0]);

function flattenOptions(options: TwelveGoFormOption[] | undefined): string[] {
  const out: string[] = [];
  for (const o of options ?? []) {
    if (o.value !== null && o.value !== undefined) out.push(String(o.value));
    if (o.values) out.push(...flattenOptions(o.values));
  }
  return out;
}

const isBooleanField = (name: string, field: TwelveGoFormField): boolean =>
  field.type === 'checkbox' || /_allow_auto$/.test(name);

const titleOf = (name: string, field: TwelveGoFormField): string => field.title ?? name;

export interface ReserveInput {
  body: Record<string, unknown>;
  spec: FieldSpec;
  cartSeats: number;
  tripKey: string;
  seatMap: SeatMapState | null;
}

export function validateReserve({
  body,
  spec,
  cartSeats,
  tripKey,
  seatMap,
}: ReserveInput): ReserveValidation {
  const fields = spec.fields;
  const badTypes: Record<string, string> = {};
  const errors: Record<string, string> = {};
  const values = new Map<string, ReserveValue>();

  // 400: JSON types
  for (const [key, raw] of Object.entries(body)) {
    if (raw === null || raw === undefined) continue;
    if (typeof raw === 'object') {
      badTypes[key] = 'Must be a string, number or boolean';
      continue;
    }
    const field = fields[key];
    if (key === 'seats') {
      const n =
        typeof raw === 'number'
          ? raw
          : typeof raw === 'string' && /^\d+$/.test(raw.trim())
            ? Number(raw)
            : NaN;
      if (!Number.isInteger(n)) badTypes[key] = 'Must be an integer';
      else values.set(key, n);
      continue;
    }
    if (field && isBooleanField(key, field)) {
      if (BOOL_TRUE.has(raw)) values.set(key, true);
      else if (BOOL_FALSE.has(raw)) values.set(key, false);
      else badTypes[key] = 'Must be a boolean';
      continue;
    }
    values.set(key, typeof raw === 'string' ? raw : String(raw));
  }
  if (Object.keys(badTypes).length) return { kind: 'bad_request', fields: badTypes };

  // 422: unknown fields (the per-passenger keys every integration sends are tolerated, see below)
  for (const key of values.keys())
    if (!fields[key] && !isAlwaysSentPassengerKey(key, cartSeats)) errors[key] = 'Unknown field';

  // 422: each field
  const seatField = `selected_seats_${tripKey}`;
  for (const [name, field] of Object.entries(fields)) {
    if (name === seatField || name === `${seatField}_allow_auto`) continue;
    const value = values.get(name);
    const empty = value === undefined || value === '';
    if (empty) {
      if (field.required) errors[name] = `${titleOf(name, field)} is required`;
      continue;
    }
    if (name === 'seats') {
      if (value !== cartSeats) errors[name] = `Number of passengers must be ${cartSeats}`;
      continue;
    }
    if (isBooleanField(name, field)) continue;
    const text = String(value);
    if (field.type === 'select' && !flattenOptions(field.options).includes(text)) {
      errors[name] = `Invalid option for ${titleOf(name, field)}`;
      continue;
    }
    if (field.type === 'date' && parseDate(text) === null) {
      errors[name] = `${titleOf(name, field)} must be a date (yyyy-MM-dd)`;
      continue;
    }
    if (field.regexp?.length) {
      const ok = field.regexp.some((p) => pcreToRegExp(p)?.test(text) ?? true);
      if (!ok)
        errors[name] =
          name === 'contact[email]' ? 'Invalid e-mail address' : `Invalid ${titleOf(name, field)}`;
    }
  }

  // seats selection
  let seatsAssigned: string[] = [];
  const extras: ReserveExtra[] = [];
  if (fields[seatField] && seatMap) {
    const requested = values.get(seatField);
    const allowAuto = values.get(`${seatField}_allow_auto`);
    const list =
      typeof requested === 'string' && requested.trim() !== ''
        ? requested
            .split(',')
            .map((s) => s.trim())
            .filter(Boolean)
        : [];
    if (list.length === 0) {
      if (allowAuto === false && fields[seatField].required) errors[seatField] = 'Seat selection is required';
      else {
        // auto-assignment: cheapest free seats first, in layout order
        seatsAssigned = seatMap.layout.seats
          .filter((s) => !seatMap.booked.has(s.id))
          .sort((a, b) => a.surchargeThbCents - b.surchargeThbCents)
          .slice(0, cartSeats)
          .map((s) => s.id);
      }
    } else if (list.length !== cartSeats || new Set(list).size !== list.length) {
      errors[seatField] = `Select exactly ${cartSeats} seat(s)`;
    } else {
      const unavailable = list.find(
        (id) => !seatMap.layout.seats.some((s) => s.id === id) || seatMap.booked.has(id),
      );
      if (unavailable) errors[seatField] = `Seat ${unavailable} is not available`;
      else seatsAssigned = list;
    }
    for (const id of seatsAssigned) {
      const seat = seatMap.layout.seats.find((s) => s.id === id);
      if (seat && seat.surchargeThbCents > 0)
        extras.push({ field: seatField, passenger: null, value: id, amountThbCents: seat.surchargeThbCents });
    }
  }

  if (Object.keys(errors).length) return { kind: 'invalid', fields: errors };

  // priced options (baggage per passenger; points/delivery per passenger × seats)
  for (const [name, options] of spec.priced) {
    const value = values.get(name);
    if (value === undefined || value === '') continue;
    const option = options.find((o) => o.value === String(value));
    if (!option?.priceThbCents) continue;
    const passengerMatch = /^passenger\[(\d+)\]/.exec(name);
    if (passengerMatch)
      extras.push({
        field: name,
        passenger: Number(passengerMatch[1]),
        value: option.value,
        amountThbCents: option.priceThbCents,
      });
    else
      extras.push({
        field: name,
        passenger: null,
        value: option.value,
        amountThbCents: option.priceThbCents * cartSeats,
      });
  }

  const passengers: Array<Record<string, ReserveValue>> = Array.from({ length: cartSeats }, () => ({}));
  const contact: Record<string, string> = {};
  const other: Record<string, ReserveValue> = {};
  for (const [key, value] of values) {
    const pm = /^passenger\[(\d+)\]\[([^\]]+)\]$/.exec(key);
    const cm = /^contact\[([^\]]+)\]$/.exec(key);
    if (pm && Number(pm[1]) < cartSeats) passengers[Number(pm[1])][pm[2]] = value;
    else if (cm) contact[cm[1]] = String(value);
    else other[key] = value;
  }
  return { kind: 'ok', value: { passengers, contact, other, seatsAssigned, extras } };
}

/**
 * `passenger[i][id_type]` and `passenger[i][is_child]` are sent on every reserve by 12go integrations
 * (docs/contract/booking-schema.md#booking-data-normalisation-and-validation: "Always sent"), also for trips whose form does not list them; 12go ignores them
 * there, so the sandbox accepts them for passengers 0..seats-1 instead of answering "Unknown field".
 */
function isAlwaysSentPassengerKey(key: string, cartSeats: number): boolean {
  const m = /^passenger\[(\d+)\]\[(id_type|is_child)\]$/.exec(key);
  return m !== null && Number(m[1]) < cartSeats;
}
