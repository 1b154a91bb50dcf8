import type { TwelveGoReserveBody } from '@app/twelvego-client';
import type { ParsedCheckout } from './checkout-schema.types';
import type { NormalisedBookingData } from './booking-data.validator';

/** Fixed passenger block, rows a–p of docs/contract/booking-schema.md#reserve-body: [client name, 12go sub-key]. */
const PASSENGER_BLOCK: ReadonlyArray<readonly [string, string]> = [
  ['id_number', 'id_no'],
  ['id_type', 'id_type'],
  ['country_id', 'country_id'],
  ['first_name', 'first_name'],
  ['last_name', 'last_name'],
  ['middle_name', 'middle_name'],
  ['title', 'title'],
  ['gender', 'gender'],
  ['seat_type_code', 'seattype_code'],
  ['dob', 'dob'],
  ['is_child', 'is_child'],
  ['id_expiry_date', 'id_exp_date'],
  ['id_issue_date', 'id_issue_date'],
  ['id_scan', 'id_scan'],
  ['visa_type', 'visa_type'],
  ['visa_reason', 'visa_reason'],
];
const FIXED_CLIENT_NAMES = new Set(PASSENGER_BLOCK.map(([name]) => name));

/** docs/contract/booking-schema.md#reserve-body: `passenger[0][…]` template → `passenger[i][…]`, the rest of the key byte for byte. */
export function reindexPassengerKey(key: string, index: number): string {
  return key.replace(/^passenger\[0\]/, `passenger[${index}]`);
}

/** Validated booking data → 12go reserve body, keys in the docs/contract/booking-schema.md#reserve-body order. */
export function buildReserveBody(parsed: ParsedCheckout, data: NormalisedBookingData): TwelveGoReserveBody {
  const body: TwelveGoReserveBody = {};
  const { fieldMap, fields } = parsed;
  if (fieldMap.mobile_phone && data.mobilePhone !== undefined) body[fieldMap.mobile_phone] = data.mobilePhone;
  if (fieldMap.email && data.email !== undefined) body[fieldMap.email] = data.email;
  body.seats = data.passengers.length;
  if (fields.autoAssignment && data.autoAssignment !== undefined)
    body[fields.autoAssignment.key] = data.autoAssignment;
  if (fields.seatSelection && data.seats.length > 0) body[fields.seatSelection.key] = data.seats.join(',');
  for (const spec of fields.additional) {
    const value = data.additional[spec.name];
    if (value !== undefined) body[spec.key] = value;
  }
  const passengerHidden: Array<[string, string | number | boolean]> = [];
  for (const [key, value] of Object.entries(parsed.hiddenValues)) {
    if (key.startsWith('passenger[0]')) passengerHidden.push([key, value]);
    else body[key] = value;
  }

  const baggage = fields.passenger.find((f) => f.name === 'baggage_option');
  const extras = fields.passenger.filter(
    (f) => f.name !== 'baggage_option' && !FIXED_CLIENT_NAMES.has(f.name),
  );
  data.passengers.forEach((passenger, i) => {
    const p = `passenger[${i}]`;
    for (const [name, sub] of PASSENGER_BLOCK) {
      let value = passenger[name];
      if (value === undefined && name === 'id_type') value = '0';
      if (value === undefined && name === 'is_child') value = false;
      if (value !== undefined) body[`${p}[${sub}]`] = value;
    }
    if (baggage && passenger.baggage_option !== undefined) {
      body[reindexPassengerKey(baggage.key, i)] = passenger.baggage_option;
    }
    for (const spec of extras) {
      const value = passenger[spec.name];
      if (value !== undefined) body[reindexPassengerKey(spec.key, i)] = value;
    }
    for (const [key, value] of passengerHidden) body[reindexPassengerKey(key, i)] = value;
  });
  return body;
}
