import type { FieldSpec, OptionEntry, ParsedCheckout } from './checkout-schema.types';
import { FIXED_PASSENGER_FIELDS } from './field-classification';
import { isObject } from './seat-map.mapper';

/** docs/contract/booking-schema.md#booking-data-normalisation-and-validation codes. */
export type BookingFieldCode =
  | 'passenger_count_mismatch'
  | 'required'
  | 'type'
  | 'not_in_options'
  | 'pattern'
  | 'date_format'
  | 'format'
  | 'seat_unavailable'
  | 'duplicate_seat'
  | 'seat_count'
  | 'rejected_by_supplier';

export interface BookingFieldIssue {
  field: string;
  code: BookingFieldCode;
  message: string;
}

export type BookingValue = string | boolean;

/** Canonical booking data, keyed by client names, ready for the reserve body. */
export interface NormalisedBookingData {
  email?: string;
  mobilePhone?: string;
  autoAssignment?: boolean;
  seats: string[];
  /** Per passenger: client property name → canonical value (schema fields and forwarded fixed fields). */
  passengers: Array<Record<string, BookingValue>>;
  /** Additional-field name → canonical value. */
  additional: Record<string, BookingValue>;
}

export interface ValidationOutcome {
  issues: BookingFieldIssue[];
  data: NormalisedBookingData;
  /** Client properties dropped because the checkout has no 12go key for them (`booking_field_dropped`). */
  dropped: string[];
}

type Loose = Record<string, unknown>;

const EMAIL_RE = /^[^@\s]+@[^@\s]+\.[^@\s]+$/;

/**
 * Normalises `booking_data` (docs/contract/booking-schema.md#booking-data-normalisation-and-validation) and validates it against the re-parsed checkout (docs/contract/booking-schema.md#booking-data-normalisation-and-validation), collecting every
 * problem in the fixed order. `lockedSeats` (SeatLock) replace the request's `seat_selection`.
 * The input must already be structurally valid (objects/arrays where expected); that is a 400 elsewhere.
 */
export function validateBookingData(
  parsed: ParsedCheckout,
  bookingData: Loose,
  lockedSeats: string[] | null = null,
): ValidationOutcome {
  const issues: BookingFieldIssue[] = [];
  const dropped: string[] = [];
  const data: NormalisedBookingData = { seats: [], passengers: [], additional: {} };
  const push = (field: string, code: BookingFieldCode, message: string) =>
    issues.push({ field: `booking_data.${field}`, code, message });
  const passengers = Array.isArray(bookingData.passengers) ? (bookingData.passengers as unknown[]) : [];

  if (passengers.length !== parsed.seatCount) {
    push(
      'passengers',
      'passenger_count_mismatch',
      `Expected ${parsed.seatCount} passengers, got ${passengers.length}.`,
    );
  }

  const { fields } = parsed;
  if (fields.email) {
    const r = checkValue(fields.email, bookingData.email);
    if (r.code) push('email', r.code, message('email', r.code));
    else if (typeof r.value === 'string') data.email = r.value;
  }
  if (fields.mobile) {
    const r = checkValue(fields.mobile, bookingData.mobile_phone);
    if (r.code) push('mobile_phone', r.code, message('mobile_phone', r.code));
    else if (typeof r.value === 'string') data.mobilePhone = r.value;
  }

  let autoTrue = false;
  if (fields.autoAssignment) {
    const raw = bookingData.allow_automatic_seat_selection;
    if (!isAbsent(raw)) {
      const b = coerceBoolean(raw);
      if (b === undefined)
        push('allow_automatic_seat_selection', 'type', message('allow_automatic_seat_selection', 'type'));
      else {
        data.autoAssignment = b;
        autoTrue = b;
      }
    }
  } else if (!isAbsent(bookingData.allow_automatic_seat_selection)) {
    dropped.push('allow_automatic_seat_selection');
  }

  const requested =
    lockedSeats ?? (Array.isArray(bookingData.seat_selection) ? bookingData.seat_selection : []);
  const seats = (requested as unknown[]).map((s) => String(s).trim());
  if (fields.seatSelection) {
    const seen = new Set<string>();
    seats.forEach((seat, i) => {
      if (seen.has(seat)) {
        push(`seat_selection[${i}]`, 'duplicate_seat', `Seat ${seat} is selected twice.`);
        return;
      }
      seen.add(seat);
      if (parsed.availableSeats && !parsed.availableSeats.includes(seat)) {
        push(`seat_selection[${i}]`, 'seat_unavailable', `Seat ${seat} is not available.`);
      }
    });
    if (seats.length > 0) {
      const ok = autoTrue
        ? seats.length >= 1 && seats.length <= passengers.length
        : seats.length === passengers.length;
      if (!ok)
        push('seat_selection', 'seat_count', 'The number of seats does not match the number of passengers.');
    } else if (fields.seatSelection.required && !autoTrue) {
      push('seat_selection', 'required', message('seat_selection', 'required'));
    }
    data.seats = seats;
  } else if (seats.length > 0) {
    dropped.push('seat_selection');
  }

  const schemaNames = new Set(fields.passenger.map((f) => f.name));
  passengers.forEach((rawPassenger, i) => {
    const passenger: Loose = isObject(rawPassenger) ? rawPassenger : {};
    const out: Record<string, BookingValue> = {};
    for (const spec of fields.passenger) {
      const raw = spec.name === 'country_id' ? countryInput(passenger) : passenger[spec.name];
      const r = checkValue(spec, raw);
      if (r.code) push(`passengers[${i}].${spec.name}`, r.code, message(spec.name, r.code));
      else if (r.value !== undefined) out[spec.name] = r.value;
    }
    for (const name of Object.values(FIXED_PASSENGER_FIELDS)) {
      if (schemaNames.has(name)) continue;
      const raw = name === 'country_id' ? countryInput(passenger) : passenger[name];
      if (isAbsent(raw)) continue;
      if (name === 'is_child') {
        const b = coerceBoolean(raw);
        if (b === undefined) push(`passengers[${i}].is_child`, 'type', message('is_child', 'type'));
        else out.is_child = b;
        continue;
      }
      if (typeof raw !== 'string' && typeof raw !== 'number') {
        push(`passengers[${i}].${name}`, 'type', message(name, 'type'));
        continue;
      }
      out[name] = String(raw).trim();
    }
    if (!schemaNames.has('baggage_option') && !isAbsent(passenger.baggage_option)) {
      dropped.push(`passengers[${i}].baggage_option`);
    }
    data.passengers.push(out);
  });

  const additional: Loose = {
    ...(isObject(bookingData.upgrades) ? bookingData.upgrades : {}),
    ...(isObject(bookingData.additional_fields) ? bookingData.additional_fields : {}),
  };
  const additionalNames = new Set(fields.additional.map((f) => f.name));
  for (const name of Object.keys(additional))
    if (!additionalNames.has(name)) dropped.push(`additional_fields.${name}`);
  for (const spec of fields.additional) {
    const r = checkValue(spec, additional[spec.name]);
    if (r.code) push(`additional_fields.${spec.name}`, r.code, message(spec.name, r.code));
    else if (r.value !== undefined) data.additional[spec.name] = r.value;
  }

  return { issues, data, dropped };
}

/** `nationality` wins over `country_id` (docs/contract/booking-schema.md#booking-data-normalisation-and-validation); the effective value is upper-cased. */
function countryInput(passenger: Loose): unknown {
  const raw = !isAbsent(passenger.nationality) ? passenger.nationality : passenger.country_id;
  return typeof raw === 'string' ? raw.trim().toUpperCase() : raw;
}

export function isAbsent(v: unknown): boolean {
  return v === undefined || v === null || (typeof v === 'string' && v.trim() === '');
}

/** Booleans, "true"/"false"/"1"/"0" in any case, and 1/0 (docs/contract/booking-schema.md#booking-data-normalisation-and-validation). */
export function coerceBoolean(v: unknown): boolean | undefined {
  if (typeof v === 'boolean') return v;
  if (v === 1) return true;
  if (v === 0) return false;
  if (typeof v === 'string') {
    const s = v.trim().toLowerCase();
    if (s === 'true' || s === '1') return true;
    if (s === 'false' || s === '0') return false;
  }
  return undefined;
}

/** docs/contract/booking-schema.md#booking-data-normalisation-and-validation: exact value, then value ignoring case, then title ignoring case. */
export function resolveOption(options: OptionEntry[], input: string): string | undefined {
  const exact = options.find((o) => o.value === input);
  if (exact) return exact.value;
  const lower = input.toLowerCase();
  return (
    options.find((o) => o.value.toLowerCase() === lower)?.value ??
    options.find((o) => o.title.toLowerCase() === lower)?.value
  );
}

export function isCalendarDate(s: string): boolean {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(s);
  if (!m) return false;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const date = new Date(Date.UTC(y, mo - 1, d));
  return date.getUTCFullYear() === y && date.getUTCMonth() === mo - 1 && date.getUTCDate() === d;
}

/** One field, checks in the order required → type → options → date → format → pattern (docs/contract/booking-schema.md#booking-data-normalisation-and-validation). */
function checkValue(spec: FieldSpec, raw: unknown): { value?: BookingValue; code?: BookingFieldCode } {
  if (isAbsent(raw)) return spec.required ? { code: 'required' } : {};
  if (spec.valueType === 'boolean') {
    const b = coerceBoolean(raw);
    return b === undefined ? { code: 'type' } : { value: b };
  }
  if (typeof raw !== 'string' && typeof raw !== 'number') return { code: 'type' };
  const value = String(raw).trim();
  if (spec.options) {
    const resolved = resolveOption(spec.options, value);
    return resolved === undefined ? { code: 'not_in_options' } : { value: resolved };
  }
  if (spec.format === 'date' && !isCalendarDate(value)) return { code: 'date_format' };
  if (spec.format === 'email' && !EMAIL_RE.test(value)) return { code: 'format' };
  if (spec.patterns.length > 0 && !spec.patterns.some((p) => new RegExp(p, 'u').test(value))) {
    return { code: 'pattern' };
  }
  return { value };
}

function message(name: string, code: BookingFieldCode): string {
  switch (code) {
    case 'required':
      return `${name} is required.`;
    case 'type':
      return `${name} has the wrong type.`;
    case 'not_in_options':
      return `${name} is not one of the allowed values.`;
    case 'pattern':
      return `${name} has an invalid format.`;
    case 'date_format':
      return `${name} must be a date in YYYY-MM-DD form.`;
    case 'format':
      return `${name} is not a valid e-mail address.`;
    default:
      return `${name} is invalid.`;
  }
}
