/* global Buffer */
'use strict';
/**
 * A valid `booking_data` for the `booking_schema` GetItinerary returned, built only from what the schema
 * says (required fields, their formats and allowed values). Used by funnel.http; a partner's own client
 * does the same with real traveller data.
 */
function sample(name, prop, index) {
  if (prop.type === 'boolean') return false;
  const allowed = [...(prop.anyOf ?? []), ...(prop.oneOf ?? [])]
    .filter((o) => 'const' in o)
    .map((o) => o.const);
  if (prop.enum) allowed.push(...prop.enum);
  if (allowed.length > 0) return name === 'country_id' && allowed.includes('TH') ? 'TH' : allowed[0];
  if (prop.format === 'date')
    return name === 'dob' ? '1990-01-31' : name.includes('exp') ? '2035-06-30' : '2026-12-24';
  if (prop.format === 'email') return 'traveller@example.com';
  if (name === 'first_name') return ['Anna', 'Bruno', 'Chiara'][index % 3];
  if (name === 'last_name') return 'Traveller';
  if (name === 'middle_name') return 'Lee';
  if (name === 'id_number') return `PX${4820000 + index * 7919}`;
  if (name === 'id_scan') return Buffer.from('scan').toString('base64');
  if (/time/.test(name)) return '14:35';
  if (/flight_no|flight_number/.test(name)) return 'TG 203';
  if (/luggage/.test(name)) return '2';
  if (/airline/.test(name)) return 'Thai Airways';
  return 'Hotel Riverside';
}

function requiredOf(object) {
  return new Set(object?.required ?? []);
}

function bookingData(schema, passengers, options = {}) {
  const props = schema.properties ?? {};
  const data = {};
  if (props.email) data.email = 'traveller@example.com';
  if (props.mobile_phone) data.mobile_phone = '+66812345678';
  if (options.seats) data.seat_selection = options.seats;
  const item = props.passengers.items;
  const required = requiredOf(item);
  data.passengers = Array.from({ length: passengers }, (_, i) => {
    const p = {};
    for (const [name, prop] of Object.entries(item.properties ?? {}))
      if (required.has(name))
        p[name] = name === 'last_name' && options.lastName ? options.lastName : sample(name, prop, i);
    return p;
  });
  const additional = props.additional_fields;
  if (additional) {
    const req = requiredOf(additional);
    data.additional_fields = {};
    for (const [name, prop] of Object.entries(additional.properties ?? {}))
      if (req.has(name)) data.additional_fields[name] = sample(name, prop, 0);
  }
  return data;
}

/** The first seat the schema offers, or undefined when the trip has no seat map. */
function firstFreeSeat(schema) {
  const options = schema.properties?.seat_selection?.items?.anyOf ?? [];
  return options.find((o) => 'const' in o)?.const;
}

/** A travel date `days` ahead (the sandbox sells up to 60 days ahead, not in the last hour). */
function travelDate(days = 3) {
  return new Date(Date.now() + days * 86_400_000).toISOString().slice(0, 10);
}

module.exports = { bookingData, firstFreeSeat, travelDate };
