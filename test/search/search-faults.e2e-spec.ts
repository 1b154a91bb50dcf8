/* eslint-disable @typescript-eslint/no-explicit-any -- JSON documents of the API and the spec are walked dynamically */
import { startStack, type TestStack } from '../support/stack';
import {
  addFault,
  clearFaults,
  expectErrorContract,
  expectSearchContract,
  getSearch,
  sandboxDate,
} from './search-e2e.helpers';

const D = sandboxDate(3);
/** Two pairs by index, neither live-checked: 3s→4s (trains) and 4055s→20101s (buses). */
const TWO_PAIRS = `departures[]=3&departures[]=4055&arrivals[]=4&arrivals[]=20101&departure_date=${D}&pax=1`;

/** Upstream faults on one place pair and on all of them (docs/upstream-12go.md#faults, docs/upstream-12go.md#admin-api, docs/contract/errors.md#upstream-failures). */
describe('GET /v1/{client_id}/itineraries — upstream faults', () => {
  let stack: TestStack;

  beforeAll(async () => {
    stack = await startStack({
      // A search timeout short enough for the timeout cases, long enough that a fast 5xx is never overtaken by
      // the deadline on a loaded machine; breaker out of the way so the cases stay independent.
      env: { TWELVEGO_TIMEOUTS: 'search=2500', BREAKER_MIN_REQUESTS: '100000', TWELVEGO_RETRY_MAX: '0' },
    });
  });
  afterAll(() => stack?.close());
  afterEach(() => clearFaults(stack));

  const faults: Array<[string, Record<string, unknown>]> = [
    ['a 500', { status: 500 }],
    ['a timeout', { delayMs: 5000 }],
    ['malformed JSON', { body: 'truncate' }],
    ['an HTML proxy page', { status: 502 }],
  ];

  it.each(faults)('%s on one pair: the other pair still answers (206)', async (_name, action) => {
    await addFault(stack, { match: { method: 'GET', path: '/search/3s/4s/*' }, action });
    const res = await getSearch(stack, TWO_PAIRS);
    expect(res.status).toBe(206);
    expectSearchContract(res);
    expect(res.body.itineraries.length).toBeGreaterThan(0);
    expect(new Set(res.body.segments.map((s: any) => s.from_station))).toEqual(new Set(['4055']));
  });

  it.each<[string, Record<string, unknown>, number, string]>([
    ['a 500', { status: 500 }, 502, 'upstream_error'],
    ['a 503', { status: 503 }, 502, 'upstream_error'],
    ['a timeout', { delayMs: 5000 }, 504, 'upstream_timeout'],
    ['malformed JSON', { body: 'truncate' }, 502, 'upstream_bad_response'],
    ['a body of the wrong shape', { body: 'wrongshape' }, 502, 'upstream_bad_response'],
    ['a reset connection', { conn: 'reset' }, 502, 'upstream_unavailable'],
  ])('%s on every pair: the mapped upstream error', async (_name, action, status, code) => {
    await addFault(stack, { match: { method: 'GET', path: '/search/**' }, action });
    const res = await getSearch(stack, TWO_PAIRS);
    expectErrorContract(res, status, code);
  });

  it('re-queries a failed pair within the timeout and answers 200 when it recovers', async () => {
    await addFault(stack, {
      match: { method: 'GET', path: '/search/3s/4s/*' },
      action: { status: 500 },
      times: 1,
    });
    const res = await getSearch(stack, `${TWO_PAIRS}&timeout=3`);
    expect(res.status).toBe(200);
    expectSearchContract(res);
    expect(new Set(res.body.segments.map((s: any) => s.from_station))).toEqual(new Set(['3', '4055']));
  });

  it('recovers once the fault is gone', async () => {
    await addFault(stack, {
      match: { method: 'GET', path: '/search/**' },
      action: { status: 500 },
      times: 2,
    });
    expect((await getSearch(stack, TWO_PAIRS)).status).toBe(502);
    const res = await getSearch(stack, TWO_PAIRS);
    expect(res.status).toBe(200);
    expectSearchContract(res);
    expect(new Set(res.body.segments.map((s: any) => s.from_station))).toEqual(new Set(['3', '4055']));
  });
});
