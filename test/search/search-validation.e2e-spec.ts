/* eslint-disable @typescript-eslint/no-explicit-any -- JSON documents of the API and the spec are walked dynamically */
import { startStack, type TestStack } from '../support/stack';
import { expectErrorContract, getSearch, sandboxDate, upstreamSearches } from './search-e2e.helpers';

const D = sandboxDate(3);
const VALID = { departure_poi: '1', arrival_poi: '44', departure_date: D, pax: '1' };
const yesterdayUtc = new Date(Date.now() - 86_400_000).toISOString().slice(0, 10);
const twoDaysAgoUtc = new Date(Date.now() - 2 * 86_400_000).toISOString().slice(0, 10);

function query(params: Record<string, string | string[] | undefined>): string {
  const q = new URLSearchParams();
  for (const [k, v] of Object.entries(params)) {
    if (v === undefined) continue;
    for (const item of Array.isArray(v) ? v : [v]) q.append(k, item);
  }
  return q.toString();
}

/** 400 validation_error for each invalid parameter (docs/contract/endpoints.md#search, docs/contract/errors.md#field-errors). */
describe('GET /v1/{client_id}/itineraries — parameter validation', () => {
  let stack: TestStack;

  beforeAll(async () => {
    stack = await startStack();
  });
  afterAll(() => stack?.close());

  it.each<[string, Record<string, string | string[] | undefined>, string, string]>([
    ['departure_date missing', { departure_date: undefined }, 'departure_date', 'required'],
    ['departure_date malformed', { departure_date: '01/04/2026' }, 'departure_date', 'invalid_format'],
    [
      'departure_date not a calendar date',
      { departure_date: '2026-02-30' },
      'departure_date',
      'invalid_value',
    ],
    ['departure_date before yesterday', { departure_date: twoDaysAgoUtc }, 'departure_date', 'out_of_range'],
    ['return_date before departure_date', { return_date: yesterdayUtc }, 'return_date', 'out_of_range'],
    ['return_date malformed', { return_date: 'tomorrow' }, 'return_date', 'invalid_format'],
    ['pax missing', { pax: undefined }, 'pax', 'required'],
    ['pax zero', { pax: '0' }, 'pax', 'out_of_range'],
    ['pax above 100', { pax: '101' }, 'pax', 'out_of_range'],
    ['pax not an integer', { pax: 'two' }, 'pax', 'invalid_type'],
    ['pax_ages out of range', { 'pax_ages[]': ['30', '121'] }, 'pax_ages[1]', 'out_of_range'],
    ['departure_poi malformed', { departure_poi: 'bkk' }, 'departure_poi', 'pattern_mismatch'],
    ['arrival_poi malformed', { arrival_poi: 'A-1' }, 'arrival_poi', 'pattern_mismatch'],
    ['no departure side', { departure_poi: undefined }, 'departures', 'required'],
    ['no arrival side', { arrival_poi: undefined }, 'arrivals', 'required'],
    ['both departure forms', { 'departures[]': '3' }, 'departure_poi', 'not_allowed'],
    ['both arrival forms', { 'arrivals[]': '4' }, 'arrival_poi', 'not_allowed'],
    ['currency unsupported', { currency: 'XYZ' }, 'currency', 'invalid_value'],
    ['currency malformed', { currency: 'EURO' }, 'currency', 'invalid_value'],
    ['confidence_score above 1', { confidence_score: '1.5' }, 'confidence_score', 'out_of_range'],
    ['cache_only not a boolean', { cache_only: 'yes' }, 'cache_only', 'invalid_type'],
    ['timeout negative', { timeout: '-1' }, 'timeout', 'out_of_range'],
    ['timeout not an integer', { timeout: 'soon' }, 'timeout', 'invalid_type'],
  ])('%s → 400', async (_name, patch, field, reason) => {
    const res = await getSearch(stack, query({ ...VALID, ...patch }));
    expectErrorContract(res, 400, 'validation_error');
    expect(res.body.error.details).toEqual([{ field, reason, message: expect.any(String) }]);
  });

  it('rejects station ids that are not upper-case letters and digits, and identical pairs by index', async () => {
    const res = await getSearch(
      stack,
      `departures[]=3&departures[]=x1&arrivals[]=3&arrivals[]=4&departure_date=${D}&pax=1`,
    );
    expectErrorContract(res, 400, 'validation_error');
    expect(res.body.error.details.map((d: any) => [d.field, d.reason])).toEqual([
      ['departures[1]', 'pattern_mismatch'],
    ]);
    const same = await getSearch(
      stack,
      `departures[]=3&departures[]=4055&arrivals[]=4&arrivals[]=4055&departure_date=${D}&pax=1`,
    );
    expectErrorContract(same, 400, 'validation_error');
    expect(same.body.error.details.map((d: any) => [d.field, d.reason])).toEqual([
      ['arrivals[1]', 'invalid_value'],
    ]);
  });

  it('rejects more than 100 entries per list', async () => {
    const many = Array.from({ length: 101 }, (_, i) => `departures[]=${i + 1}`).join('&');
    const res = await getSearch(stack, `${many}&arrival_poi=44&departure_date=${D}&pax=1`);
    expectErrorContract(res, 400, 'validation_error');
    expect(res.body.error.details.map((d: any) => [d.field, d.reason])).toEqual([['departures', 'too_many']]);
  });

  it('lists every problem at once and calls no upstream', async () => {
    const before = (await upstreamSearches(stack)).length;
    const res = await getSearch(
      stack,
      `pax=0&departures[]=3&departure_poi=1&currency=QQQ&timeout=x&departure_date=2026-99-01`,
    );
    expectErrorContract(res, 400, 'validation_error');
    expect(res.body.error.details.map((d: any) => [d.field, d.reason])).toEqual(
      expect.arrayContaining([
        ['departure_date', 'invalid_value'],
        ['pax', 'out_of_range'],
        ['currency', 'invalid_value'],
        ['timeout', 'invalid_type'],
        ['departure_poi', 'not_allowed'],
        ['arrivals', 'required'],
      ]),
    );
    expect(res.body.error.details).toHaveLength(6);
    expect((await upstreamSearches(stack)).length).toBe(before);
  });

  it('ignores unknown parameters and accepts yesterday (UTC)', async () => {
    const res = await getSearch(
      stack,
      query({ ...VALID, departure_date: yesterdayUtc, foo: 'bar', locale: 'xx' }),
    );
    expect([200, 206]).toContain(res.status);
  });

  it('authenticates before validating', async () => {
    const res = await getSearch(stack, 'pax=0', { key: 'wrong-key-0000000000000000000000000000' });
    expect(res.status).toBe(401);
  });
});
