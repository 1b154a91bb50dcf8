import type { TwelveGoBookingDetails, TwelveGoSearchResponse, TwelveGoTrip } from '@app/twelvego-client';

/**
 * Makes bookings directly through the sandbox's 12go API (docs/upstream-12go.md), as an agent with a
 * given 12go key — independent of the BFF's CreateBooking, so post-booking tests only exercise post-booking.
 */

type FormOption = { value: unknown; values?: FormOption[] };
type FormField = {
  type?: string;
  name?: string;
  required?: boolean;
  value?: unknown;
  options?: FormOption[];
};

/** First selectable value (options may be grouped: `{ value: null, values: [...] }`). */
function firstOption(options: FormOption[]): unknown {
  for (const o of options) {
    if (o.value !== null && o.value !== undefined && o.value !== '') return o.value;
    const nested = o.values ? firstOption(o.values) : undefined;
    if (nested !== undefined) return nested;
  }
  return undefined;
}

/** Scenario route R16 (docs/upstream-12go.md#scenario-trips): `TH02lb02lc2Bhb0xbZ` + code, one departure per code. */
export const SCENARIO_DEPARTURES = {
  OKINST: '05:00',
  OKPEND: '05:30',
  PENDFL: '06:00',
  NONREF: '14:00',
  RFDDLY: '14:30',
  RFDFAI: '15:00',
  OPCANC: '16:00',
} as const;
export type ScenarioCode = keyof typeof SCENARIO_DEPARTURES;

export interface TripRef {
  tripId: string;
  /** `yyyy-MM-dd-HH-mm-ss` */
  datetime: string;
}

export function scenarioTrip(code: ScenarioCode, date: string): TripRef {
  const [hh, mm] = SCENARIO_DEPARTURES[code].split(':');
  return { tripId: `TH02lb02lc2Bhb0xbZ${code}`, datetime: `${date}-${hh}-${mm}-00` };
}

export class SandboxAgent {
  constructor(
    readonly sandboxUrl: string,
    readonly apiKey: string,
  ) {}

  private url(path: string, query: Record<string, string | number> = {}): string {
    const qs = new URLSearchParams({
      ...Object.fromEntries(Object.entries(query).map(([k, v]) => [k, String(v)])),
      k: this.apiKey,
    });
    return `${this.sandboxUrl}${path}?${qs}`;
  }

  private async call<T>(
    method: string,
    path: string,
    query: Record<string, string | number> = {},
    body?: unknown,
  ): Promise<T> {
    const res = await fetch(this.url(path, query), {
      method,
      headers: body === undefined ? {} : { 'content-type': 'application/json' },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    const text = await res.text();
    if (!res.ok) throw new Error(`sandbox ${method} ${path} → ${res.status}: ${text.slice(0, 300)}`);
    return (text ? JSON.parse(text) : undefined) as T;
  }

  /** "Today" of the sandbox clock (UTC+7) plus `days`, as `yyyy-MM-dd`. */
  async date(days: number): Promise<string> {
    const res = await fetch(`${this.sandboxUrl}/__sandbox/health`);
    const { now } = (await res.json()) as { now: string };
    const local = new Date(Date.parse(now) + 7 * 3600_000 + days * 86_400_000);
    return local.toISOString().slice(0, 10);
  }

  /** First trip of a station-to-station search that satisfies `pick` (raw 12go trip objects). */
  async findTrip(
    from: number,
    to: number,
    date: string,
    pick: (trip: TwelveGoTrip) => boolean,
  ): Promise<TripRef> {
    const r = await this.call<TwelveGoSearchResponse>('GET', `/search/${from}s/${to}s/${date}`, {
      seats: 1,
      direct: 'true',
    });
    const trip = (r.trips ?? []).find(pick);
    if (!trip) throw new Error(`no matching trip ${from}→${to} on ${date}`);
    const dep = trip.params.dep_time;
    const m = /^(\d{4}-\d{2}-\d{2}) (\d{2}):(\d{2})/.exec(dep);
    if (!m) throw new Error(`trip without dep_time: ${JSON.stringify(trip).slice(0, 200)}`);
    return { tripId: trip.id, datetime: `${m[1]}-${m[2]}-${m[3]}-00` };
  }

  /** Add to cart → checkout → reserve with values valid for every sandbox form → `bid`. */
  async reserve(trip: TripRef, opts: { lastName?: string } = {}): Promise<string> {
    const cart = await this.call<string | { cart_id: string }>(
      'POST',
      `/cart/${trip.tripId}/${trip.datetime}`,
      { seats: 1 },
    );
    const cartId = typeof cart === 'string' ? cart : cart.cart_id;
    const form = await this.call<Record<string, FormField>>('GET', `/checkout/${cartId}`, { people: 1 });
    const body: Record<string, string | number | boolean> = {};
    for (const [name, field] of Object.entries(form)) {
      if (!field?.required) continue;
      body[name] = valueFor(name, field, opts.lastName ?? 'Tester');
    }
    body.seats = 1;
    const { bid } = await this.call<{ bid: string | number }>('POST', `/reserve/${cartId}`, {}, body);
    return String(bid);
  }

  async confirm(bid: string): Promise<void> {
    await this.call('POST', `/confirm/${bid}`);
  }

  async details(bid: string): Promise<TwelveGoBookingDetails> {
    return this.call('GET', `/booking/${bid}`);
  }
}

function valueFor(name: string, field: FormField, lastName: string): string | number | boolean {
  const option = field.options?.length ? firstOption(field.options) : undefined;
  if (option !== undefined) return option as string;
  if (field.type === 'checkbox') return true;
  if (name.endsWith('[mobile]')) return '+66812345678';
  if (name.endsWith('[email]')) return 'traveller@example.com';
  if (name.endsWith('[first_name]')) return 'Jane';
  if (name.endsWith('[last_name]')) return lastName;
  if (name.endsWith('[country_id]')) return 'TH';
  if (name.endsWith('[id_no]')) return 'AB123456';
  if (/\[(dob)\]$/.test(name)) return '1990-01-31';
  if (/_date\]$/.test(name)) return '2030-01-31';
  if (field.value !== undefined && field.value !== null && field.value !== '') return field.value as string;
  return 'Test';
}
