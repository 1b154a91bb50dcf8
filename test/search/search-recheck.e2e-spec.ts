/* eslint-disable @typescript-eslint/no-explicit-any -- JSON documents of the API and the spec are walked dynamically */
import { startStack, type TestStack } from '../support/stack';
import { expectSearchContract, getSearch, sandboxDate } from './search-e2e.helpers';

/** Partial results and rechecks (docs/contract/endpoints.md#search, docs/upstream-12go.md#recheck, docs/upstream-12go.md#recheck-simulation, docs/upstream-12go.md#scenario-trips). */
describe('GET /v1/{client_id}/itineraries — 206 and rechecks', () => {
  let stack: TestStack;

  beforeAll(async () => {
    stack = await startStack({
      sandboxEnv: { SANDBOX_RECHECK_DELAY_MS: '300' },
      env: { SEARCH_RECHECK_POLL_MS: '150' },
    });
  });
  afterAll(() => stack?.close());

  async function recheckCalls(): Promise<string[]> {
    const log: any = await (await stack.sandboxAdmin('/requests')).json();
    const entries: any[] = Array.isArray(log) ? log : (log.requests ?? log.items ?? []);
    return entries
      .filter((e) => String(e.path).startsWith('/searchr'))
      .map((e) => `${e.path}?${new URLSearchParams(e.query).toString()}`);
  }

  it('answers 206 at once for the recheck scenario trips (timeout=0) and triggers their recheck URL', async () => {
    const date = sandboxDate(4);
    const res = await getSearch(stack, `departures[]=9001&arrivals[]=9002&departure_date=${date}&pax=1`);
    expect(res.status).toBe(206);
    expectSearchContract(res);
    const ids: string[] = res.body.itineraries.map((i: any) => i.id);
    expect(ids).toContain(`TH02lb02lc2Bhb0xbZRECHK1-${date}-11:30`);
    expect(ids).toContain(`TH02lb02lc2Bhb0xbZRECHKN-${date}-12:00`);
    await waitFor(async () =>
      (await recheckCalls()).some((c) => c.includes(`d=${date}`) && c.includes('f=9001')),
    );
  });

  it('keeps answering 206 while a recheck never completes (RECHKN), after waiting at most the timeout', async () => {
    const date = sandboxDate(5);
    const started = Date.now();
    const res = await getSearch(
      stack,
      `departures[]=9001&arrivals[]=9002&departure_date=${date}&pax=1&timeout=2`,
    );
    const elapsed = Date.now() - started;
    expect(res.status).toBe(206);
    expectSearchContract(res);
    expect(elapsed).toBeGreaterThanOrEqual(1500);
    // RECHKN never completes: a 206 can only come from giving up at the timeout (no upper bound on a loaded machine).
  });

  it('answers 206 first and 200 once the recheck has completed', async () => {
    const date = sandboxDate(4);
    const query = `departures[]=4055&arrivals[]=30101&departure_date=${date}&pax=1`;
    const first = await getSearch(stack, query);
    expect(first.status).toBe(206);
    expectSearchContract(first);
    let last = first;
    await waitFor(async () => {
      last = await getSearch(stack, query);
      return last.status === 200;
    });
    expect(last.status).toBe(200);
    expectSearchContract(last);
    expect(last.body.itineraries.map((i: any) => i.id)).toEqual(first.body.itineraries.map((i: any) => i.id));
  });

  it('with timeout > 0 re-queries internally and answers 200 as soon as the recheck completes', async () => {
    const date = sandboxDate(5);
    // The longest timeout (30 s) against a 300 ms recheck: the answer must come before the deadline.
    let timer: NodeJS.Timeout | undefined;
    const deadline = new Promise<'deadline'>((resolve) => {
      timer = setTimeout(() => resolve('deadline'), 30_000);
    });
    const search = getSearch(
      stack,
      `departures[]=4055&arrivals[]=30201&departure_date=${date}&pax=1&timeout=30`,
    );
    const first = await Promise.race([search.then(() => 'answer' as const), deadline]);
    clearTimeout(timer);
    expect(first).toBe('answer');
    const res = await search;
    expect(res.status).toBe(200);
    expectSearchContract(res);
    expect(res.body.itineraries.length).toBeGreaterThan(0);
  });

  it('clamps timeout above 30 instead of rejecting it', async () => {
    const res = await getSearch(
      stack,
      `departures[]=3&arrivals[]=4&departure_date=${sandboxDate(4)}&pax=1&timeout=600`,
    );
    expect(res.status).toBe(200);
    expectSearchContract(res);
  });
});

async function waitFor(check: () => Promise<boolean>, timeoutMs = 5000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (await check()) return;
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error('condition not met in time');
}
