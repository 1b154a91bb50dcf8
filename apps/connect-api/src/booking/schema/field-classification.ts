/**
 * Ordered classification of 12go checkout keys (docs/contract/booking-schema.md#checkout-keys). Pure; the first match wins.
 */
export type FieldKind =
  | 'seat_selection'
  | 'seat_auto_assignment'
  | 'baggage'
  | 'pickup_point'
  | 'dropoff_point'
  | 'pickup_text'
  | 'dropoff_text'
  | 'current_city'
  | 'flight_arrival_time'
  | 'flight_departure_time'
  | 'flight_number'
  | 'airline'
  | 'drop_off_point'
  | 'point'
  | 'luggage_count'
  | 'additional_information'
  | 'address'
  | 'car_number'
  | 'points'
  | 'delivery_address'
  | 'hotel_checkin_date'
  | 'delivery'
  | 'unknown';

/** 12go passenger sub-key → client property name (docs/contract/booking-schema.md#checkout-keys). */
export const FIXED_PASSENGER_FIELDS: Readonly<Record<string, string>> = {
  first_name: 'first_name',
  last_name: 'last_name',
  middle_name: 'middle_name',
  title: 'title',
  gender: 'gender',
  dob: 'dob',
  is_child: 'is_child',
  country_id: 'country_id',
  id_type: 'id_type',
  id_no: 'id_number',
  id_issue_date: 'id_issue_date',
  id_exp_date: 'id_expiry_date',
  id_scan: 'id_scan',
  seattype_code: 'seat_type_code',
  visa_type: 'visa_type',
  visa_reason: 'visa_reason',
};

export type KeyClass =
  | { rule: 'seats' }
  | { rule: 'mobile' }
  | { rule: 'email' }
  | { rule: 'seat_auto_assignment' }
  | { rule: 'seat_selection' }
  | { rule: 'baggage' }
  | { rule: 'other_passenger' }
  | { rule: 'fixed_passenger'; clientName: string }
  | { rule: 'extra_passenger'; sub: string }
  | { rule: 'points' | 'delivery'; name: string; kind: FieldKind }
  | { rule: 'other'; name: string };

/** Which of the "first key only" rules (4, 5, 6) have already been used in this checkout. */
export interface FirstKeyState {
  autoAssignment: boolean;
  seatSelection: boolean;
  baggage: boolean;
}

const FIXED_RE = new RegExp(`^passenger\\[0\\]\\[(${Object.keys(FIXED_PASSENGER_FIELDS).join('|')})\\]$`);

export function classifyKey(key: string, used: FirstKeyState): KeyClass {
  if (/^seats$/.test(key)) return { rule: 'seats' };
  if (/^contact\[mobile\]$/.test(key)) return { rule: 'mobile' };
  if (/^contact\[email\]$/.test(key)) return { rule: 'email' };
  if (!used.autoAssignment && /^selected_seats_(.+)_allow_auto$/.test(key))
    return { rule: 'seat_auto_assignment' };
  if (!used.seatSelection && /^selected_seats_(.+)$/.test(key) && !key.endsWith('_allow_auto')) {
    return { rule: 'seat_selection' };
  }
  if (!used.baggage && /^passenger\[0\]\[baggage_([^[\]]+)\]$/.test(key)) return { rule: 'baggage' };
  if (/^passenger\[[1-9][0-9]*\]\[/.test(key)) return { rule: 'other_passenger' };
  const fixed = FIXED_RE.exec(key);
  if (fixed) return { rule: 'fixed_passenger', clientName: FIXED_PASSENGER_FIELDS[fixed[1]] };
  const extra = /^passenger\[0\]\[([^[\]]+)\]$/.exec(key);
  if (extra) return { rule: 'extra_passenger', sub: extra[1] };
  const points = /^points\[([^[\]]+)\]((?:\[[^[\]]+\])*)$/.exec(key) ?? underscorePoints(key);
  if (points) return dynamicGroup('points', points[2]);
  const delivery = /^delivery\[([^[\]]+)\]((?:\[[^[\]]+\])*)$/.exec(key);
  if (delivery) return dynamicGroup('delivery', delivery[2]);
  return { rule: 'other', name: sanitize(key) };
}

/**
 * `points_{T}[pickup]` — the underscore style docs/upstream-12go.md#checkout says also occurs (sandbox scenario PTSALT).
 * Not in docs/contract/booking-schema.md's table; treated like rule 10 so the trip key stays out of the client name.
 */
function underscorePoints(key: string): RegExpExecArray | null {
  return /^points_([A-Za-z0-9]+)((?:\[[^[\]]+\])+)$/.exec(key);
}

function dynamicGroup(head: 'points' | 'delivery', rest: string): KeyClass {
  const segments = rest === '' ? [] : rest.slice(1, -1).split('][');
  const sub = segments.map((s) => s.toLowerCase()).join('_');
  const kind = head === 'points' ? pointsKind(sub) : deliveryKind(sub);
  return { rule: head, name: sanitize([head, ...segments].join('_')), kind };
}

export function pointsKind(sub: string): FieldKind {
  if (sub === 'pickup') return 'pickup_point';
  if (sub === 'dropoff') return 'dropoff_point';
  if (/pickup.*text/.test(sub)) return 'pickup_text';
  if (/dropoff.*text/.test(sub)) return 'dropoff_text';
  if (/current.*city/.test(sub)) return 'current_city';
  if (/flight.*arr.*time/.test(sub)) return 'flight_arrival_time';
  if (/flight.*dep.*time/.test(sub)) return 'flight_departure_time';
  if (/flight.*no/.test(sub)) return 'flight_number';
  if (/airline/.test(sub)) return 'airline';
  if (/drop.*off.*point/.test(sub)) return 'drop_off_point';
  if (sub === 'point') return 'point';
  if (/number.*luggage/.test(sub)) return 'luggage_count';
  if (/additional.*info/.test(sub)) return 'additional_information';
  if (/address/.test(sub)) return 'address';
  if (/car.*number/.test(sub)) return 'car_number';
  return 'points';
}

export function deliveryKind(sub: string): FieldKind {
  if (/address/.test(sub)) return 'delivery_address';
  if (/hotel.*checkin/.test(sub)) return 'hotel_checkin_date';
  return 'delivery';
}

/** docs/contract/booking-schema.md#checkout-keys sanitize(). */
export function sanitize(s: string): string {
  const out = s
    .toLowerCase()
    .split('][')
    .join('_')
    .replace(/\[/g, '_')
    .replace(/\]/g, '')
    .replace(/[^a-z0-9_]/g, '_')
    .replace(/_+/g, '_')
    .replace(/^_+|_+$/g, '');
  return out === '' ? 'field' : out;
}

/** Smallest suffix ≥ 1 that makes `name` unique (docs/contract/booking-schema.md#checkout-keys); adds the result to `taken`. */
export function uniqueName(name: string, taken: Set<string>): string {
  let candidate = name;
  for (let n = 1; taken.has(candidate); n++) candidate = `${name}${n}`;
  taken.add(candidate);
  return candidate;
}
