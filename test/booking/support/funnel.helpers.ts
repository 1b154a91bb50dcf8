/* eslint-disable @typescript-eslint/no-explicit-any -- JSON documents of the spec and the API are walked dynamically */
import type { TestStack } from '../../support/stack';

/** Scenario trips of docs/upstream-12go.md#scenario-trips (route R16, 9001s → 9002s). */
export const SCENARIO_DEPARTURES: Record<string, string> = {
  OKINST: '05:00',
  OKPEND: '05:30',
  PENDFL: '06:00',
  SOLDOU: '06:30',
  LASTST: '07:00',
  GONE40: '07:30',
  CART40: '08:00',
  CHKBAD: '08:30',
  RSVTNA: '09:00',
  RSV500: '09:30',
  RSVPRC: '10:00',
  CNFSLO: '10:30',
  CNF500: '11:00',
  PRICUP: '12:30',
  ALLFLD: '13:00',
  PTSALT: '13:30',
  MALFRM: '15:30',
};

export const SCENARIO_TRIP_PREFIX = 'TH02lb02lc2Bhb0xbZ';

export interface Call {
  status: number;
  headers: Headers;
  body: any;
}

export class FunnelClient {
  constructor(
    readonly stack: TestStack,
    readonly clientId = 'demo',
    readonly apiKey = stack.demoKey,
  ) {}

  async request(
    method: string,
    path: string,
    body?: unknown,
    headers: Record<string, string> = {},
  ): Promise<Call> {
    const res = await fetch(`${this.stack.bffUrl}${path}`, {
      method,
      headers: {
        'x-api-key': this.apiKey,
        ...(body !== undefined ? { 'content-type': 'application/json' } : {}),
        ...headers,
      },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    const text = await res.text();
    let parsed: unknown = text;
    try {
      parsed = text ? JSON.parse(text) : undefined;
    } catch {
      /* keep text */
    }
    return { status: res.status, headers: res.headers, body: parsed };
  }

  itinerary(id: string, query = ''): Promise<Call> {
    return this.request('GET', `/v1/${this.clientId}/itineraries/${encodeURIComponent(id)}${query}`);
  }

  book(payload: unknown): Promise<Call> {
    return this.request('POST', `/v1/${this.clientId}/bookings`, payload);
  }

  confirm(bookingId: string): Promise<Call> {
    return this.request('POST', `/v1/${this.clientId}/bookings/${bookingId}/confirm`);
  }

  lockSeats(token: string, seats: string[]): Promise<Call> {
    return this.request('POST', `/v1/${this.clientId}/seats`, {
      booking_token: token,
      booking_data: { seat_selection: seats },
    });
  }

  details(bookingId: string): Promise<Call> {
    return this.request('GET', `/v1/${this.clientId}/bookings/${bookingId}`);
  }
}

/** A travel date ≥ 2 days ahead in the sandbox's calendar (UTC+7), so the sales cut-off never interferes. */
export async function travelDate(stack: TestStack, daysAhead = 3): Promise<string> {
  const res = await stack.sandboxAdmin('/clock');
  const { now } = (await res.json()) as { now: string };
  const t = new Date(new Date(now).getTime() + 7 * 3600_000 + daysAhead * 86_400_000);
  return t.toISOString().slice(0, 10);
}

export function scenarioItineraryId(
  code: keyof typeof SCENARIO_DEPARTURES | string,
  date: string,
  pax = 1,
): string {
  const id = `${SCENARIO_TRIP_PREFIX}${code}-${date}-${SCENARIO_DEPARTURES[code]}`;
  return pax >= 2 ? `${id}~${pax}` : id;
}

export interface FillOptions {
  lastNames?: string[];
  firstNames?: string[];
  /** Seat ids to send; default none. */
  seats?: string[];
  autoSeats?: boolean;
  /** Fill optional fields too (default: required ones plus selects with options). */
  everything?: boolean;
}

const NAME_POOL = ['Anna', 'Bruno', 'Chiara', 'Dmitri', 'Elif'];

/** A valid `booking_data` for a booking schema, built only from what the schema says. */
export function fillBookingData(schema: any, pax: number, opts: FillOptions = {}): Record<string, any> {
  const props = schema.properties ?? {};
  const data: Record<string, any> = {};
  if (props.email) data.email = 'traveller.e2e@example.com';
  if (props.mobile_phone) data.mobile_phone = '+66812345678';
  if (opts.seats) data.seat_selection = opts.seats;
  if (opts.autoSeats !== undefined && props.allow_automatic_seat_selection)
    data.allow_automatic_seat_selection = opts.autoSeats;
  const item = props.passengers.items;
  const required: string[] = item.required ?? [];
  data.passengers = Array.from({ length: pax }, (_, i) => {
    const p: Record<string, any> = {};
    for (const [name, prop] of Object.entries<any>(item.properties ?? {})) {
      if (!required.includes(name) && !opts.everything) continue;
      p[name] = sampleValue(name, prop, i, opts);
    }
    return p;
  });
  const additional = props.additional_fields;
  if (additional) {
    const req: string[] = additional.required ?? [];
    data.additional_fields = {};
    for (const [name, prop] of Object.entries<any>(additional.properties ?? {})) {
      if (!req.includes(name) && !opts.everything) continue;
      data.additional_fields[name] = sampleValue(name, prop, 0, opts);
    }
  }
  return data;
}

function sampleValue(name: string, prop: any, i: number, opts: FillOptions): any {
  if (prop.type === 'boolean') return false;
  const consts = (prop.anyOf ?? []).filter((o: any) => 'const' in o).map((o: any) => o.const);
  if (consts.length > 0) {
    if (name === 'country_id' && consts.includes('TH')) return 'TH';
    return consts[0];
  }
  if (prop.format === 'date')
    return name === 'dob' ? '1990-01-31' : name.includes('exp') ? '2035-06-30' : '2026-12-24';
  if (name === 'first_name') return opts.firstNames?.[i] ?? NAME_POOL[i % NAME_POOL.length];
  if (name === 'last_name') return opts.lastNames?.[i] ?? 'Traveller';
  if (name === 'middle_name') return 'Lee';
  if (name === 'id_number') return `PX${String(4820000 + i * 7919)}`;
  if (name === 'id_scan') return Buffer.from('scan').toString('base64');
  if (/flight.*(arr|dep).*time|time/.test(name)) return '14:35';
  if (/flight_no|flight_number/.test(name)) return 'TG 203';
  if (/luggage/.test(name)) return '2';
  if (/airline/.test(name)) return 'Thai Airways';
  return 'Hotel Riverside';
}

/** Latest sandbox requests (method, path, body) — what the BFF actually sent upstream. */
export async function sandboxRequests(stack: TestStack): Promise<any[]> {
  const res = await stack.sandboxAdmin('/requests');
  const body = (await res.json()) as any;
  return Array.isArray(body) ? body : (body.requests ?? []);
}

export async function lastReserveBody(stack: TestStack): Promise<Record<string, unknown>> {
  const reserves = (await sandboxRequests(stack)).filter(
    (r) => r.method === 'POST' && String(r.path).startsWith('/reserve/'),
  );
  return reserves[reserves.length - 1]?.body;
}

export async function addFault(stack: TestStack, rule: unknown): Promise<string> {
  const res = await stack.sandboxAdmin('/faults', {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(rule),
  });
  const body = (await res.json()) as any;
  return body.id;
}

export async function clearFaults(stack: TestStack): Promise<void> {
  await stack.sandboxAdmin('/faults', { method: 'DELETE' });
}

export async function waitFor<T>(
  probe: () => Promise<T | undefined>,
  timeoutMs = 10_000,
  stepMs = 100,
): Promise<T> {
  const until = Date.now() + timeoutMs;
  for (;;) {
    const v = await probe();
    if (v !== undefined) return v;
    if (Date.now() > until) throw new Error('waitFor: timed out');
    await new Promise((r) => setTimeout(r, stepMs));
  }
}

/** The sequence number of the latest request the sandbox logged (0 when none). */
export async function requestMark(stack: TestStack): Promise<number> {
  return (await sandboxRequests(stack)).reduce((max, r) => Math.max(max, Number(r.seq) || 0), 0);
}

/** Reserve calls (`POST /reserve/{cartId}`) the sandbox received after `mark`. */
export async function reservesSince(stack: TestStack, mark: number): Promise<any[]> {
  return (await sandboxRequests(stack)).filter(
    (r) => Number(r.seq) > mark && r.method === 'POST' && String(r.path).startsWith('/reserve/'),
  );
}
