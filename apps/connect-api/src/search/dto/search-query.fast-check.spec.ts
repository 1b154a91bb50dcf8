import fc from 'fast-check';
import { plainToInstance } from 'class-transformer';
import { validateSync } from 'class-validator';
import { SearchQueryDto } from './search-query.dto';
import { searchScalarsCertainlyValid } from './search-query.fast-check';

const dtoErrors = (scalars: Record<string, unknown>) =>
  validateSync(
    plainToInstance(
      SearchQueryDto,
      Object.fromEntries(Object.entries(scalars).filter(([, v]) => v !== undefined)),
    ),
    { forbidUnknownValues: false, stopAtFirstError: true },
  );

/** Values near each rule's edges, of every type the query parser can hand over. */
const anyValue = fc.oneof(
  fc.constantFrom(undefined, null, true, false, '', ' ', 'true', 0, 1, 100, 101, -1, 0.5, 1.5, NaN, Infinity),
  fc.constantFrom(
    '2026-05-14',
    '2026-05-14T10:00',
    '2026-5-14',
    'EUR',
    'eu1',
    'ABC123',
    'abc',
    'A'.repeat(33),
  ),
  fc.integer({ min: -5, max: 120 }),
  fc.double({ min: -1, max: 2 }),
  fc.string({ maxLength: 8 }),
  fc.array(fc.string({ maxLength: 3 }), { maxLength: 2 }),
);
/** Mostly valid, sometimes anything: most runs then differ from a valid query in one or two fields. */
const field = (valid: fc.Arbitrary<unknown>) =>
  fc.oneof({ arbitrary: valid, weight: 4 }, { arbitrary: anyValue, weight: 1 });
const scalars = fc.record(
  {
    departure_date: field(fc.constantFrom('2026-05-14', '2026-05-14T10:00:00+07:00')),
    return_date: field(fc.constantFrom(undefined, '2026-05-20')),
    pax: field(fc.integer({ min: 1, max: 100 })),
    departure_poi: field(fc.constantFrom(undefined, 'BKK1')),
    arrival_poi: field(fc.constantFrom(undefined, 'CNX')),
    currency: field(fc.constantFrom(undefined, 'EUR', 'thb')),
    confidence_score: field(fc.oneof(fc.constantFrom(undefined, 0, 1), fc.double({ min: -0.5, max: 1.5 }))),
    cache_only: field(fc.constantFrom(undefined, true, false)),
    timeout: field(fc.constantFrom(undefined, 0, 5, 30, 31)),
  },
  { requiredKeys: [] },
);

describe('searchScalarsCertainlyValid', () => {
  it('never passes what class-validator would reject (generated input)', () => {
    fc.assert(
      fc.property(scalars, (s) => {
        if (searchScalarsCertainlyValid(s)) expect(dtoErrors(s)).toEqual([]);
      }),
      { numRuns: 6000 },
    );
  });

  it('takes the fast path for the usual valid queries', () => {
    const usual = [
      { departure_date: '2026-05-14', pax: 1 },
      { departure_date: '2026-05-14', pax: 2, currency: 'eur', timeout: 5, cache_only: false },
      { departure_date: '2026-05-14T00:00:00Z', return_date: '2026-05-20', pax: 100, confidence_score: 0.5 },
      { departure_date: '2026-05-14', pax: 3, departure_poi: 'BKK1', arrival_poi: 'CNX' },
    ];
    for (const s of usual) {
      expect(dtoErrors(s)).toEqual([]);
      expect(searchScalarsCertainlyValid(s)).toBe(true);
    }
  });

  it('leaves every invalid query to class-validator', () => {
    const invalid = [
      {},
      { departure_date: '2026-05-14' },
      { departure_date: '2026-05-14', pax: 0 },
      { departure_date: '2026-05-14', pax: 1.5 },
      { departure_date: '14/05/2026', pax: 1 },
      { departure_date: '2026-05-14', pax: 1, currency: 'EURO' },
      { departure_date: '2026-05-14', pax: 1, timeout: -1 },
      { departure_date: '2026-05-14', pax: 1, cache_only: 'yes' },
      { departure_date: '2026-05-14', pax: 1, departure_poi: 'bkk' },
    ];
    for (const s of invalid) {
      expect(dtoErrors(s).length).toBeGreaterThan(0);
      expect(searchScalarsCertainlyValid(s)).toBe(false);
    }
  });
});
