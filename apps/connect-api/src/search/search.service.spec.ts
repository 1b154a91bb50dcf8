import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Logger } from '@nestjs/common';
import { TwelveGoError, type TwelveGoClient, type TwelveGoSearchResponse } from '@app/twelvego-client';
import { IdMapping } from '../ids/id-mapping';
import type { ClientSnapshot } from '../platform/clients/client-snapshot';
import { loadAppConfig } from '../platform/config/load-app-config';
import type { SearchQuery } from './dto/search-query.parser';
import { SearchService } from './search.service';

const FIXTURE: TwelveGoSearchResponse = JSON.parse(
  readFileSync(join(__dirname, '../../../../test/fixtures/twelvego/search.json'), 'utf8'),
);
const withoutRecheck = (): TwelveGoSearchResponse => ({ ...structuredClone(FIXTURE), recheck: [] });

const client = {
  clientId: 'acme',
  twelvegoApiKey: 'secret-key',
  markup: null,
  itineraryIdFormat: 'native',
  idScheme: 'mapped',
  contractCode: '12go',
} as unknown as ClientSnapshot;

const query = (over: Partial<SearchQuery> = {}): SearchQuery => ({
  departureDate: '2026-05-14',
  pax: 2,
  pairs: [
    { from: { kind: 'poi', id: '1' }, to: { kind: 'poi', id: '44' } },
    { from: { kind: 'station', id: '3' }, to: { kind: 'station', id: '4' } },
  ],
  locale: 'en',
  timeoutS: 0,
  departures: [],
  arrivals: [],
  ...over,
});

function service(search: jest.Mock, env: Record<string, string> = {}) {
  const twelveGo = { search, triggerRecheck: jest.fn() } as unknown as TwelveGoClient & {
    triggerRecheck: jest.Mock;
  };
  const ids = IdMapping.fromCsv({ pois: 'client_poi_id,twelvego_province_id\nBKK,1\n' });
  const svc = new SearchService(twelveGo, ids, loadAppConfig({ SEARCH_RECHECK_POLL_MS: '50', ...env }));
  return { svc, twelveGo };
}

const serverError = () => new TwelveGoError({ kind: 'server', operation: 'search', status: 500 });

describe('SearchService (TwelveGoClient mocked)', () => {
  beforeAll(() => Logger.overrideLogger(false));
  afterAll(() => Logger.overrideLogger(['log', 'warn', 'error']));

  it('calls 12go once per distinct mapped pair with s/p suffixes and merges the answers', async () => {
    const search = jest.fn().mockResolvedValue(withoutRecheck());
    const { svc } = service(search);
    const out = await svc.search(
      client,
      query({
        pairs: [
          { from: { kind: 'poi', id: 'BKK' }, to: { kind: 'poi', id: '44' } },
          { from: { kind: 'poi', id: '1' }, to: { kind: 'poi', id: '44' } }, // same 12go pair as BKK→44
          { from: { kind: 'station', id: '3' }, to: { kind: 'station', id: '4' } },
          { from: { kind: 'poi', id: 'NOPE' }, to: { kind: 'poi', id: '44' } }, // unknown: no call
        ],
      }),
    );
    expect(search.mock.calls.map(([, p]) => `${p.from}/${p.to}/${p.date}/${p.seats}`)).toEqual([
      '1p/44p/2026-05-14/2',
      '3s/4s/2026-05-14/2',
    ]);
    expect(search.mock.calls[0][0]).toMatchObject({ apiKey: 'secret-key', clientId: 'acme', lang: 'en' });
    expect(out.status).toBe(200);
    expect(out.body.itineraries).toHaveLength(4); // identical trips from both pairs de-duplicated
  });

  it('answers 200 with empty arrays without calling 12go when no place is known', async () => {
    const search = jest.fn();
    const { svc } = service(search);
    const out = await svc.search(
      client,
      query({ pairs: [{ from: { kind: 'poi', id: 'NOPE' }, to: { kind: 'poi', id: '44' } }] }),
    );
    expect(out).toEqual({ status: 200, body: { vehicles: [], segments: [], itineraries: [] } });
    expect(search).not.toHaveBeenCalled();
  });

  it('keeps the pairs that answered when one fails (206) and throws the upstream error as its contract error when all fail', async () => {
    const partial = jest.fn().mockRejectedValueOnce(serverError()).mockResolvedValueOnce(withoutRecheck());
    const out = await service(partial).svc.search(client, query());
    expect(out.status).toBe(206);
    expect(out.body.itineraries).toHaveLength(4);

    const failing = jest.fn().mockRejectedValue(serverError());
    await expect(service(failing).svc.search(client, query())).rejects.toMatchObject({
      code: 'upstream_error',
      status: 502,
      cause: expect.objectContaining({ kind: 'server' }),
    });
  });

  it('treats 12go rejecting the date or seat count as no results', async () => {
    const search = jest.fn().mockRejectedValue(
      new TwelveGoError({
        kind: 'validation',
        operation: 'search',
        status: 400,
        fields: { seats: 'too many' },
      }),
    );
    const out = await service(search).svc.search(client, query({ pax: 50 }));
    expect(out).toEqual({ status: 200, body: { vehicles: [], segments: [], itineraries: [] } });
  });

  it('triggers recheck URLs and answers 206 at once when timeout is 0', async () => {
    const search = jest.fn().mockResolvedValue(structuredClone(FIXTURE));
    const { svc, twelveGo } = service(search);
    const out = await svc.search(client, query({ pairs: [query().pairs[0]] }));
    expect(out.status).toBe(206);
    expect(twelveGo.triggerRecheck).toHaveBeenCalledWith(FIXTURE.recheck[0]);
    expect(search).toHaveBeenCalledTimes(1);
  });

  it('re-queries within the timeout until the recheck is done, then answers 200', async () => {
    const search = jest
      .fn()
      .mockResolvedValueOnce(structuredClone(FIXTURE))
      .mockResolvedValueOnce(structuredClone(FIXTURE))
      .mockResolvedValue(withoutRecheck());
    const out = await service(search).svc.search(client, query({ pairs: [query().pairs[0]], timeoutS: 5 }));
    expect(out.status).toBe(200);
    expect(search).toHaveBeenCalledTimes(3);
  });

  it('stops re-querying at the deadline and answers 206 with what it has', async () => {
    jest.useFakeTimers();
    try {
      const search = jest.fn().mockImplementation(async () => structuredClone(FIXTURE));
      const answer = settledFlag(
        service(search, { SEARCH_RECHECK_MAX_WAIT_S: '1' }).svc.search(
          client,
          query({ pairs: [query().pairs[0]], timeoutS: 30 }),
        ),
      );
      // the wait is capped at 1 s although the partner allowed 30 s
      await jest.advanceTimersByTimeAsync(1000);
      expect(answer.settled).toBe(true);
      const out = await answer.promise;
      expect(out.status).toBe(206);
      expect(out.body.itineraries).toHaveLength(4);
      expect(search.mock.calls.length).toBeGreaterThan(2);
    } finally {
      jest.useRealTimers();
    }
  });
});

/** Tracks whether a promise has settled, for tests that step fake time. */
function settledFlag<T>(promise: Promise<T>): { promise: Promise<T>; settled: boolean } {
  const flag = { promise, settled: false };
  promise.then(
    () => (flag.settled = true),
    () => (flag.settled = true),
  );
  return flag;
}

describe('SearchService re-query deadline', () => {
  beforeAll(() => Logger.overrideLogger(false));
  afterAll(() => Logger.overrideLogger(['log', 'warn', 'error']));

  it('abandons a re-query that outlives the timeout and answers 206 on time', async () => {
    jest.useFakeTimers();
    try {
      const slow = () =>
        new Promise<TwelveGoSearchResponse>((resolve) => setTimeout(() => resolve(withoutRecheck()), 3000));
      const search = jest.fn().mockResolvedValueOnce(structuredClone(FIXTURE)).mockImplementation(slow);
      const answer = settledFlag(
        service(search).svc.search(client, query({ pairs: [query().pairs[0]], timeoutS: 1 })),
      );
      await jest.advanceTimersByTimeAsync(999);
      expect(answer.settled).toBe(false);
      // at the 1 s deadline, while the re-query still has 2 s to go
      await jest.advanceTimersByTimeAsync(1);
      expect(answer.settled).toBe(true);
      expect((await answer.promise).status).toBe(206);
      expect(search).toHaveBeenCalledTimes(2);
    } finally {
      jest.useRealTimers();
    }
  });
});

describe('SearchService retries a failed pair within the timeout', () => {
  beforeAll(() => Logger.overrideLogger(false));
  afterAll(() => Logger.overrideLogger(['log', 'warn', 'error']));

  it('answers 200 when the failed pair succeeds on a re-query', async () => {
    const search = jest
      .fn()
      .mockRejectedValueOnce(serverError())
      .mockResolvedValueOnce(withoutRecheck())
      .mockResolvedValue(withoutRecheck());
    const out = await service(search).svc.search(client, query({ timeoutS: 2 }));
    expect(out.status).toBe(200);
    expect(search).toHaveBeenCalledTimes(3);
  });
});
