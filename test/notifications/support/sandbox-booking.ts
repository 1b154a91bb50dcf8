/**
 * Creates bookings directly at the 12go sandbox (its 12go API, with the client's 12go key), the way the
 * BFF's funnel would: add to cart → checkout → reserve, then confirm. Scenario trips (docs/upstream-12go.md#scenario-trips)
 * make the outcome deterministic.
 */

export type Scenario = 'OKINST' | 'OKPEND' | 'OPCANC';
const SCENARIO_TIME: Record<Scenario, string> = {
  OKINST: '05-00-00',
  OKPEND: '05-30-00',
  OPCANC: '16-00-00',
};
const SCENARIO_TRIP_PREFIX = 'TH02lb02lc2Bhb0xbZ';

/** A date `daysAhead` days after today in UTC+7 (the sandbox's "today"). */
export function sandboxDate(daysAhead: number): string {
  return new Date(Date.now() + 7 * 3_600_000 + daysAhead * 86_400_000).toISOString().slice(0, 10);
}

async function call<T>(
  base: string,
  method: string,
  path: string,
  apiKey: string,
  body?: unknown,
): Promise<T> {
  const sep = path.includes('?') ? '&' : '?';
  const res = await fetch(`${base}${path}${sep}k=${encodeURIComponent(apiKey)}`, {
    method,
    headers: body === undefined ? {} : { 'content-type': 'application/json' },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const text = await res.text();
  if (!res.ok) throw new Error(`${method} ${path} → ${res.status} ${text.slice(0, 300)}`);
  return JSON.parse(text) as T;
}

interface FormField {
  type: string;
  required?: boolean;
  value?: unknown;
  options?: { value: string | null; values?: { value: string | null }[] }[];
}

function optionValues(field: FormField): string[] {
  const out: string[] = [];
  for (const o of field.options ?? []) {
    if (o.value !== null && o.value !== undefined) out.push(o.value);
    for (const v of o.values ?? []) if (v.value !== null && v.value !== undefined) out.push(v.value);
  }
  return out;
}

const BY_NAME: [RegExp, string | boolean][] = [
  [/contact\[mobile\]$/, '+66812345678'],
  [/contact\[email\]$/, 'traveller@example.com'],
  [/\[first_name\]$/, 'John'],
  [/\[last_name\]$/, 'Doe'],
  [/\[middle_name\]$/, 'Q'],
  [/\[country_id\]$/, 'TH'],
  [/\[gender\]$/, 'M'],
  [/\[id_type\]$/, '0'],
  [/\[id_no\]$/, 'AB123456'],
  [/\[dob\]$/, '1990-01-31'],
  [/\[id_exp_date\]$/, '2035-01-31'],
  [/\[id_issue_date\]$/, '2020-01-31'],
  [/\[is_child\]$/, false],
];

/** A reserve body filling every required field of the checkout form (one passenger). */
export function reserveBodyFor(
  checkout: Record<string, FormField>,
  seats: number,
): Record<string, string | number | boolean> {
  const body: Record<string, string | number | boolean> = {};
  for (const [name, field] of Object.entries(checkout)) {
    if (name === 'seats') {
      body.seats = seats;
      continue;
    }
    if (!field.required) continue;
    const known = BY_NAME.find(([re]) => re.test(name));
    if (field.type === 'select') {
      const values = optionValues(field);
      body[name] = known && values.includes(String(known[1])) ? String(known[1]) : (values[0] ?? '');
    } else if (known) body[name] = known[1];
    else if (field.type === 'checkbox') body[name] = false;
    else if (field.type === 'date') body[name] = '2030-01-01';
    else body[name] = 'Sample';
  }
  return body;
}

export interface SandboxBooking {
  bid: string;
  apiKey: string;
  departure: string;
}

export async function createSandboxBooking(
  sandboxUrl: string,
  apiKey: string,
  scenario: Scenario = 'OKINST',
  daysAhead = 2,
): Promise<SandboxBooking> {
  const tripKey = `${SCENARIO_TRIP_PREFIX}${scenario}`;
  const date = sandboxDate(daysAhead);
  const cart = await call<string | { cart_id: string }>(
    sandboxUrl,
    'POST',
    `/cart/${tripKey}/${date}-${SCENARIO_TIME[scenario]}?seats=1`,
    apiKey,
  );
  const cartId = typeof cart === 'string' ? cart : cart.cart_id;
  const checkout = await call<Record<string, FormField>>(
    sandboxUrl,
    'GET',
    `/checkout/${cartId}?people=1`,
    apiKey,
  );
  const reserved = await call<{ bid: string | number }>(
    sandboxUrl,
    'POST',
    `/reserve/${cartId}`,
    apiKey,
    reserveBodyFor(checkout, 1),
  );
  return {
    bid: String(reserved.bid),
    apiKey,
    departure: `${date} ${SCENARIO_TIME[scenario].slice(0, 5).replace('-', ':')}:00`,
  };
}

export async function confirmSandboxBooking(sandboxUrl: string, booking: SandboxBooking): Promise<void> {
  await call(sandboxUrl, 'POST', `/confirm/${booking.bid}`, booking.apiKey);
}

export async function getSandboxBooking(
  sandboxUrl: string,
  booking: SandboxBooking,
): Promise<Record<string, unknown>> {
  return call(sandboxUrl, 'GET', `/booking/${booking.bid}`, booking.apiKey);
}
