import { parseSearchQuery } from './search-query.parser';

const opts = { now: new Date('2026-04-01T10:00:00Z'), supportedCurrencies: ['THB'], maxPairs: 25 };
const base = { departure_date: '2026-04-02', pax: '1' };
const ids = (n: number, offset: number) => Array.from({ length: n }, (_, i) => String(offset + i));

describe('parseSearchQuery: SEARCH_MAX_PAIRS', () => {
  it.each([
    [5, 5, true], // paired by index: 5 pairs
    [5, 6, false], // 30 combinations
    [1, 25, true],
    [1, 26, false],
    [18, 17, false], // the reported 296-call request (306 combinations)
  ])('%d departures × %d arrivals → accepted %s', (d, a, ok) => {
    const r = parseSearchQuery({ ...base, 'departures[]': ids(d, 1000), 'arrivals[]': ids(a, 2000) }, opts);
    expect(r.ok).toBe(ok);
    if (!r.ok) {
      expect(r.details).toEqual([
        {
          field: 'departures',
          reason: 'too_many',
          message: `departures × arrivals makes ${d * a} station pairs; at most 25 are searched per request.`,
        },
      ]);
    }
  });

  it('counts a POI side as one place', () => {
    const r = parseSearchQuery({ ...base, departure_poi: '44', 'arrivals[]': ids(26, 2000) }, opts);
    expect(r.ok ? [] : r.details.map((x) => [x.field, x.reason])).toEqual([['arrivals', 'too_many']]);
  });
});
