import type { components } from '../generated/api';

type BookingData = components['schemas']['BookingData'];
type Passenger = components['schemas']['Passenger'];

/** The parts of a `booking_schema` this example reads (it is a JSON Schema; see the BookingSchema description). */
interface FieldSchema {
  type?: string;
  format?: string;
  enum?: unknown[];
  anyOf?: Array<{ const?: unknown }>;
  oneOf?: Array<{ const?: unknown }>;
  properties?: Record<string, FieldSchema>;
  required?: string[];
  items?: FieldSchema;
}

/** A traveller's value for one field, chosen from what the schema allows (a real client asks the traveller). */
function valueFor(name: string, field: FieldSchema, index: number): string | boolean {
  if (field.type === 'boolean') return false;
  const allowed = [...(field.anyOf ?? []), ...(field.oneOf ?? [])]
    .filter((o) => 'const' in o)
    .map((o) => o.const);
  allowed.push(...(field.enum ?? []));
  if (allowed.length > 0) return String(name === 'country_id' && allowed.includes('TH') ? 'TH' : allowed[0]);
  if (field.format === 'date')
    return name === 'dob' ? '1990-01-31' : name.includes('exp') ? '2035-06-30' : '2026-12-24';
  if (field.format === 'email') return 'traveller@example.com';
  if (name === 'first_name') return ['Anna', 'Bruno', 'Chiara'][index % 3];
  if (name === 'last_name') return 'Traveller';
  if (name === 'id_number') return `PX${4820000 + index * 7919}`;
  if (/time/.test(name)) return '14:35';
  return 'Hotel Riverside';
}

/** The first free seat of the schema's seat map, or undefined when the trip has none. */
export function firstFreeSeat(schema: components['schemas']['BookingSchema']): string | undefined {
  const seats = (schema as FieldSchema).properties?.seat_selection?.items?.anyOf ?? [];
  const seat = seats.find((o) => 'const' in o)?.const;
  return seat === undefined ? undefined : String(seat);
}

/** `booking_data` with every field the returned `booking_schema` requires, for `passengers` travellers. */
export function bookingDataFor(
  schema: components['schemas']['BookingSchema'],
  passengers: number,
  seats: string[] = [],
): BookingData {
  const root = schema as FieldSchema;
  const props = root.properties ?? {};
  const data: BookingData = { passengers: [] };
  if (props.email) data.email = 'traveller@example.com';
  if (props.mobile_phone) data.mobile_phone = '+66812345678';
  if (seats.length > 0) data.seat_selection = seats;
  const passenger = props.passengers?.items ?? {};
  const required = new Set(passenger.required ?? []);
  for (let i = 0; i < passengers; i++) {
    const p: Record<string, string | boolean> = {};
    for (const [name, field] of Object.entries(passenger.properties ?? {}))
      if (required.has(name)) p[name] = valueFor(name, field, i);
    data.passengers.push(p as Passenger);
  }
  const additional = props.additional_fields;
  if (additional) {
    const requiredExtra = new Set(additional.required ?? []);
    data.additional_fields = {};
    for (const [name, field] of Object.entries(additional.properties ?? {}))
      if (requiredExtra.has(name)) data.additional_fields[name] = String(valueFor(name, field, 0));
  }
  return data;
}
