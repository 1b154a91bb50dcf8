import { collectList } from './query-string-values';
import { normaliseLocale } from '../../contract/locale';
import { parseSearchQuery } from './search-query.parser';

const opts = { now: new Date('2026-04-01T10:00:00Z'), supportedCurrencies: ['THB', 'USD', 'JPY'] };
const parse = (raw: Record<string, unknown>) => parseSearchQuery(raw, opts);
const base = { departure_date: '2026-04-02', pax: '1' };
const fields = (raw: Record<string, unknown>) => {
  const r = parse(raw);
  return r.ok ? [] : r.details.map((d) => [d.field, d.reason]);
};

describe('parseSearchQuery', () => {
  it('accepts the four kinds of search', () => {
    const s2s = parse({ ...base, 'departures[]': ['3', '4055'], 'arrivals[]': ['4', '11553'] });
    expect(s2s.ok && s2s.query.pairs).toEqual([
      { from: { kind: 'station', id: '3' }, to: { kind: 'station', id: '4' } },
      { from: { kind: 'station', id: '4055' }, to: { kind: 'station', id: '11553' } },
    ]);
    const s2p = parse({ ...base, 'departures[]': ['3', '4055'], arrival_poi: '44' });
    expect(s2p.ok && s2p.query.pairs.map((p) => `${p.from.id}>${p.to.kind}:${p.to.id}`)).toEqual([
      '3>poi:44',
      '4055>poi:44',
    ]);
    const p2s = parse({ ...base, departure_poi: '1', 'arrivals[]': '4' });
    expect(p2s.ok && p2s.query.pairs).toEqual([
      { from: { kind: 'poi', id: '1' }, to: { kind: 'station', id: '4' } },
    ]);
    const p2p = parse({ ...base, departure_poi: '1', arrival_poi: '44' });
    expect(p2p.ok && p2p.query.pairs).toEqual([
      { from: { kind: 'poi', id: '1' }, to: { kind: 'poi', id: '44' } },
    ]);
  });

  it('searches every combination for lists of unequal length (real requests send them)', () => {
    const r = parse({ ...base, 'departures[]': ['3', '4055'], 'arrivals[]': ['4', '5133', '11553'] });
    expect(r.ok && r.query.pairs.map((p) => `${p.from.id}>${p.to.id}`)).toEqual([
      '3>4',
      '3>5133',
      '3>11553',
      '4055>4',
      '4055>5133',
      '4055>11553',
    ]);
  });

  it('ignores duplicate pairs and accepts every array syntax', () => {
    const r = parse({ ...base, departures: ['3', '3'], 'arrivals[1]': '4', 'arrivals[0]': '4' });
    expect(r.ok && r.query.pairs).toHaveLength(1);
    expect(collectList({ 'x[2]': 'c', 'x[0]': 'a', 'x[1]': 'b' }, 'x')).toEqual(['a', 'b', 'c']);
    expect(collectList({ x: { 1: 'b', 0: 'a' } }, 'x')).toEqual(['a', 'b']);
  });

  it('normalises optional parameters', () => {
    const r = parse({
      ...base,
      departure_date: '2026-04-02T15:00:00Z',
      departure_poi: '1',
      arrival_poi: '44',
      currency: 'usd',
      locale: 'TH_th',
      timeout: '45',
      cache_only: 'TRUE',
      confidence_score: '0.5',
      return_date: '2026-04-05',
      pax_ages: ['30', '5'],
    });
    expect(r.ok && r.query).toMatchObject({
      departureDate: '2026-04-02',
      currency: 'USD',
      locale: 'th',
      timeoutS: 30,
    });
    expect(parse({ ...base, departure_poi: '1', arrival_poi: '44' })).toMatchObject({
      ok: true,
      query: { locale: 'en', timeoutS: 0 },
    });
    expect(normaliseLocale('xx-YY')).toBe('en');
    expect(normaliseLocale('de')).toBe('de');
  });

  it('accepts yesterday (UTC) but not earlier', () => {
    expect(fields({ ...base, departure_date: '2026-03-31', departure_poi: '1', arrival_poi: '44' })).toEqual(
      [],
    );
    expect(fields({ ...base, departure_date: '2026-03-30', departure_poi: '1', arrival_poi: '44' })).toEqual([
      ['departure_date', 'out_of_range'],
    ]);
  });

  it('reports every problem at once', () => {
    expect(
      fields({
        pax: '0',
        departures: ['3', 'abc'],
        departure_poi: '1',
        currency: 'XXX',
        timeout: '-1',
        cache_only: 'maybe',
        confidence_score: '2',
        return_date: '2026-13-01',
      }),
    ).toEqual(
      expect.arrayContaining([
        ['departure_date', 'required'],
        ['pax', 'out_of_range'],
        ['departures[1]', 'pattern_mismatch'],
        ['departure_poi', 'not_allowed'],
        ['arrivals', 'required'],
        ['currency', 'invalid_value'],
        ['timeout', 'out_of_range'],
        ['cache_only', 'invalid_type'],
        ['confidence_score', 'out_of_range'],
        ['return_date', 'invalid_value'],
      ]),
    );
  });

  it.each([
    [{ pax: undefined }, 'pax', 'required'],
    [{ pax: 'two' }, 'pax', 'invalid_type'],
    [{ pax: '1.5' }, 'pax', 'invalid_type'],
    [{ pax: '101' }, 'pax', 'out_of_range'],
    [{ departure_date: '01-04-2026' }, 'departure_date', 'invalid_format'],
    [{ departure_date: '2026-02-30' }, 'departure_date', 'invalid_value'],
    [{ return_date: '2026-04-01' }, 'return_date', 'out_of_range'],
    [{ 'pax_ages[]': ['121'] }, 'pax_ages[0]', 'out_of_range'],
    [{ 'pax_ages[]': ['x'] }, 'pax_ages[0]', 'invalid_type'],
    [{ currency: 'EURO' }, 'currency', 'invalid_value'],
    [{ timeout: 'soon' }, 'timeout', 'invalid_type'],
  ])('%j → %s %s', (patch, field, reason) => {
    const raw: Record<string, unknown> = { ...base, departure_poi: '1', arrival_poi: '44', ...patch };
    for (const [k, v] of Object.entries(patch)) if (v === undefined) delete raw[k];
    expect(fields(raw)).toEqual([[field, reason]]);
  });

  it('rejects same-index identical pairs, lowercase ids, both/neither sides and too many entries', () => {
    expect(fields({ ...base, 'departures[]': ['3', '4'], 'arrivals[]': ['4', '4'] })).toEqual([
      ['arrivals[1]', 'invalid_value'],
    ]);
    expect(fields({ ...base, departure_poi: 'bkk', arrival_poi: '44' })).toEqual([
      ['departure_poi', 'pattern_mismatch'],
    ]);
    expect(fields({ ...base, arrival_poi: '44' })).toEqual([['departures', 'required']]);
    expect(fields({ ...base, departure_poi: '1', arrival_poi: '44', 'arrivals[]': ['4'] })).toEqual([
      ['arrival_poi', 'not_allowed'],
    ]);
    const many = Array.from({ length: 101 }, (_, i) => String(i + 1));
    expect(fields({ ...base, 'departures[]': many, arrival_poi: '44' })).toEqual([
      ['departures', 'too_many'],
    ]);
  });
});
