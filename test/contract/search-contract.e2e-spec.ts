/* eslint-disable @typescript-eslint/no-explicit-any -- JSON documents of the API and the spec are walked dynamically */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { mapSearchResponses } from '../../apps/connect-api/src/contract/itinerary/search.mapper';
import {
  FIXTURES_DIR,
  openApiErrors,
  searchEnvelopeProblems,
  searchPocProfile,
  searchPocResponses,
  searchResponseProblems,
} from './search-contract';
import { compareToProfile, stringFormat } from './structural-compare';

/** The contract checks themselves: the real responses pass, every kind of deviation is caught. */
describe('search contract checks', () => {
  const fixtures = searchPocResponses();

  it('loads the four real search responses', () => {
    expect(fixtures.map((f) => f.name)).toEqual([
      'province-to-province.response.json',
      'province-to-station.response.json',
      'station-to-province.response.json',
      'station-to-station.response.json',
    ]);
  });

  it.each(fixtures.map((f) => [f.name, f.body]))(
    '%s passes OpenAPI, structure and envelope checks',
    (_name, body) => {
      expect(searchResponseProblems(body)).toEqual([]);
    },
  );

  const first = () => JSON.parse(JSON.stringify(fixtures[1].body));

  it.each<[string, (doc: any) => void, RegExp]>([
    ['amount as a number', (d) => (d.itineraries[0].pricing.net_price.amount = 457), /net_price\.amount/],
    [
      'amount with one decimal',
      (d) => (d.itineraries[0].pricing.net_price.amount = '457.0'),
      /amount-decimal/,
    ],
    ['time with seconds', (d) => (d.segments[0].departure_time = '2026-04-01T18:57:00'), /departure_time/],
    [
      'keys reordered',
      (d) => {
        const { id, ...rest } = d.segments[0];
        d.segments[0] = { ...rest, id };
      },
      /\$\.segments\[\]: keys/,
    ],
    ['extra key', (d) => (d.itineraries[0].confidence_score = 0.5), /confidence_score/],
    ['null optional', (d) => (d.itineraries[0].ticket_type = null), /ticket_type/],
    [
      'old penalty key',
      (d) => (d.itineraries[0].cancellation_policies[0].penalty = { percentage: 100 }),
      /penalty/,
    ],
    [
      'lower-case enum',
      (d) => (d.itineraries[0].pricing.gross_price.price_type = 'recommended'),
      /price_type/,
    ],
    [
      'seat count as string',
      (d) => (d.itineraries[0].number_of_available_seats = '57'),
      /number_of_available_seats/,
    ],
    [
      'dangling segment',
      (d) => d.segments.push({ ...d.segments[0], id: 'X-1-2-2026-04-01T18:57-2026-04-02T07:15-12' }),
      /not referenced/,
    ],
  ])('catches %s', (_name, mutate, pattern) => {
    const doc = first();
    mutate(doc);
    const problems = searchResponseProblems(doc);
    expect(problems.join('\n')).toMatch(pattern);
  });

  it('classifies string formats', () => {
    expect(stringFormat('2026-04-01T18:57')).toBe('local-datetime-minutes');
    expect(stringFormat('PT12H18M')).toBe('iso-duration');
    expect(stringFormat('507.00')).toBe('amount-2dp');
    expect(stringFormat('TH000300044mDt00c01hdkRw-2026-04-01-18:57~2')).toBe('native-itinerary-id');
    expect(stringFormat('16779-Train')).toBe('vehicle-id');
  });

  it('the mapper output for fixtures/twelvego/search.json has the real responses’ structure', () => {
    const upstream = JSON.parse(
      readFileSync(join(FIXTURES_DIR, 'twelvego', 'search.json'), 'utf8'),
    );
    for (const pax of [1, 2]) {
      const body = mapSearchResponses([upstream], {
        pax,
        itineraryIdFormat: 'native',
        contractCode: '12go',
        searchTime: '2026-05-10T00:00:00Z',
        markup: { percent: '3.5', fixedPerBooking: null },
        clientStationId: String,
        clientOperatorId: String,
      });
      expect(body.itineraries).toHaveLength(4);
      expect(openApiErrors('SearchResponse', body)).toEqual([]);
      expect(compareToProfile(body, searchPocProfile())).toEqual([]);
      expect(searchEnvelopeProblems(body)).toEqual([]);
    }
  });
});
