/* eslint-disable @typescript-eslint/no-explicit-any -- JSON documents of the API and the spec are walked dynamically */
import { sha256KeyHash } from '../../apps/connect-api/src/platform/clients/api-key-hash';
import { decodeItineraryId } from '../../apps/connect-api/src/ids/itinerary-id';
import { searchResponseProblems, openApiErrors } from '../contract/search-contract';
import { startStack, writeClientsFile, type TestStack } from '../support/stack';
import {
  expectCommonHeaders,
  expectSearchContract,
  getSearch,
  sandboxDate,
  upstreamSearches,
} from './search-e2e.helpers';

const MARKUP_KEY = 'search-e2e-markup-key-0123456789abcdef';
const D = sandboxDate(3);
const NATIVE_ID = new RegExp(`^[A-Za-z0-9]+-${D}-\\d{2}:\\d{2}$`);

describe('GET /v1/{client_id}/itineraries — search kinds against the sandbox', () => {
  let stack: TestStack;

  beforeAll(async () => {
    const clientsFile = writeClientsFile((file) => {
      file.clients.push({
        ...file.clients[0],
        client_id: 'markup-co',
        name: 'Markup partner (cipher ids)',
        api_keys: [{ id: 'mk', hash: sha256KeyHash(MARKUP_KEY) }],
        markup: { percent: '3.5', fixed_per_booking: { amount: '10.00', currency: 'THB' } },
        itinerary_id_format: 'cipher',
        contract_code: 'mkup',
      });
    });
    stack = await startStack({ clientsFile });
  });
  afterAll(() => stack?.close());

  it('station → station (departures[] / arrivals[])', async () => {
    const res = await getSearch(stack, `departures[]=3&arrivals[]=4&departure_date=${D}&pax=1`);
    expect(res.status).toBe(200);
    expectSearchContract(res);
    expect(res.body.itineraries.length).toBeGreaterThanOrEqual(2);
    for (const it of res.body.itineraries) expect(it.id).toMatch(NATIVE_ID);
    for (const s of res.body.segments)
      expect([s.from_station, s.to_station, s.vehicle_id, s.transportation_types]).toEqual([
        '3',
        '4',
        '16779-Train',
        ['Train'],
      ]);
    expect(res.body.vehicles.map((v: any) => v.id)).toEqual(['16779-Train']);
    const evening = res.body.segments.filter((s: any) => s.departure_time === `${D}T18:40`);
    expect(evening.length).toBeGreaterThan(0);
    for (const s of evening) expect(s.travel_duration).toBe('PT12H35M');
    // Exactly the sellable trips of 12go's answer, in its order.
    const upstream: any = await (
      await fetch(`${stack.sandboxUrl}/search/3s/4s/${D}?seats=1&direct=true&k=sandbox-key-1`)
    ).json();
    const sellable = upstream.trips.filter((t: any) => t.travel_options[0].is_bookable === 1);
    expect(res.body.itineraries.map((i: any) => i.id)).toEqual(
      sellable.map(
        (t: any) => `${t.id}-${t.params.dep_time.slice(0, 10)}-${t.params.dep_time.slice(11, 16)}`,
      ),
    );
  });

  it('station → POI', async () => {
    const res = await getSearch(stack, `departures[]=4055&arrival_poi=44&departure_date=${D}&pax=1`);
    expectSearchContract(res);
    expect(res.body.itineraries.length).toBeGreaterThanOrEqual(2);
    for (const s of res.body.segments) expect([s.from_station, s.to_station]).toEqual(['4055', '11553']);
    expect(await upstreamSearches(stack)).toContain(`/search/4055s/44p/${D}`);
  });

  it('POI → station', async () => {
    const res = await getSearch(stack, `departure_poi=1&arrivals=4&departure_date=${D}&pax=1`);
    expect(res.status).toBe(200);
    expectSearchContract(res);
    expect(new Set(res.body.segments.map((s: any) => `${s.from_station}>${s.to_station}`))).toEqual(
      new Set(['3>4']),
    );
  });

  it('POI → POI, with a multi-leg flight and exact air prices', async () => {
    const res = await getSearch(stack, `departure_poi=1&arrival_poi=44&departure_date=${D}&pax=1`);
    expectSearchContract(res);
    const types = new Set(res.body.segments.flatMap((s: any) => s.transportation_types));
    expect(types).toEqual(new Set(['Train', 'Bus', 'Airplane']));
    const segment = (id: string) => res.body.segments.find((s: any) => s.id === id);
    const air = res.body.itineraries.filter(
      (i: any) => segment(i.departure_segments[0]).transportation_types[0] === 'Airplane',
    );
    expect(air.length).toBeGreaterThan(0);
    for (const it of air) expect(it.pricing.gross_price.price_type).toBe('Exact');
    // The 06:40 flight stops at Sukhothai (5943); a seeded sell-out may hide it on one day, not on three.
    let multiLeg: any;
    for (const days of [3, 4, 5]) {
      const r =
        days === 3
          ? res
          : await getSearch(
              stack,
              `departure_poi=1&arrival_poi=44&departure_date=${sandboxDate(days)}&pax=1`,
            );
      expectSearchContract(r);
      const it = r.body.itineraries.find((i: any) => i.departure_segments.length === 2);
      if (it) {
        multiLeg = {
          it,
          legs: it.departure_segments.map((id: string) => r.body.segments.find((s: any) => s.id === id)),
        };
        break;
      }
    }
    expect(multiLeg).toBeDefined();
    expect(multiLeg.legs.map((s: any) => [s.from_station, s.to_station, s.transportation_types[0]])).toEqual([
      ['5937', '5943', 'Airplane'],
      ['5943', '5939', 'Airplane'],
    ]);
    expect(multiLeg.it.connection_guaranteed).toBe(true);
  });

  it('a ferry route', async () => {
    const res = await getSearch(stack, `departures[]=20102&arrivals[]=20301&departure_date=${D}&pax=1`);
    expectSearchContract(res);
    expect(res.body.vehicles.map((v: any) => v.id)).toEqual(['40001-Ferry']);
  });

  it('lists of unequal length search every combination (as the real requests do)', async () => {
    const res = await getSearch(
      stack,
      `departures[]=3&departures[]=4055&arrivals[]=4&arrivals[]=5133&arrivals[]=11553&departure_date=${D}&pax=1`,
    );
    expectSearchContract(res);
    const searched = await upstreamSearches(stack);
    for (const path of ['3s/4s', '3s/5133s', '3s/11553s', '4055s/4s', '4055s/5133s', '4055s/11553s'])
      expect(searched).toContain(`/search/${path}/${D}`);
    expect(new Set(res.body.segments.map((s: any) => s.from_station))).toEqual(new Set(['3', '4055']));
  });

  it('lists of equal length are paired by index', async () => {
    const date = sandboxDate(6);
    const res = await getSearch(
      stack,
      `departures[0]=3&departures[1]=4055&arrivals[0]=11553&arrivals[1]=4&departure_date=${date}&pax=1`,
    );
    expect(res.status).toBe(200);
    expectSearchContract(res);
    expect(res.body).toEqual({ vehicles: [], segments: [], itineraries: [] });
    const searched = (await upstreamSearches(stack)).filter((p) => p.endsWith(date));
    expect(searched.sort()).toEqual([`/search/3s/11553s/${date}`, `/search/4055s/4s/${date}`]);
  });

  it('prices all passengers and suffixes ids with ~N', async () => {
    const one = await getSearch(stack, `departures[]=3&arrivals[]=4&departure_date=${D}&pax=1`);
    const three = await getSearch(stack, `departures[]=3&arrivals[]=4&departure_date=${D}&pax=3`);
    expectSearchContract(three);
    for (const it of three.body.itineraries) {
      expect(it.id).toMatch(/~3$/);
      const single = one.body.itineraries.find((o: any) => `${o.id}~3` === it.id);
      expect(single).toBeDefined();
      const times3 = (amount: string) => ((Math.round(Number(amount) * 100) * 3) / 100).toFixed(2);
      expect(it.pricing.net_price.amount).toBe(times3(single.pricing.net_price.amount));
      expect(it.pricing.gross_price.amount).toBe(times3(single.pricing.gross_price.amount));
    }
  });

  it('applies the client markup and emits cipher ids for a migrated client', async () => {
    const plain = await getSearch(stack, `departures[]=3&arrivals[]=4&departure_date=${D}&pax=2`);
    const marked = await getSearch(stack, `departures[]=3&arrivals[]=4&departure_date=${D}&pax=2`, {
      clientId: 'markup-co',
      key: MARKUP_KEY,
    });
    expect(marked.status).toBe(200);
    expectCommonHeaders(marked);
    expect(openApiErrors('SearchResponse', marked.body)).toEqual([]);
    expect(marked.body.itineraries).toHaveLength(plain.body.itineraries.length);
    for (const it of marked.body.itineraries) {
      expect(it.id.startsWith('XYXZ4Y')).toBe(true);
      const decoded = decodeItineraryId(it.id);
      expect(decoded).toMatchObject({
        ok: true,
        value: { form: 'cipher', seats: 2, contractCode: 'mkup', departureDate: D },
      });
      if (!decoded.ok) continue;
      const native = `${decoded.value.tripKey}-${decoded.value.departureDate}-${decoded.value.departureTime}~2`;
      const base = plain.body.itineraries.find((p: any) => p.id === native);
      const netCents = BigInt(base.pricing.net_price.amount.replace('.', ''));
      const percent = (netCents * 35n * 2n + 1000n) / 2000n; // × 3.5 %, half up
      expect(it.pricing.net_price.amount).toBe((Number(netCents + percent + 1000n) / 100).toFixed(2));
      expect(it.pricing.gross_price).toEqual(base.pricing.gross_price);
      it.id = native;
    }
    // With native ids restored the response has exactly the real responses' structure.
    expect(searchResponseProblems(marked.body)).toEqual([]);
  });

  it('unknown places and dates beyond the horizon answer 200 with empty arrays', async () => {
    for (const query of [
      `departures[]=77777&arrivals[]=4&departure_date=${D}&pax=1`,
      `departure_poi=NOSUCHPOI&arrival_poi=44&departure_date=${D}&pax=1`,
      `departure_poi=1&arrival_poi=44&departure_date=${sandboxDate(120)}&pax=1`,
      `departure_poi=1&arrival_poi=1&departure_date=${D}&pax=1`,
      // 12go sells at most 20 seats per search (sandbox): more passengers find nothing, not an error.
      `departures[]=3&arrivals[]=4&departure_date=${D}&pax=50`,
    ]) {
      const res = await getSearch(stack, query);
      expect({ query, status: res.status, body: res.body }).toEqual({
        query,
        status: 200,
        body: { vehicles: [], segments: [], itineraries: [] },
      });
      expectSearchContract(res);
    }
  });

  it('omits unsellable trips (sold out scenario)', async () => {
    const res = await getSearch(stack, `departures[]=9001&arrivals[]=9002&departure_date=${D}&pax=1`);
    expectSearchContract(res);
    const ids: string[] = res.body.itineraries.map((i: any) => i.id);
    expect(ids.some((id) => id.includes('ZOKINST'))).toBe(true);
    expect(ids.some((id) => id.includes('ZSOLDOU'))).toBe(false);
    const two = await getSearch(stack, `departures[]=9001&arrivals[]=9002&departure_date=${D}&pax=2`);
    expect(two.body.itineraries.some((i: any) => i.id.includes('ZLASTST'))).toBe(false);
    expect(ids.some((id) => id.includes('ZLASTST'))).toBe(true);
  });

  it('echoes tracing headers and the API version', async () => {
    const res = await getSearch(stack, `departures[]=3&arrivals[]=4&departure_date=${D}&pax=1`, {
      headers: {
        'x-correlation-id': 'search-e2e-corr-1',
        'X-Request-Id': 'search-e2e-req-1',
        'Travelier-Version': '2023-07-01',
      },
    });
    expectSearchContract(res, 'search-e2e-corr-1');
    expect(res.headers.get('x-request-id')).toBe('search-e2e-req-1');
    const generated = await getSearch(stack, `departures[]=3&arrivals[]=4&departure_date=${D}&pax=1`, {
      headers: { 'x-correlation-id': 'bad id!' },
    });
    expect(generated.headers.get('x-correlation-id')).toMatch(
      /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/,
    );
  });

  it('logs the search.completed business event and never the 12go key', async () => {
    const events = stack.logs.lines().filter((l) => l.evt?.name === 'search.completed');
    expect(events.length).toBeGreaterThan(0);
    expect(events[0]).toMatchObject({
      date: expect.any(String),
      pax: expect.any(Number),
      result_count: expect.any(Number),
      partial: expect.any(Boolean),
    });
    expect(stack.logs.text()).not.toContain('sandbox-key-1');
  });
});
