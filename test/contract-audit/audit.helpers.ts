/* eslint-disable @typescript-eslint/no-explicit-any -- JSON bodies of the API are walked dynamically */
import { openApiErrors } from '../contract/search-contract';
import type { TestStack } from '../support/stack';
import { ORDER } from './contract-key-order';

/**
 * Partner-side checks of docs/contract/README.md that the OpenAPI schema cannot express: headers (docs/contract/headers.md#tracing-headers, docs/contract/headers.md#response-headers), key
 * order (docs/contract/README.md#conventions), minor units (D5), id and time formats (docs/contract/README.md#conventions, docs/contract/ids.md#other-ids), the error envelope (docs/contract/errors.md).
 */

export const CURRENT_VERSION = '2023-07-01';
const UUID_V4 = /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/i;

export interface Call {
  method: string;
  path: string;
  status: number;
  headers: Headers;
  text: string;
  body: any;
  sent: Record<string, string>;
}

export class PartnerClient {
  constructor(
    readonly stack: TestStack,
    readonly clientId = 'demo',
    readonly apiKey: string = stack.demoKey,
  ) {}

  async request(
    method: string,
    path: string,
    opts: { body?: unknown; headers?: Record<string, string>; rawBody?: string } = {},
  ): Promise<Call> {
    const sent: Record<string, string> = {
      ...(this.apiKey ? { 'x-api-key': this.apiKey } : {}),
      ...(opts.body !== undefined ? { 'content-type': 'application/json' } : {}),
      ...opts.headers,
    };
    const full = path.startsWith('/') ? path : `/v1/${this.clientId}/${path}`;
    const res = await fetch(`${this.stack.bffUrl}${full}`, {
      method,
      headers: sent,
      body: opts.rawBody ?? (opts.body === undefined ? undefined : JSON.stringify(opts.body)),
    });
    const text = await res.text();
    let body: unknown = undefined;
    try {
      body = text ? JSON.parse(text) : undefined;
    } catch {
      body = text;
    }
    return { method, path: full, status: res.status, headers: res.headers, text, body, sent };
  }

  get(path: string, headers?: Record<string, string>): Promise<Call> {
    return this.request('GET', path, { headers });
  }

  post(path: string, body?: unknown, headers?: Record<string, string>): Promise<Call> {
    return this.request('POST', path, { body, headers });
  }
}

const MINOR_UNITS: Record<string, number> = Object.fromEntries([
  ...'BIF CLP DJF GNF ISK JPY KMF KRW PYG RWF UGX UYI VND VUV XAF XOF XPF'.split(' ').map((c) => [c, 0]),
  ...'BHD IQD JOD KWD LYD OMR TND'.split(' ').map((c) => [c, 3]),
  ['CLF', 4],
]);

/** D5: digits after the point = the currency's ISO 4217 exponent. */
export function minorUnitProblems(money: any, where: string): string[] {
  if (!money || typeof money !== 'object') return [`${where}: not a Money object`];
  const exp = MINOR_UNITS[money.currency] ?? 2;
  const re = exp === 0 ? /^[0-9]+$/ : new RegExp(`^[0-9]+\\.[0-9]{${exp}}$`);
  return re.test(String(money.amount)) && typeof money.amount === 'string'
    ? []
    : [`${where}: amount ${JSON.stringify(money.amount)} has not ${exp} decimals for ${money.currency}`];
}

/** docs/contract/README.md#conventions: the keys present must appear in the order of the spec's table. */
export function keyOrderProblems(obj: any, order: string[], where: string): string[] {
  if (!obj || typeof obj !== 'object') return [];
  const keys = Object.keys(obj);
  const unknown = keys.filter((k) => !order.includes(k));
  const known = keys.filter((k) => order.includes(k));
  const expected = [...known].sort((a, b) => order.indexOf(a) - order.indexOf(b));
  const problems: string[] = [];
  if (unknown.length) problems.push(`${where}: keys not in the contract ${unknown.join(',')}`);
  if (known.join(',') !== expected.join(','))
    problems.push(`${where}: key order ${known.join(',')} ≠ ${expected.join(',')}`);
  return problems;
}

export { ORDER };

export interface HeaderExpectations {
  /** After version resolution (docs/contract/headers.md#processing-order step 4): Travelier-Version is echoed. Default true. */
  versioned?: boolean;
  /** Booking, post-booking and IncompleteResults endpoints: Cache-Control: no-store. */
  noStore?: boolean;
  /** Authenticated request: RateLimit-* headers. Default true. */
  authenticated?: boolean;
  /** Response has a JSON body. Default: when the body is not empty. */
  json?: boolean;
}

/** docs/contract/headers.md#tracing-headers, docs/contract/headers.md#response-headers response headers of one call. */
export function headerProblems(call: Call, exp: HeaderExpectations = {}): string[] {
  const p: string[] = [];
  const h = call.headers;
  const where = `${call.method} ${call.path} → ${call.status}`;
  for (const name of ['x-correlation-id', 'x-request-id']) {
    const value = h.get(name);
    const sent = Object.entries(call.sent).find(([k]) => k.toLowerCase() === name)?.[1];
    if (!value) p.push(`${where}: no ${name}`);
    else if (sent && /^[A-Za-z0-9\-=]{1,100}$/.test(sent)) {
      if (value !== sent) p.push(`${where}: ${name} ${value} does not echo ${sent}`);
    } else if (!UUID_V4.test(value)) p.push(`${where}: generated ${name} ${value} is not a UUID v4`);
  }
  const experiment = Object.entries(call.sent).find(([k]) => k.toLowerCase() === 'x-api-experiment')?.[1];
  if (experiment && h.get('x-api-experiment') !== experiment) p.push(`${where}: x-api-experiment not echoed`);
  if (!experiment && h.get('x-api-experiment')) p.push(`${where}: x-api-experiment without request value`);
  if (h.get('x-content-type-options') !== 'nosniff') p.push(`${where}: no X-Content-Type-Options: nosniff`);
  if (exp.versioned !== false) {
    if (!h.get('travelier-version')) p.push(`${where}: no Travelier-Version`);
  }
  if (exp.noStore && !/no-store/.test(h.get('cache-control') ?? ''))
    p.push(`${where}: Cache-Control ${h.get('cache-control')} lacks no-store`);
  if (exp.authenticated !== false) {
    for (const name of ['ratelimit-limit', 'ratelimit-remaining', 'ratelimit-reset'])
      if (!/^[0-9]+$/.test(h.get(name) ?? '')) p.push(`${where}: ${name} missing or not an integer`);
  }
  const json = exp.json ?? call.text.length > 0;
  if (json && !/^application\/json; ?charset=utf-8$/i.test(h.get('content-type') ?? ''))
    p.push(`${where}: content-type ${h.get('content-type')}`);
  return p;
}

/** docs/contract/errors.md error envelope: schema, code, status, ids equal to the headers, key order, Retry-After where due. */
export function errorProblems(call: Call, status: number, code: string): string[] {
  const where = `${call.method} ${call.path}`;
  const p: string[] = [];
  if (call.status !== status || call.body?.error?.code !== code)
    return [
      `${where}: ${call.status} ${call.body?.error?.code ?? call.text.slice(0, 80)} ≠ ${status} ${code}`,
    ];
  p.push(...openApiErrors('Error', call.body).map((e) => `${where}: Error schema ${e}`));
  if (call.body.correlation_id !== call.headers.get('x-correlation-id'))
    p.push(`${where}: correlation_id ≠ x-correlation-id header`);
  if (call.body.request_id !== call.headers.get('x-request-id'))
    p.push(`${where}: request_id ≠ X-Request-Id header`);
  p.push(...keyOrderProblems(call.body, ORDER.error, `${where} error body`));
  p.push(...keyOrderProblems(call.body.error, ORDER.errorInner, `${where} error`));
  // booking_data_invalid details keep docs/contract/booking-schema.md#booking-data-normalisation-and-validation's `code` as a fourth key (docs/adr/0028-booking-schema-vectors-win.md).
  const detailOrder = code === 'booking_data_invalid' ? [...ORDER.fieldError, 'code'] : ORDER.fieldError;
  for (const d of call.body.error.details ?? [])
    p.push(...keyOrderProblems(d, detailOrder, `${where} detail`));
  if ([429, 503].includes(status) && !/^[0-9]+$/.test(call.headers.get('retry-after') ?? ''))
    p.push(`${where}: ${status} without Retry-After`);
  if (status === 401 && call.headers.get('www-authenticate') !== 'ApiKey header="x-api-key"')
    p.push(`${where}: 401 WWW-Authenticate ${call.headers.get('www-authenticate')}`);
  if (status === 405 && !call.headers.get('allow')) p.push(`${where}: 405 without Allow`);
  if (/stack|at .*\.ts:|sandbox-key|127\.0\.0\.1|localhost/i.test(call.text))
    p.push(`${where}: error body leaks internals: ${call.text.slice(0, 200)}`);
  return p;
}

const LOCAL_SECONDS = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}$/;
const UTC = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}Z$/;

/** docs/contract/values.md#booking-object-and-status Booking: schema, 13 keys in table order, formats, minor units, D12. */
export function bookingProblems(body: any, where: string): string[] {
  const p = openApiErrors('Booking', body).map((e) => `${where}: Booking schema ${e}`);
  if (!body || typeof body !== 'object') return p;
  if (Object.keys(body).join(',') !== ORDER.booking.join(','))
    p.push(`${where}: Booking keys ${Object.keys(body).join(',')} (D12 wants all 13 in table order)`);
  if (!LOCAL_SECONDS.test(body.departure_time)) p.push(`${where}: departure_time ${body.departure_time}`);
  for (const k of ['created_at', 'updated_at'])
    if (!UTC.test(body[k])) p.push(`${where}: ${k} ${body[k]} is not YYYY-MM-DDTHH:mm:ssZ`);
  if (body.updated_at < body.created_at) p.push(`${where}: updated_at before created_at`);
  if (body.integration !== 'onetwogo') p.push(`${where}: integration ${body.integration}`);
  if (!/^[A-Za-z0-9_=-]{1,512}$/.test(body.id ?? '')) p.push(`${where}: id ${body.id}`);
  if (body.voucher_url !== null && body.status !== 'approved')
    p.push(`${where}: voucher_url set on a ${body.status} booking`);
  // Absolute URL; HTTPS in production, the sandbox serves plain http.
  if (body.voucher_url !== null && !/^https?:\/\/[^/]/.test(body.voucher_url))
    p.push(`${where}: voucher_url ${body.voucher_url} is not absolute`);
  p.push(...minorUnitProblems(body.total_price, `${where} total_price`));
  return p;
}

/** PT{h}H{m}M with zero parts dropped (docs/contract/README.md#conventions). */
export function durationProblems(value: unknown, where: string): string[] {
  return typeof value === 'string' && /^PT(?=\d)(?:[1-9]\d*H)?(?:[1-9]\d?M)?$/.test(value) && value !== 'PT'
    ? []
    : [`${where}: duration ${JSON.stringify(value)} is not PT{h}H{m}M without zero parts`];
}

/** Itinerary rules of docs/contract/values.md, docs/contract/ids.md beyond the schema. */
export function itineraryProblems(it: any, where: string, checkout = false): string[] {
  const p: string[] = [];
  p.push(
    ...keyOrderProblems(it, checkout ? [...ORDER.itinerary, ...ORDER.checkoutExtra] : ORDER.itinerary, where),
  );
  if (!/^([A-Za-z0-9]+)-(\d{4}-\d{2}-\d{2})-(\d{2}:\d{2})(?:~(\d{1,3}))?$/.test(it.id))
    p.push(`${where}: itinerary id ${it.id} not in the native form (D10)`);
  if ('return_segments' in it) p.push(`${where}: return_segments emitted (D13)`);
  if ('confidence_score' in it) p.push(`${where}: confidence_score emitted (D13)`);
  if ('extras' in it) p.push(`${where}: extras emitted (D14)`);
  const pr = it.pricing ?? {};
  p.push(...keyOrderProblems(pr, ORDER.pricing, `${where} pricing`));
  for (const k of ['gross_price', 'net_price', 'taxes_and_fees'])
    if (pr[k]) p.push(...minorUnitProblems(pr[k], `${where} ${k}`));
  if (pr.gross_price) {
    p.push(...keyOrderProblems(pr.gross_price, ORDER.grossPrice, `${where} gross_price`));
    const differ = pr.gross_price.currency !== pr.net_price?.currency;
    if (differ !== 'amount_in_net_currency' in pr.gross_price)
      p.push(`${where}: amount_in_net_currency presence wrong (D6)`);
  }
  const policies = it.cancellation_policies ?? [];
  if (!policies.length) p.push(`${where}: empty cancellation_policies (D7)`);
  if (policies[0] && policies[0].from !== null) p.push(`${where}: first policy window not from null`);
  const hours = (d: string) => {
    const m = /^PT(?:(\d+)H)?(?:(\d+)M)?$/.exec(d);
    return m ? Number(m[1] ?? 0) * 60 + Number(m[2] ?? 0) : NaN;
  };
  for (let i = 1; i < policies.length; i++) {
    p.push(...durationProblems(policies[i].from, `${where} cancellation_policies[${i}].from`));
    if (i > 1 && !(hours(policies[i].from) < hours(policies[i - 1].from)))
      p.push(`${where}: cancellation_policies not in decreasing durations`);
  }
  for (const [i, c] of policies.entries()) {
    const keys = Object.keys(c.penalty ?? {});
    if (keys.length !== 1 || !['percent', 'amount'].includes(keys[0]))
      p.push(`${where}: penalty[${i}] keys ${keys.join(',')}`);
    if (c.penalty?.amount) p.push(...minorUnitProblems(c.penalty.amount, `${where} penalty[${i}]`));
  }
  if ('cut_off' in it) p.push(...durationProblems(it.cut_off, `${where} cut_off`));
  if (checkout) {
    if (JSON.stringify(it.to_segments) !== JSON.stringify(it.departure_segments))
      p.push(`${where}: to_segments ≠ departure_segments`);
    if (JSON.stringify(it.from_segments) !== '[]') p.push(`${where}: from_segments not []`);
    if (it.number_available_seats !== it.number_of_available_seats)
      p.push(`${where}: number_available_seats ≠ number_of_available_seats`);
    // docs/contract/ids.md#booking-tokens: the enciphered KLV alphabet (its worked example contains `+` and `/`).
    if (!/^[A-Za-z0-9+/]{1,2048}$/.test(it.booking_token ?? ''))
      p.push(`${where}: booking_token outside the cipher alphabet / too long`);
  }
  return p;
}

/** Segments and vehicles rules of docs/contract/ids.md#other-ids, docs/contract/values.md#itinerary-segment-and-vehicle. */
export function segmentProblems(body: any, where: string): string[] {
  const p: string[] = [];
  for (const s of body.segments ?? []) {
    const w = `${where} segment ${s.id}`;
    p.push(...keyOrderProblems(s, ORDER.segment, w));
    const expectedId = `${s.operating_carrier_id}-${s.from_station}-${s.to_station}-${s.departure_time}-${s.arrival_time}-${s.seat_class_id}`;
    if (s.id !== expectedId) p.push(`${w}: id ≠ ${expectedId}`);
    if (!/^[A-Z0-9]{1,32}$/.test(s.from_station) || !/^[A-Z0-9]{1,32}$/.test(s.to_station))
      p.push(`${w}: station ids not ^[A-Z0-9]{1,32}$`);
    p.push(...durationProblems(s.travel_duration, `${w} travel_duration`));
    const minutes = (Date.parse(`${s.arrival_time}:00Z`) - Date.parse(`${s.departure_time}:00Z`)) / 60_000;
    if (!(minutes >= 0)) p.push(`${w}: arrival before departure`);
    // Optional keys are omitted when there is no value (docs/contract/README.md#conventions).
    if (s.operator_designated_name === '' || s.operator_designated_name === null)
      p.push(`${w}: empty operator_designated_name emitted`);
  }
  for (const v of body.vehicles ?? []) {
    const w = `${where} vehicle ${v.id}`;
    p.push(...keyOrderProblems(v, ORDER.vehicle, w));
    const types = new Set(
      (body.segments ?? [])
        .filter((s: any) => s.vehicle_id === v.id)
        .map((s: any) => `${s.operating_carrier_id}-${s.transportation_types[0]}`),
    );
    if (types.size && !types.has(v.id)) p.push(`${w}: id not {operating_carrier_id}-{transportation type}`);
    for (const c of v.seat_classes ?? [])
      p.push(...keyOrderProblems(c, ORDER.seatClass, `${w} seat class ${c.id}`));
  }
  return p;
}
