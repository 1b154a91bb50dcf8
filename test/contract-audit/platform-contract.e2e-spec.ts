/* eslint-disable @typescript-eslint/no-explicit-any -- JSON bodies of the API are walked dynamically */
import { createHash } from 'node:crypto';
import { openApiErrors } from '../contract/search-contract';
import {
  addFault,
  fillBookingData,
  scenarioItineraryId,
  travelDate,
  waitFor,
} from '../booking/support/funnel.helpers';
import { startStack, writeClientsFile, type TestStack } from '../support/stack';
import {
  CURRENT_VERSION,
  ORDER,
  PartnerClient,
  bookingProblems,
  errorProblems,
  headerProblems,
  keyOrderProblems,
} from './audit.helpers';

/**
 * Contract audit of the cross-cutting rules (docs/contract/README.md#endpoints-at-a-glance, docs/contract/headers.md, docs/contract/errors.md), the master-data endpoints
 * (docs/contract/endpoints.md#master-data) and IncompleteResults (docs/contract/endpoints.md#incompleteresults-async-flow) through the real HTTP API.
 */
describe('contract audit: headers, errors, master data, IncompleteResults (e2e)', () => {
  let stack: TestStack;
  let api: PartnerClient;
  let asyncApi: PartnerClient;
  let date: string;
  const OFF_KEY = 'local-demo-key-off-0123456789abcdef0123';
  const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

  beforeAll(async () => {
    const clientsFile = writeClientsFile((file) => {
      file.clients.find((c) => c.client_id === 'demo-b').async_flow = true;
      const demo = file.clients.find((c) => c.client_id === 'demo');
      file.clients.push({
        ...demo,
        client_id: 'demo-off',
        name: 'Disabled demo',
        enabled: false,
        api_keys: [{ id: 'off', hash: `sha256:${createHash('sha256').update(OFF_KEY).digest('hex')}` }],
      });
    });
    stack = await startStack({
      clientsFile,
      env: {
        ASYNC_FLOW_THRESHOLD_MS: '200',
        API_VERSIONS: `${CURRENT_VERSION}=current,2022-01-01=deprecated@2023-11-14,2021-01-01=removed`,
      },
    });
    api = new PartnerClient(stack);
    asyncApi = new PartnerClient(stack, 'demo-b', stack.demoBKey);
    date = await travelDate(stack);
  });
  afterAll(() => stack?.close());

  const search = () => `itineraries?departures[]=9001&arrivals[]=9002&departure_date=${date}&pax=1`;

  describe('request processing (docs/contract/headers.md)', () => {
    it('answers every authentication failure with the same 401 and WWW-Authenticate (D1)', async () => {
      const noKey = new PartnerClient(stack, 'demo', '');
      const wrong = new PartnerClient(stack, 'demo', 'local-demo-key-a-0123456789abcdef0000');
      const foreignKey = new PartnerClient(stack, 'demo', stack.demoBKey);
      const unknownClient = new PartnerClient(stack, 'nobody', stack.demoKey);
      const bodies: unknown[] = [];
      const calls = [
        ...(await Promise.all([noKey, wrong, foreignKey, unknownClient].map((c) => c.get(search())))),
        await noKey.get(search(), { 'x-api-key': '' }),
        await noKey.get(search(), { authorization: `Bearer ${stack.demoKey}` }),
      ];
      for (const r of calls) {
        expect(errorProblems(r, 401, 'unauthorized')).toEqual([]);
        expect(headerProblems(r, { versioned: false, authenticated: false })).toEqual([]);
        bodies.push(r.body.error);
      }
      expect(new Set(bodies.map((b) => JSON.stringify(b))).size).toBe(1);
    });

    it('reads x-api-key case-insensitively, never from the query, and answers 403 for a disabled client', async () => {
      const upper = await new PartnerClient(stack, 'demo', '').get(search(), { 'X-API-KEY': stack.demoKey });
      expect([200, 206]).toContain(upper.status);
      // The real key misplaced into the query: refused, and stack.close() proves it never reached the logs.
      const query = await new PartnerClient(stack, 'demo', '').get(`${search()}&x-api-key=${stack.demoKey}`);
      expect(errorProblems(query, 401, 'unauthorized')).toEqual([]);
      const disabled = await new PartnerClient(stack, 'demo-off', OFF_KEY).get(search());
      expect(errorProblems(disabled, 403, 'client_disabled')).toEqual([]);
      expect(headerProblems(disabled, { versioned: false, authenticated: false })).toEqual([]);
    });

    it('echoes the resolved version and Deprecation on error responses after version resolution', async () => {
      const r = await api.get('bookings/99999999', { 'Travelier-Version': '2022-01-01' });
      expect(errorProblems(r, 404, 'booking_not_found')).toEqual([]);
      expect(r.headers.get('travelier-version')).toBe('2022-01-01');
      expect(r.headers.get('deprecation')).toBe('2023-11-14');
    });

    it('matches routes before authenticating: 404 not_found and 405 method_not_allowed with Allow', async () => {
      const anon = new PartnerClient(stack, 'demo', '');
      for (const client of [anon, api]) {
        const unknown = await client.get('no_such_route');
        expect(errorProblems(unknown, 404, 'not_found')).toEqual([]);
        expect(errorProblems(await client.get('stations/'), 404, 'not_found')).toEqual([]);
        expect(errorProblems(await client.get('Stations'), 404, 'not_found')).toEqual([]);
        const method = await client.request('DELETE', 'bookings');
        expect(errorProblems(method, 405, 'method_not_allowed')).toEqual([]);
        expect(method.headers.get('allow')).toMatch(/POST/);
        const put = await client.request('PUT', 'itineraries');
        expect(errorProblems(put, 405, 'method_not_allowed')).toEqual([]);
        expect(put.headers.get('allow')).toMatch(/GET/);
      }
    });

    it('resolves Travelier-Version: alias, canonical wins, deprecated → Deprecation, others → 400 (docs/contract/headers.md#versioning D2)', async () => {
      const alias = await api.get(search(), { 'X-Travelier-Version': '2022-01-01' });
      expect([200, 206]).toContain(alias.status);
      expect(alias.headers.get('travelier-version')).toBe('2022-01-01');
      expect(alias.headers.get('deprecation')).toBe('2023-11-14');
      expect(headerProblems(alias)).toEqual([]);

      const both = await api.get(search(), {
        'Travelier-Version': CURRENT_VERSION,
        'X-Travelier-Version': '2022-01-01',
      });
      expect(both.headers.get('travelier-version')).toBe(CURRENT_VERSION);
      expect(both.headers.get('deprecation')).toBeNull();

      const empty = await api.get(search(), { 'Travelier-Version': '' });
      expect(empty.headers.get('travelier-version')).toBe(CURRENT_VERSION);

      for (const bad of ['2021-01-01', '2023-02-30', '2023-7-1', 'latest', '2024-01-01']) {
        const r = await api.get(search(), { 'Travelier-Version': bad });
        expect(errorProblems(r, 400, 'unsupported_version')).toEqual([]);
        expect(r.body.error.meta.supported_versions).toEqual([CURRENT_VERSION, '2022-01-01']);
        // Version resolution (step 4) precedes rate limiting (step 5): no RateLimit-* asserted here.
        expect(headerProblems(r, { versioned: false, authenticated: false })).toEqual([]);
      }
    });

    it('applies the docs/contract/headers.md#processing-order order: route, then authentication, then version, then body', async () => {
      const anon = new PartnerClient(stack, 'demo', '');
      const bad = { 'Travelier-Version': '1999-01-01' };
      expect(errorProblems(await anon.get('no_such_route', bad), 404, 'not_found')).toEqual([]);
      expect(errorProblems(await anon.get(search(), bad), 401, 'unauthorized')).toEqual([]);
      const versionFirst = await api.request('POST', 'bookings', {
        rawBody: '{not json',
        headers: { 'content-type': 'application/json', ...bad },
      });
      expect(errorProblems(versionFirst, 400, 'unsupported_version')).toEqual([]);
      const authFirst = await anon.request('POST', 'bookings', {
        rawBody: '{}',
        headers: { 'content-type': 'text/plain' },
      });
      expect(errorProblems(authFirst, 401, 'unauthorized')).toEqual([]);
    });

    it('echoes valid tracing headers, replaces invalid ones with UUIDs, never rejects (D3)', async () => {
      const valid = await api.get(search(), {
        'x-correlation-id': 'abc-DEF=123',
        'X-Request-Id': 'req-42',
        'x-api-experiment': 'exp:blue/2',
      });
      expect(headerProblems(valid)).toEqual([]);
      const invalid = await api.get('no_such_route', {
        'x-correlation-id': 'bad id!',
        'X-Request-Id': 'x'.repeat(101),
      });
      expect(invalid.headers.get('x-correlation-id')).toMatch(UUID);
      expect(invalid.headers.get('x-request-id')).toMatch(UUID);
      expect(invalid.body.correlation_id).toBe(invalid.headers.get('x-correlation-id'));
      expect(invalid.body.request_id).toBe(invalid.headers.get('x-request-id'));
      const experimentTooLong = await api.get(search(), { 'x-api-experiment': 'e'.repeat(101) });
      expect([200, 206]).toContain(experimentTooLong.status);
      expect(experimentTooLong.headers.get('x-api-experiment')).toBeNull();
    });

    it.each(['gzip', 'br'])(
      'compresses responses when Accept-Encoding allows %s (docs/contract/headers.md#response-headers)',
      async (encoding) => {
        const { request } = await import('node:http');
        const res = await new Promise<{ status?: number; encoding?: string }>((resolve, reject) => {
          const req = request(
            `${stack.bffUrl}/v1/demo/${search()}`,
            { headers: { 'x-api-key': stack.demoKey, 'accept-encoding': encoding } },
            (r) => {
              r.resume();
              resolve({ status: r.statusCode, encoding: r.headers['content-encoding'] });
            },
          );
          req.on('error', reject);
          req.end();
        });
        expect([200, 206]).toContain(res.status);
        expect(res.encoding).toBe(encoding);
      },
    );

    it('ignores any body sent to ConfirmBooking and CancelBooking (docs/contract/headers.md#request-bodies-and-limits)', async () => {
      for (const [type, body] of [
        ['text/plain', 'abc'],
        ['application/json', '{bad'],
        ['application/json', '[1]'],
        ['application/xml', '<a/>'],
      ])
        for (const action of ['confirm', 'cancel']) {
          const r = await api.request('POST', `bookings/99999999/${action}`, {
            rawBody: body,
            headers: { 'content-type': type },
          });
          expect(errorProblems(r, 404, 'booking_not_found')).toEqual([]);
        }
    });

    it('applies the body rules of docs/contract/headers.md#request-bodies-and-limits (415, 413, invalid_json, prototype poisoning)', async () => {
      const media = await api.request('POST', 'bookings', {
        rawBody: '{}',
        headers: { 'content-type': 'text/plain' },
      });
      expect(errorProblems(media, 415, 'unsupported_media_type')).toEqual([]);
      const charset = await api.request('POST', 'bookings', {
        rawBody: '{}',
        headers: { 'content-type': 'application/json; charset=utf-8' },
      });
      expect(errorProblems(charset, 400, 'validation_error')).toEqual([]);
      const poisoned = await api.request('POST', 'bookings', {
        rawBody: '{"booking_token":"x","__proto__":{"a":1}}',
        headers: { 'content-type': 'application/json' },
      });
      expect(errorProblems(poisoned, 400, 'invalid_json')).toEqual([]);
      const big = await api.request('POST', 'seats', {
        rawBody: JSON.stringify({ booking_token: 'x', pad: 'y'.repeat(1_100_000) }),
        headers: { 'content-type': 'application/json' },
      });
      expect(errorProblems(big, 413, 'payload_too_large')).toEqual([]);
      const unknownFields = await api.request('POST', 'bookings', {
        body: { booking_token: 'not-a-token', booking_data: { passengers: [{}] }, extra: 1 },
      });
      expect(errorProblems(unknownFields, 400, 'invalid_booking_token')).toEqual([]);
    });
  });

  describe('master data (docs/contract/endpoints.md#master-data D21–D23)', () => {
    const FEEDS = [
      ['stations', 'Station', ORDER.station],
      ['operating_carriers', 'OperatingCarrier', ORDER.operator],
      ['pois', 'Poi', ORDER.poi],
    ] as const;

    it.each(FEEDS)(
      '%s: the URL by Accept, the document without a key, the GetList variant',
      async (feed, schema, order) => {
        const asJson = await api.get(`${feed}?locale=en`, { accept: 'application/json' });
        expect(asJson.status).toBe(200);
        expect(headerProblems(asJson)).toEqual([]);
        expect(typeof asJson.body).toBe('string');
        const url: string = asJson.body;
        expect(url).toMatch(/^https?:\/\/[^/]+\//);

        for (const accept of [undefined, '*/*', 'text/plain', 'text/plain, application/json;q=0.5']) {
          const plain = await api.get(`${feed}`, accept ? { accept } : {});
          expect(plain.status).toBe(200);
          expect(plain.headers.get('content-type')).toBe('text/plain; charset=utf-8');
          expect(plain.text).toMatch(/^https?:\/\/\S+$/);
        }

        const doc = await fetch(url);
        expect(doc.status).toBe(200);
        expect(doc.headers.get('content-type')).toMatch(/^application\/json/);
        const records = (await doc.json()) as any[];
        expect(records.length).toBeGreaterThan(0);
        const problems = records.flatMap((r, i) => [
          ...openApiErrors(schema, r).map((e) => `[${i}] ${e}`),
          ...keyOrderProblems(r, order, `[${i}]`),
          ...(schema === 'Station' ? keyOrderProblems(r.address, ORDER.address, `[${i}].address`) : []),
          ...(schema === 'Station' && !/^[A-Z0-9]{1,32}$/.test(r.id) ? [`[${i}] id ${r.id}`] : []),
          ...(schema === 'Poi' && !/^[A-Z0-9]{1,32}$/.test(r.Id) ? [`[${i}] Id ${r.Id}`] : []),
          ...Object.entries(r)
            .filter(([, v]) => v === null)
            .map(([k]) => `[${i}] ${k} is null (optional keys are omitted)`),
        ]);
        expect(problems.slice(0, 20)).toEqual([]);

        const list = await api.get(`${feed}/GetList?locale=en&top10K=false`);
        expect(list.status).toBe(200);
        expect(headerProblems(list)).toEqual([]);
        expect(list.body).toEqual(records);
        const top = await api.get(`${feed}/GetList?top10K=true`);
        expect(top.status).toBe(200);
        expect(top.body.length).toBeLessThanOrEqual(10_000);
      },
    );

    it('serves the document with ETag / Last-Modified, 304, gzip; a tampered link is refused (issue 6)', async () => {
      const url: string = (await api.get('stations', { accept: 'application/json' })).body;
      const first = await fetch(url, { headers: { 'accept-encoding': 'identity' } });
      expect(first.status).toBe(200);
      const etag = first.headers.get('etag')!;
      expect(etag).toBeTruthy();
      expect(first.headers.get('last-modified')).toBeTruthy();
      await first.arrayBuffer();
      const again = await fetch(url, { headers: { 'if-none-match': etag, 'accept-encoding': 'identity' } });
      expect(again.status).toBe(304);
      const { request } = await import('node:http');
      const encoding = await new Promise<string | undefined>((resolve, reject) => {
        const req = request(url, { headers: { 'accept-encoding': 'gzip' } }, (res) => {
          res.resume();
          resolve(res.headers['content-encoding']);
        });
        req.on('error', reject);
        req.end();
      });
      expect(encoding).toBe('gzip');
      const tampered = await fetch(url.replace(/sig=([^&])/, (_m, c) => `sig=${c === 'a' ? 'b' : 'a'}`));
      const body = (await tampered.json()) as any;
      // docs/adr/0106-rejected-static-link-401.md: `unauthorized` is paired with 401 only.
      expect(tampered.status).toBe(401);
      expect(body.error.code).toBe('unauthorized');
      expect(openApiErrors('Error', body)).toEqual([]);
    });

    it('issues links valid for at least 60 minutes and falls back to en for unknown locales (docs/contract/endpoints.md#master-data D4)', async () => {
      const url = new URL((await api.get('stations?locale=xx', { accept: 'application/json' })).body);
      const expires = Number(url.searchParams.get('expires'));
      expect(expires * 1000 - Date.now()).toBeGreaterThanOrEqual(59 * 60_000);
      const fallback = await api.get('stations/GetList?locale=xx');
      const en = await api.get('stations/GetList?locale=EN');
      expect(fallback.status).toBe(200);
      expect(fallback.body).toEqual(en.body);
    });

    it('serves station ids that Search accepts (docs/contract/ids.md#other-ids)', async () => {
      const stations = (await api.get('stations/GetList')).body as any[];
      const ids = stations.map((s) => s.id);
      expect(ids).toEqual(expect.arrayContaining(['9001', '9002']));
    });
  });

  describe('IncompleteResults (docs/contract/endpoints.md#incompleteresults-async-flow D20)', () => {
    it('answers a slow reserve with 202 + Location + Retry-After, then replays the Booking', async () => {
      const it0 = (
        await asyncApi.get(`itineraries/${encodeURIComponent(scenarioItineraryId('OKINST', date))}`)
      ).body.itineraries[0];
      await addFault(stack, { match: { path: '/reserve/*' }, action: { delayMs: 1500 }, times: 1 });
      const accepted = await asyncApi.post('bookings', {
        booking_token: it0.booking_token,
        booking_data: fillBookingData(it0.booking_schema, 1),
      });
      expect(accepted.status).toBe(202);
      expect(headerProblems(accepted, { noStore: true })).toEqual([]);
      expect(openApiErrors('IncompleteResultAccepted', accepted.body)).toEqual([]);
      expect(Object.keys(accepted.body)).toEqual(['id']);
      expect(accepted.body.id).toMatch(UUID);
      const location = accepted.headers.get('location')!;
      expect(location).toBe(`/v1/demo-b/incomplete_results/${accepted.body.id}`);
      expect(accepted.headers.get('retry-after')).toBe('1');

      const running = await asyncApi.get(location);
      expect(running.status).toBe(202);
      expect(running.text).toBe('');
      expect(running.headers.get('location')).toBe(location);
      expect(running.headers.get('retry-after')).toBe('1');
      expect(headerProblems(running, { noStore: true })).toEqual([]);

      const done = await waitFor(async () => {
        const r = await asyncApi.get(location);
        return r.status === 202 ? undefined : r;
      });
      expect(done.status).toBe(200);
      expect(headerProblems(done, { noStore: true })).toEqual([]);
      expect(bookingProblems(done.body, 'replayed booking')).toEqual([]);
      expect(done.body.status).toBe('reserved');

      await addFault(stack, { match: { path: '/confirm/*' }, action: { delayMs: 1500 }, times: 1 });
      const confirm = await asyncApi.post(`bookings/${done.body.id}/confirm`);
      expect(confirm.status).toBe(202);
      expect(confirm.headers.get('location')).toBe(`/v1/demo-b/incomplete_results/${confirm.body.id}`);
      expect(headerProblems(confirm, { noStore: true })).toEqual([]);
      const confirmed = await waitFor(async () => {
        const r = await asyncApi.get(confirm.headers.get('location')!);
        return r.status === 202 ? undefined : r;
      });
      expect(bookingProblems(confirmed.body, 'replayed confirm')).toEqual([]);
      expect(['approved', 'pending']).toContain(confirmed.body.status);

      const foreign = await api.get(location.replace('/demo-b/', '/demo/'));
      expect(errorProblems(foreign, 404, 'incomplete_result_not_found')).toEqual([]);
      const malformed = await asyncApi.get('incomplete_results/not-a-uuid');
      expect(errorProblems(malformed, 404, 'incomplete_result_not_found')).toEqual([]);
    });

    it('keeps synchronous clients synchronous even when the supplier is slow (D20 off)', async () => {
      const it0 = (await api.get(`itineraries/${encodeURIComponent(scenarioItineraryId('OKINST', date))}`))
        .body.itineraries[0];
      await addFault(stack, { match: { path: '/reserve/*' }, action: { delayMs: 600 }, times: 1 });
      const r = await api.post('bookings', {
        booking_token: it0.booking_token,
        booking_data: fillBookingData(it0.booking_schema, 1),
      });
      expect(r.status).toBe(200);
      expect(bookingProblems(r.body, 'sync booking')).toEqual([]);
    });
  });
});
