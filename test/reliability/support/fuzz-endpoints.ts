import fc from 'fast-check';
import { anyString, bodyText, encodedValue, headers, queryString } from './fuzz-arbitraries';

/** Real values captured from the running stack, so a good share of fuzzed requests get past validation. */
export interface FuzzSeeds {
  date: string;
  itineraryId: string;
  bookingId: string;
  bookingToken: string;
  bookingData: Record<string, unknown>;
  staticLinkPath: string;
  webhookPathSecret: string;
  goodKey: string;
  otherKey: string;
  adminToken: string;
}

export interface FuzzRequest {
  endpoint: string;
  method: string;
  path: string;
  headers: Record<string, string>;
  body?: string;
}

/** One partner-facing (or operator) route; an endpoint added later is one more entry. */
export interface FuzzEndpoint {
  name: string;
  method: 'GET' | 'POST' | 'DELETE';
  /** Path without query; may embed generated segments. */
  path(seeds: FuzzSeeds): fc.Arbitrary<string>;
  query?(seeds: FuzzSeeds): Record<string, fc.Arbitrary<string>>;
  /** A valid query string (without `?`) that mutations start from. */
  validQuery?(seeds: FuzzSeeds): string;
  /** Extra headers (e.g. the admin bearer token, now and then). */
  extraHeaders?(seeds: FuzzSeeds): fc.Arbitrary<Record<string, string>>;
  body?(seeds: FuzzSeeds): fc.Arbitrary<Record<string, unknown>>;
  /** Relative frequency. */
  weight?: number;
}

const clientId = fc.oneof(
  { weight: 10, arbitrary: fc.constant('demo') },
  { weight: 1, arbitrary: fc.constantFrom('demo-b', 'nobody', 'DEMO') },
  { weight: 1, arbitrary: encodedValue(anyString(20)) },
);
const seg = (good: string) =>
  fc.oneof(
    { weight: 3, arbitrary: fc.constant(encodeURIComponent(good)) },
    { weight: 2, arbitrary: encodedValue(anyString(60)) },
    { weight: 1, arbitrary: fc.constant(encodeURIComponent(`${good}x`)) },
  );
const station = fc.constantFrom(
  '3',
  '4',
  '4055',
  '11553',
  '9001',
  '9002',
  '20301',
  'THBKKHLS',
  'THCNXRLW',
  '999999',
  'abc',
);
const poi = fc.constantFrom('1', '44', '999', 'THBKK', 'THCNX', '0', '123456789');
const dateish = (seeds: FuzzSeeds) =>
  fc.oneof(
    { weight: 3, arbitrary: fc.constant(seeds.date) },
    { weight: 1, arbitrary: fc.date({ noInvalidDate: true }).map((d) => d.toISOString().slice(0, 10)) },
    { weight: 1, arbitrary: anyString(12) },
  );
const paxish = fc.oneof(fc.integer({ min: -2, max: 120 }).map(String), anyString(6));
const localeish = fc.constantFrom('en', 'th', 'de', 'zz', 'EN-us', 'x'.repeat(100), '');
const currencyish = fc.constantFrom('THB', 'USD', 'EUR', 'usd', 'XXX', 'JPY', 'KWD', '');

function mutate(obj: Record<string, unknown>): fc.Arbitrary<Record<string, unknown>> {
  const keys = Object.keys(obj);
  return fc.oneof(
    { weight: 2, arbitrary: fc.constant(obj) },
    {
      weight: 5,
      arbitrary: fc
        .tuple(fc.constantFrom(...keys, '__proto__', 'extra'), fc.jsonValue({ maxDepth: 3 }))
        .map(([k, v]) => ({ ...obj, [k]: v })),
    },
    { weight: 1, arbitrary: fc.subarray(keys).map((ks) => Object.fromEntries(ks.map((k) => [k, obj[k]]))) },
  );
}

function bookingDataVariants(data: Record<string, unknown>): fc.Arbitrary<unknown> {
  const passengers = (data.passengers as Array<Record<string, unknown>>) ?? [{}];
  return fc.oneof(
    mutate(data),
    mutate(passengers[0] ?? {}).map((p) => ({ ...data, passengers: [p] })),
    fc.array(fc.constant(passengers[0] ?? {}), { maxLength: 150 }).map((ps) => ({ ...data, passengers: ps })),
    fc.jsonValue({ maxDepth: 3 }),
  );
}

const adminAuth = (s: FuzzSeeds): fc.Arbitrary<Record<string, string>> =>
  fc.oneof(
    { weight: 3, arbitrary: fc.constant({ authorization: `Bearer ${s.adminToken}` }) },
    { weight: 1, arbitrary: fc.constant({}) },
    {
      weight: 1,
      arbitrary: anyString(40).map((t) => ({ authorization: `Bearer ${t.replace(/[^\x20-\x7e]/g, '')}` })),
    },
  );

export const FUZZ_ENDPOINTS: FuzzEndpoint[] = [
  {
    name: 'Search',
    method: 'GET',
    weight: 4,
    path: () => clientId.map((c) => `/v1/${c}/itineraries`),
    query: (s) => ({
      departures: station,
      arrivals: station,
      departure_poi: poi,
      arrival_poi: poi,
      departure_date: dateish(s),
      pax: paxish,
      currency: currencyish,
      locale: localeish,
      timeout: fc.oneof(fc.integer({ min: -5, max: 200 }).map(String), anyString(5)),
    }),
    validQuery: (s) =>
      `departures[]=3&departures[]=4055&arrivals[]=4&arrivals[]=11553&departure_date=${s.date}&pax=1&currency=THB&locale=en`,
  },
  {
    name: 'GetItinerary',
    method: 'GET',
    weight: 3,
    path: (s) => fc.tuple(clientId, seg(s.itineraryId)).map(([c, id]) => `/v1/${c}/itineraries/${id}`),
    query: () => ({ pax: paxish, currency: currencyish, locale: localeish }),
    validQuery: () => 'pax=1&currency=THB&locale=en',
  },
  {
    name: 'CreateBooking',
    method: 'POST',
    weight: 3,
    path: () => clientId.map((c) => `/v1/${c}/bookings`),
    body: (s) =>
      fc.oneof(
        { weight: 1, arbitrary: fc.constant({ booking_token: s.bookingToken, booking_data: s.bookingData }) },
        {
          weight: 4,
          arbitrary: bookingDataVariants(s.bookingData).map((d) => ({
            booking_token: s.bookingToken,
            booking_data: d,
          })),
        },
        {
          weight: 2,
          arbitrary: fc
            .record(
              {
                booking_token: fc.oneof(
                  fc.constant(s.bookingToken),
                  anyString(),
                  fc.constant(`${s.bookingToken.slice(0, -2)}AA`),
                ),
                booking_data: bookingDataVariants(s.bookingData),
                total_price: fc.oneof(
                  fc.constant({ currency: 'THB', amount: '330.00' }),
                  fc.jsonValue({ maxDepth: 2 }),
                ),
              },
              { requiredKeys: [] },
            )
            .chain(mutate),
        },
      ),
  },
  {
    name: 'ConfirmBooking',
    method: 'POST',
    weight: 2,
    path: (s) => fc.tuple(clientId, seg(s.bookingId)).map(([c, id]) => `/v1/${c}/bookings/${id}/confirm`),
  },
  {
    name: 'SeatLock',
    method: 'POST',
    weight: 2,
    path: () => clientId.map((c) => `/v1/${c}/seats`),
    body: (s) =>
      fc.record(
        {
          booking_token: fc.oneof(fc.constant(s.bookingToken), anyString()),
          booking_data: fc.oneof(
            fc.record({
              seat_selection: fc.array(fc.oneof(fc.constantFrom('1A', '1B', '2C', 'ZZ'), anyString(8)), {
                maxLength: 30,
              }),
            }),
            fc.jsonValue({ maxDepth: 2 }),
          ),
        },
        { requiredKeys: [] },
      ),
  },
  {
    name: 'GetBookingDetails',
    method: 'GET',
    weight: 2,
    path: (s) => fc.tuple(clientId, seg(s.bookingId)).map(([c, id]) => `/v1/${c}/bookings/${id}`),
    query: () => ({ locale: localeish }),
  },
  {
    name: 'GetTicket',
    method: 'GET',
    path: (s) => fc.tuple(clientId, seg(s.bookingId)).map(([c, id]) => `/v1/${c}/bookings/${id}/ticket`),
  },
  {
    name: 'CancelBooking',
    method: 'POST',
    path: (s) => fc.tuple(clientId, seg(s.bookingId)).map(([c, id]) => `/v1/${c}/bookings/${id}/cancel`),
    body: () => fc.jsonValue({ maxDepth: 2 }).map((v) => ({ reason: v })),
  },
  {
    name: 'IncompleteResults',
    method: 'GET',
    path: () =>
      fc.tuple(clientId, encodedValue(anyString(80))).map(([c, id]) => `/v1/${c}/incomplete_results/${id}`),
  },
  ...(['stations', 'operating_carriers', 'pois'] as const).flatMap((doc): FuzzEndpoint[] => [
    {
      name: `Static ${doc}`,
      method: 'GET',
      path: () => clientId.map((c) => `/v1/${c}/${doc}`),
      query: () => ({ locale: localeish }),
    },
    {
      name: `Static ${doc}/GetList`,
      method: 'GET',
      path: () => clientId.map((c) => `/v1/${c}/${doc}/GetList`),
      query: () => ({ locale: localeish, top10K: fc.constantFrom('true', 'false', 'TRUE', 'yes', '') }),
    },
  ]),
  {
    name: 'Static document link',
    method: 'GET',
    path: (s) =>
      fc.oneof(
        fc.constant(s.staticLinkPath.split('?')[0]),
        fc
          .tuple(
            clientId,
            fc.oneof(
              fc.constantFrom('stations.json', 'pois.json', 'operating_carriers.json', 'x.json', '..%2F.env'),
              encodedValue(anyString(30)),
            ),
          )
          .map(([c, f]) => `/v1/${c}/static/${f}`),
      ),
    query: (s) => {
      const params = new URLSearchParams(s.staticLinkPath.split('?')[1] ?? '');
      return {
        expires: fc.oneof(fc.constant(params.get('expires') ?? ''), fc.integer().map(String), anyString(12)),
        sig: fc.oneof(fc.constant(params.get('sig') ?? ''), anyString(64)),
        locale: localeish,
      };
    },
  },
  {
    name: '12go inbound webhook',
    method: 'POST',
    path: (s) =>
      fc.oneof(
        fc.constant(`/webhooks/12go/${s.webhookPathSecret}`),
        encodedValue(anyString(40)).map((x) => `/webhooks/12go/${x}`),
      ),
    body: (s) =>
      fc.record(
        {
          bid: fc.oneof(fc.constant(Number(s.bookingId) || 70000001), fc.jsonValue({ maxDepth: 1 })),
          type: fc.constantFrom('booking_confirmed', 'booking_updated', 'booking_canceled', 'weird', ''),
          stamp: fc.oneof(fc.integer(), anyString(10)),
          new_data: fc.jsonValue({ maxDepth: 3 }),
          previous_data: fc.jsonValue({ maxDepth: 3 }),
        },
        { requiredKeys: [] },
      ),
  },
  {
    name: 'Admin stats',
    method: 'GET',
    path: () => fc.constant('/admin/notifications/stats'),
    extraHeaders: adminAuth,
  },
  {
    name: 'Admin dead letters',
    method: 'GET',
    path: () => fc.constant('/admin/notifications/dead-letters'),
    query: () => ({ limit: paxish, cursor: anyString(20), client_id: anyString(10) }),
    extraHeaders: adminAuth,
  },
  {
    name: 'Admin job',
    method: 'GET',
    path: () => encodedValue(anyString(30)).map((id) => `/admin/notifications/jobs/${id}`),
    extraHeaders: adminAuth,
  },
  {
    name: 'Admin replay',
    method: 'POST',
    path: () => encodedValue(anyString(30)).map((id) => `/admin/notifications/dead-letters/${id}/replay`),
    body: () => fc.jsonValue({ maxDepth: 2 }).map((v) => ({ v })),
    extraHeaders: adminAuth,
  },
  {
    name: 'Admin bulk replay',
    method: 'POST',
    path: () => fc.constant('/admin/notifications/dead-letters/replay'),
    body: () =>
      fc.record({ client_id: anyString(10), limit: fc.jsonValue({ maxDepth: 1 }) }, { requiredKeys: [] }),
    extraHeaders: adminAuth,
  },
  {
    name: 'Admin delete',
    method: 'DELETE',
    path: () => encodedValue(anyString(30)).map((id) => `/admin/notifications/dead-letters/${id}`),
    extraHeaders: adminAuth,
  },
  { name: 'Health ready', method: 'GET', path: () => fc.constant('/health/ready') },
  { name: 'Health live', method: 'GET', path: () => fc.constant('/health/live') },
];

/** Unknown paths and unsupported methods on known paths (404 / 405). */
function strayRequest(seeds: FuzzSeeds): fc.Arbitrary<FuzzRequest> {
  return fc
    .tuple(
      fc.constantFrom('GET', 'POST', 'PUT', 'PATCH', 'DELETE', 'OPTIONS'),
      fc.oneof(
        fc.constantFrom(
          '/',
          '/v1',
          '/v1/demo',
          '/v1/demo/itineraries',
          '/v1/demo/bookings',
          '/v2/demo/itineraries',
          '/.env',
          '/admin',
          '//v1//demo//itineraries',
          '/v1/demo/bookings/1/confirm/extra',
        ),
        fc
          .array(encodedValue(anyString(20)), { minLength: 1, maxLength: 6 })
          .map((parts) => `/${parts.join('/')}`),
      ),
      headers(seeds.goodKey, seeds.otherKey, true),
      fc.option(
        fc.jsonValue({ maxDepth: 2 }).map((v) => JSON.stringify(v)),
        { nil: undefined },
      ),
    )
    .map(([method, path, h, body]) => ({
      endpoint: 'stray',
      method,
      path,
      headers: h,
      body: method === 'GET' || method === 'OPTIONS' ? undefined : body,
    }));
}

/** The request generator over every endpoint. */
export function fuzzRequest(
  seeds: FuzzSeeds,
  endpoints: FuzzEndpoint[] = FUZZ_ENDPOINTS,
): fc.Arbitrary<FuzzRequest> {
  const perEndpoint = endpoints.map((e) => ({
    weight: e.weight ?? 1,
    arbitrary: fc
      .tuple(
        e.path(seeds),
        queryString(e.query?.(seeds) ?? {}, e.validQuery?.(seeds)),
        headers(seeds.goodKey, seeds.otherKey, e.body !== undefined),
        e.body ? bodyText(e.body(seeds)) : fc.constant(undefined),
        e.extraHeaders ? e.extraHeaders(seeds) : fc.constant({}),
      )
      .map(([path, query, h, body, extra]): FuzzRequest => ({
        endpoint: e.name,
        method: e.method,
        path: `${path}${query}`,
        headers: { ...h, ...extra },
        body,
      })),
  }));
  return fc.oneof(...perEndpoint, { weight: 2, arbitrary: strayRequest(seeds) });
}
