import { createHmac } from 'node:crypto';
import { startStack, type TestStack } from '../support/stack';
import { eventually, openApiValidators, rawGet, type RawResponse } from './static-data.helpers';

const LINK_KEY = 'static-link-e2e-key-0123456789abcdef0123456789';
const DOCUMENTS = ['stations', 'operating_carriers', 'pois'] as const;
type Doc = (typeof DOCUMENTS)[number];

describe('static data (stations, operating carriers, POIs) against the sandbox catalogue', () => {
  let stack: TestStack;
  const validators = openApiValidators();
  const key = () => ({ 'x-api-key': stack.demoKey });

  /** The signed link of a document, as text/plain. */
  const linkOf = async (doc: Doc, query = ''): Promise<string> => {
    const res = await rawGet(`${stack.bffUrl}/v1/demo/${doc}${query}`, key());
    expect(res.status).toBe(200);
    return res.text;
  };

  const expectEnvelope = (res: RawResponse, status: number, code: string) => {
    expect(res.status).toBe(status);
    expect(res.headers['content-type']).toMatch(/^application\/json/);
    const body = res.json<{ error: { code: string } }>();
    expect(validators.error(body)).toBe(true);
    expect(body.error.code).toBe(code);
  };

  beforeAll(async () => {
    stack = await startStack({ env: { STATIC_LINK_HMAC_KEY: LINK_KEY } });
    // The first catalogue load runs at boot; wait until it is published.
    await eventually(async () =>
      (await rawGet(`${stack.bffUrl}/v1/demo/stations`, key())).status === 200 ? true : undefined,
    );
  });
  afterAll(async () => {
    await stack?.close();
  });

  describe.each(DOCUMENTS)('%s', (doc) => {
    it('returns a signed link whose document validates against client-api.openapi.yaml, without an API key', async () => {
      const link = await linkOf(doc);
      expect(validators.url(link)).toBe(true);
      const url = new URL(link);
      expect(url.pathname).toBe(`/v1/demo/static/${doc}.json`);
      expect(Number(url.searchParams.get('expires')) - Date.now() / 1000).toBeGreaterThan(59 * 60);
      expect(Number(url.searchParams.get('expires')) - Date.now() / 1000).toBeLessThanOrEqual(60 * 60 + 1);

      const res = await rawGet(link);
      expect(res.status).toBe(200);
      expect(res.headers['content-type']).toBe('application/json; charset=utf-8');
      const body = res.json<unknown[]>();
      const valid = validators[doc](body);
      expect(validators[doc].errors ?? []).toEqual([]);
      expect(valid).toBe(true);
      expect(body.length).toBeGreaterThan(0);
    });

    it('answers the same array inline through GetList (top10K and locale variants)', async () => {
      const viaLink = (await rawGet(await linkOf(doc))).json();
      for (const query of ['', '?top10K=false', '?top10K=true', '?locale=th-TH&top10K=TRUE', '?locale=zz']) {
        const res = await rawGet(`${stack.bffUrl}/v1/demo/${doc}/GetList${query}`, key());
        expect(res.status).toBe(200);
        expect(res.headers['content-type']).toBe('application/json; charset=utf-8');
        expect(res.json()).toEqual(viaLink);
      }
      expectEnvelope(
        await rawGet(`${stack.bffUrl}/v1/demo/${doc}/GetList?top10K=maybe`, key()),
        400,
        'validation_error',
      );
      expectEnvelope(await rawGet(`${stack.bffUrl}/v1/demo/${doc}/GetList`), 401, 'unauthorized');
    });
  });

  it('holds the seed data: names, coordinates, countries, modes, logos and POI stations', async () => {
    const stations = (await rawGet(await linkOf('stations'))).json<
      Array<Record<string, unknown> & { address: { time_zone: string } }>
    >();
    expect(stations.find((s) => s.id === '4055')).toEqual({
      id: '4055',
      name: 'Mo Chit Bus Terminal',
      transportation_type: 'Bus',
      address: {
        country: 'TH',
        province: 'Bangkok',
        city: { id: '1', name: 'Bangkok' },
        time_zone: 'Asia/Bangkok',
        coordinate: { latitude: 13.8121, longitude: 100.5485 },
      },
    });
    expect(stations.find((s) => s.id === '5937')!.transportation_type).toBe('Airplane');
    expect(stations.find((s) => s.id === '30301')!.address.time_zone).toBe('Asia/Kuala_Lumpur');
    const operators = (await rawGet(await linkOf('operating_carriers'))).json<
      Array<Record<string, unknown>>
    >();
    expect(operators.find((o) => o.Id === '16779')).toMatchObject({
      name: 'Siam State Railway',
      transportation_type: 'Train',
    });
    const pois = (await rawGet(await linkOf('pois'))).json<Array<Record<string, unknown>>>();
    expect(pois.find((p) => p.Id === '1')).toEqual({
      Id: '1',
      name: 'Bangkok',
      stations: ['3', '4055', '5936', '5937'],
    });
  });

  it('follows Accept: JSON string for application/json, plain text otherwise', async () => {
    const url = `${stack.bffUrl}/v1/demo/stations`;
    const json = await rawGet(url, { ...key(), accept: 'application/json' });
    expect(json.headers['content-type']).toBe('application/json; charset=utf-8');
    const link = json.json<string>();
    expect(validators.url(link)).toBe(true);
    for (const accept of [undefined, '*/*', 'text/plain', 'text/plain, application/json;q=0.5']) {
      const res = await rawGet(url, { ...key(), ...(accept ? { accept } : {}) });
      expect(res.status).toBe(200);
      expect(res.headers['content-type']).toBe('text/plain; charset=utf-8');
      expect(res.text).toMatch(
        /^http:\/\/[^\s"]+\/v1\/demo\/static\/stations\.json\?locale=en&expires=\d+&sig=[\w-]+$/,
      );
    }
    expectEnvelope(await rawGet(url), 401, 'unauthorized');
  });

  it('serves the document with ETag / Last-Modified (304) and gzip', async () => {
    const link = await linkOf('stations');
    const plain = await rawGet(link);
    const etag = plain.headers.etag as string;
    expect(etag).toMatch(/^"[\w-]+"$/);
    expect(new Date(plain.headers['last-modified'] as string).getTime()).toBeLessThanOrEqual(Date.now());
    expect(plain.headers['content-encoding']).toBeUndefined();

    const again = await rawGet(link, { 'if-none-match': etag });
    expect(again.status).toBe(304);
    expect(again.raw.length).toBe(0);
    expect(again.headers.etag).toBe(etag);
    expect((await rawGet(link, { 'if-none-match': '"other"' })).status).toBe(200);
    expect(
      (await rawGet(link, { 'if-modified-since': plain.headers['last-modified'] as string })).status,
    ).toBe(304);

    const gz = await rawGet(link, { 'accept-encoding': 'gzip, deflate' });
    expect(gz.status).toBe(200);
    expect(gz.headers['content-encoding']).toBe('gzip');
    expect(gz.raw.length).toBeLessThan(Buffer.byteLength(plain.text));
    expect(gz.json()).toEqual(plain.json());
    expect(gz.headers.etag).toBe(etag.replace(/"$/, '-gzip"'));
    expect(
      (await rawGet(link, { 'accept-encoding': 'gzip', 'if-none-match': gz.headers.etag as string })).status,
    ).toBe(304);
    // Another request for a link of the same document gets the same ETag (content-derived).
    expect((await rawGet(await linkOf('stations'))).headers.etag).toBe(etag);
  });

  it('refuses expired and tampered links with a 401 unauthorized envelope', async () => {
    const link = new URL(await linkOf('pois'));
    const sig = link.searchParams.get('sig')!;
    const variant = (mutate: (u: URL) => void) => {
      const u = new URL(link);
      mutate(u);
      return u.toString();
    };
    const tampered = [
      variant((u) => u.searchParams.set('sig', sig.slice(0, -1) + (sig.endsWith('A') ? 'B' : 'A'))),
      variant((u) => u.searchParams.set('expires', String(Number(u.searchParams.get('expires')) + 3600))),
      variant((u) => u.searchParams.set('locale', 'th')),
      variant((u) => u.searchParams.delete('sig')),
      variant((u) => (u.pathname = '/v1/demo/static/stations.json')),
      variant((u) => (u.pathname = '/v1/demo-b/static/pois.json')),
    ];
    for (const url of tampered) expectEnvelope(await rawGet(url), 401, 'unauthorized');

    // A correctly signed link whose time is up.
    const expires = Math.floor(Date.now() / 1000) - 1;
    const payload = ['static-link-v1', 'demo', 'pois', 'en', String(expires)].join('\n');
    const expiredSig = createHmac('sha256', LINK_KEY).update(payload).digest('base64url');
    const expired = variant((u) => {
      u.searchParams.set('expires', String(expires));
      u.searchParams.set('sig', expiredSig);
    });
    expectEnvelope(await rawGet(expired), 401, 'unauthorized');
    // …and the same forging with a later expiry works, which proves the 401 above is about time.
    const fresh = Math.floor(Date.now() / 1000) + 60;
    const freshSig = createHmac('sha256', LINK_KEY)
      .update(['static-link-v1', 'demo', 'pois', 'en', String(fresh)].join('\n'))
      .digest('base64url');
    const ok = variant((u) => {
      u.searchParams.set('expires', String(fresh));
      u.searchParams.set('sig', freshSig);
    });
    expect((await rawGet(ok)).status).toBe(200);
    expectEnvelope(
      await rawGet(`${stack.bffUrl}/v1/demo/static/other.json?locale=en&expires=1&sig=x`),
      404,
      'not_found',
    );
  });

  it('station and POI ids from the documents work in a search, whose ids are in the documents', async () => {
    const stations = (await rawGet(await linkOf('stations'))).json<Array<{ id: string; name: string }>>();
    const operators = (await rawGet(await linkOf('operating_carriers'))).json<Array<{ Id: string }>>();
    const pois = (await rawGet(await linkOf('pois'))).json<Array<{ Id: string; name: string }>>();
    const from = stations.find((s) => s.name === 'Mo Chit Bus Terminal')!.id;
    const to = stations.find((s) => s.name === 'Chiang Mai Arcade Bus Terminal')!.id;
    const bangkok = pois.find((p) => p.name === 'Bangkok')!.Id;
    const chiangMai = pois.find((p) => p.name === 'Chiang Mai')!.Id;
    // Tomorrow in the sandbox's UTC+7 calendar: inside the horizon and past the sales cut-off.
    const date = new Date(Date.now() + 7 * 3600_000 + 86_400_000).toISOString().slice(0, 10);
    type SearchBody = {
      itineraries: unknown[];
      segments: Array<{ from_station: string; to_station: string; operating_carrier_id: string }>;
    };
    const search = async (query: string) => {
      const res = await rawGet(
        `${stack.bffUrl}/v1/demo/itineraries?${query}&departure_date=${date}&pax=1`,
        key(),
      );
      expect([200, 206]).toContain(res.status);
      return res.json<SearchBody>();
    };
    const stationIds = new Set(stations.map((s) => s.id));
    const operatorIds = new Set(operators.map((o) => o.Id));
    for (const body of [
      await search(`departures[]=${from}&arrivals[]=${to}`),
      await search(`departure_poi=${bangkok}&arrival_poi=${chiangMai}`),
    ]) {
      expect(body.itineraries.length).toBeGreaterThan(0);
      for (const segment of body.segments) {
        expect(stationIds.has(segment.from_station)).toBe(true);
        expect(stationIds.has(segment.to_station)).toBe(true);
        expect(operatorIds.has(segment.operating_carrier_id)).toBe(true);
      }
    }
    const byStation = await search(`departures[]=${from}&arrivals[]=${to}`);
    expect(byStation.segments.some((s) => s.from_station === from && s.to_station === to)).toBe(true);
  });
});
