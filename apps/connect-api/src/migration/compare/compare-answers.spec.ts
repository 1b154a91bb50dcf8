import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { compareAnswers, compareBodies } from './compare-answers';
import { endpointOf } from './endpoint-profiles';

const FIXTURES = resolve(__dirname, '../../../../..', 'test/fixtures/search-poc');
const NAMES = ['province-to-province', 'province-to-station', 'station-to-province', 'station-to-station'];

type Doc = {
  itineraries: Array<Record<string, unknown> & { pricing: { gross_price: { amount: unknown } } }>;
  segments: Array<Record<string, unknown>>;
};

function load(name: string): Doc {
  return JSON.parse(readFileSync(resolve(FIXTURES, `${name}.response.json`), 'utf8')) as Doc;
}

describe('compareBodies on the legacy search responses', () => {
  it.each(NAMES)('%s against itself → no difference', (name) => {
    const doc = load(name);
    const result = compareBodies(doc, load(name), 'search');
    expect(result.differences).toEqual([]);
    expect(result.total).toBe(0);
  });

  it.each(NAMES)('%s against a copy with four defects → exactly those four', (name) => {
    const original = load(name);
    const copy = load(name);
    delete copy.itineraries[0].connection_guaranteed;
    copy.itineraries[1].pricing.gross_price.amount = Number(copy.itineraries[1].pricing.gross_price.amount);
    copy.segments[0].departure_time = `${String(copy.segments[0].departure_time)}:00`;
    copy.itineraries[2].ticket_type = 'Hologram';

    const result = compareBodies(original, copy, 'search');

    const summary = result.differences.map((d) => [d.kind, d.path, d.count]);
    expect(summary).toEqual(
      expect.arrayContaining([
        ['missing_key', 'itineraries[].connection_guaranteed', 1],
        ['type_change', 'itineraries[].pricing.gross_price.amount', 1],
        ['format', 'segments[].departure_time', 1],
        ['enum', 'itineraries[].ticket_type', 1],
      ]),
    );
    expect(result.differences).toHaveLength(4);
    expect(result.total).toBe(4);
    const format = result.differences.find((d) => d.kind === 'format');
    expect(format).toMatchObject({ baseline: 'local-datetime-minutes', candidate: 'local-datetime-seconds' });
    const type = result.differences.find((d) => d.kind === 'type_change');
    expect(type).toMatchObject({ baseline: 'string', candidate: 'number' });
  });
});

describe('compareBodies rules', () => {
  const base = () => load('station-to-station');

  it('pairs itineraries by departure segments when the ids differ in format and reports only the id format', () => {
    const original = base();
    const copy = base();
    // Same itineraries, reversed, with ids in a different shape.
    copy.itineraries.reverse();
    copy.itineraries.forEach((it, i) => (it.id = `Zm9vYmFy${i}xyz`));
    const result = compareBodies(original, copy, 'search');
    expect(result.differences.map((d) => [d.kind, d.path])).toEqual([['format', 'itineraries[].id']]);
    expect(result.differences[0].count).toBe(original.itineraries.length);
  });

  it('reports null vs absent, extra keys, array lengths and amount digits', () => {
    const b = { a: null, list: [1, 2], price: { amount: '10.00', currency: 'THB' } };
    const c = { b: 1, list: [1], price: { amount: '10.000', currency: 'THB' } };
    const kinds = compareBodies(b, c, 'other').differences.map((d) => `${d.kind} ${d.path}`);
    expect(kinds).toEqual(['null_vs_absent a', 'array_length list', 'format price.amount', 'extra_key b']);
  });

  it('compares values of stable fields only', () => {
    const original = base();
    const copy = base();
    copy.segments[0].from_station = '999';
    copy.itineraries[0].number_of_available_seats = 1;
    const result = compareBodies(original, copy, 'search');
    expect(result.differences).toEqual([
      { path: 'segments[].from_station', kind: 'value', baseline: '3', candidate: '999', count: 1 },
    ]);
  });

  it('never keeps values of fields that can carry PII', () => {
    const b = { passengers: [{ first_name: 'Anna', email: 'anna@example.com' }], status: 'approved' };
    const c = { passengers: [{ first_name: 42, email: 'anna@example' }], status: 'approved' };
    const result = compareAnswers(
      { status: 200, headers: { 'content-type': 'application/json' }, body: JSON.stringify(b) },
      { status: 200, headers: { 'content-type': 'application/json' }, body: JSON.stringify(c) },
      'booking_details',
    );
    expect(JSON.stringify(result)).not.toMatch(/Anna|anna/);
    expect(result.differences).toEqual([
      expect.objectContaining({ kind: 'type_change', path: 'passengers[].first_name' }),
    ]);
  });
});

describe('compareAnswers', () => {
  const json = (status: number, headers: Record<string, string>, body: unknown) => ({
    status,
    headers: { 'content-type': 'application/json; charset=utf-8', ...headers },
    body: Buffer.from(JSON.stringify(body)),
  });

  it('compares status, content-type, travelier-version and ratelimit-* presence', () => {
    const b = json(200, { 'travelier-version': '2023-07-01', 'ratelimit-limit': '10', 'x-other': 'a' }, {});
    const c = {
      ...json(404, { 'ratelimit-policy': '10;w=1' }, {}),
      headers: { 'content-type': 'text/html', 'ratelimit-policy': '1' },
    };
    const found = compareAnswers(b, c, 'search').differences.map((d) => `${d.kind} ${d.path}`);
    expect(found).toEqual([
      'status status',
      'header_value headers.content-type',
      'header_missing headers.travelier-version',
      'header_missing headers.ratelimit-limit',
      'header_extra headers.ratelimit-policy',
    ]);
  });

  it('reports a JSON body answered by a non-JSON body', () => {
    const b = json(200, {}, { a: 1 });
    const c = { status: 200, headers: { 'content-type': 'application/json' }, body: '<html>' };
    expect(compareAnswers(b, c, 'search').differences).toEqual([
      { path: '$', kind: 'body_format', baseline: 'json', candidate: 'not-json', count: 1 },
    ]);
  });
});

describe('endpointOf', () => {
  it.each([
    ['GET', '/v1/acme/itineraries?departure_poi=1', 'search'],
    ['GET', '/v1/acme/itineraries/abc-2026-01-01-10:00', 'get_itinerary'],
    ['GET', '/v1/acme/stations', 'static_data'],
    ['GET', '/v1/acme/pois/GetList', 'static_data'],
    ['GET', '/v1/acme/bookings/123', 'booking_details'],
    ['GET', '/v1/acme/bookings/123/ticket', 'ticket'],
    ['POST', '/v1/acme/bookings', 'other'],
    ['POST', '/v1/acme/bookings/123/cancel', 'other'],
  ])('%s %s → %s', (method, path, kind) => {
    expect(endpointOf(method, path)).toBe(kind);
  });
});
