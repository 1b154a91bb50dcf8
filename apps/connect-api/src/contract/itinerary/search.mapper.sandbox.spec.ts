import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import type { TwelveGoSearchResponse, TwelveGoTrip } from '@app/twelvego-client';
import { createSandboxApp } from '../../../../twelvego-sandbox/src/create-sandbox-app';
import { hasPendingRecheck, mapSearchResponses, type SearchMappingContext } from './search.mapper';

/**
 * The mapper on payloads of the real sandbox (generated in-process, frozen clock, no network): every
 * amount, policy and enum is recomputed from the 12go payload it came from.
 */
const DATE = '2026-05-14';
let sandbox: NestFastifyApplication;

beforeAll(async () => {
  sandbox = await createSandboxApp({
    SANDBOX_NOW: '2026-05-10T03:00:00Z',
    SANDBOX_CLOCK_FROZEN: 'true',
    SANDBOX_LOG_LEVEL: 'silent',
  });
  await sandbox.init();
  await sandbox.getHttpAdapter().getInstance().ready();
});
afterAll(() => sandbox?.close());

async function upstream(
  from: string,
  to: string,
  seats: number,
  key = 'sandbox-key-1',
): Promise<TwelveGoSearchResponse> {
  const res = await sandbox
    .getHttpAdapter()
    .getInstance()
    .inject({ method: 'GET', url: `/search/${from}/${to}/${DATE}?seats=${seats}&direct=true&k=${key}` });
  expect(res.statusCode).toBe(200);
  return res.json() as TwelveGoSearchResponse;
}

const ctx = (pax: number, over: Partial<SearchMappingContext> = {}): SearchMappingContext => ({
  pax,
  itineraryIdFormat: 'native',
  contractCode: '12go',
  searchTime: '2026-05-10T03:00:00Z',
  markup: null,
  clientStationId: String,
  clientOperatorId: String,
  ...over,
});

const cents = (value: number | null) => BigInt(Math.round(Number(value) * 100));
const fmt = (c: bigint) => `${c / 100n}.${String(c % 100n).padStart(2, '0')}`;
const sellable = (r: TwelveGoSearchResponse): TwelveGoTrip[] =>
  r.trips.filter((t) => t.travel_options[0].is_bookable === 1);
const idOf = (t: TwelveGoTrip, pax: number) =>
  `${t.id}-${t.params.dep_time.slice(0, 10)}-${t.params.dep_time.slice(11, 16)}${pax > 1 ? `~${pax}` : ''}`;

describe('mapSearchResponses on sandbox payloads', () => {
  it('trains (R01): one itinerary per sellable trip, totals for all passengers', async () => {
    const raw = await upstream('3s', '4s', 2);
    const mapped = mapSearchResponses([raw], ctx(2));
    expect(mapped.itineraries.map((i) => i.id)).toEqual(sellable(raw).map((t) => idOf(t, 2)));
    for (const trip of sellable(raw)) {
      const option = trip.travel_options[0];
      const it = mapped.itineraries.find((i) => i.id === idOf(trip, 2))!;
      const net = cents(option.netprice.value) * 2n;
      const gross = cents(option.price.value) * 2n;
      expect(it.pricing).toEqual({
        gross_price: { amount: fmt(gross), currency: 'THB', price_type: 'Recommended' },
        net_price: { amount: fmt(net), currency: 'THB' },
        taxes_and_fees: { amount: fmt(gross - net), currency: 'THB' },
      });
      expect(it.number_of_available_seats).toBe(option.bookable);
      expect(it.cancellation_policies).toEqual([{ from: null, penalty: { percent: 100 } }]);
      expect(it.ticket_type).toBe(option.class === 5894 ? 'ShowOnScreen' : 'PaperTicket');
      expect(it.confirmation_type).toBe('Instant');
    }
    expect(mapped.vehicles.map((v) => v.id)).toEqual(['16779-Train']);
  });

  it('buses (R03): cancellation codes 1 and 2, pick-up tickets, operator confirmation, recheck pending', async () => {
    const raw = await upstream('4055s', '11553s', 1);
    const mapped = mapSearchResponses([raw], ctx(1));
    expect(hasPendingRecheck([raw])).toBe(true);
    for (const trip of sellable(raw)) {
      const option = trip.travel_options[0];
      const it = mapped.itineraries.find((i) => i.id === idOf(trip, 1))!;
      const expected =
        option.cancellation === 2
          ? [
              { from: null, penalty: { percent: 0 } },
              { from: 'PT72H', penalty: { percent: 50 } },
              { from: 'PT24H', penalty: { percent: 100 } },
            ]
          : [
              { from: null, penalty: { percent: 0 } },
              { from: 'PT48H', penalty: { percent: 100 } },
            ];
      expect(it.cancellation_policies).toEqual(expected);
      expect(it.confirmation_type).toBe(option.confirmation_time === 0 ? 'Instant' : 'Pending');
      expect(it.ticket_type).toBe(
        { paper: 'PaperTicket', mobile: 'ShowOnScreen', pickup: 'PickUp' }[option.ticket_type],
      );
    }
    expect(new Set(mapped.itineraries.map((i) => i.cancellation_policies.length))).toEqual(new Set([2, 3]));
  });

  it('a multi-leg flight (R05) and exact air prices', async () => {
    const raw = await upstream('5937s', '5939s', 1);
    const mapped = mapSearchResponses([raw], ctx(1));
    const via = raw.trips.find((t) => t.segments.length === 3 && t.travel_options[0].is_bookable === 1);
    expect(via).toBeDefined(); // deterministic: seed 12, frozen clock
    {
      const it = mapped.itineraries.find((i) => i.id === idOf(via!, 1))!;
      expect(it.departure_segments).toHaveLength(2);
      expect(it.pricing.gross_price!.price_type).toBe('Exact');
      const legs = it.departure_segments.map((id) => mapped.segments.find((s) => s.id === id)!);
      expect(legs.map((s) => [s.from_station, s.to_station, s.travel_duration])).toEqual([
        ['5937', '5943', 'PT1H5M'],
        ['5943', '5939', 'PT55M'],
      ]);
    }
    expect(mapped.itineraries.every((i) => i.pricing.gross_price!.price_type === 'Exact')).toBe(true);
    expect(mapped.vehicles.map((v) => v.id)).toEqual(['5-Airplane']);
  });

  it('ferries (R09) and a van crossing into another time zone (R14)', async () => {
    const ferries = mapSearchResponses([await upstream('20102s', '20301s', 1)], ctx(1));
    expect(ferries.vehicles.map((v) => v.id)).toEqual(['40001-Ferry']);
    expect(ferries.segments.every((s) => s.transportation_types[0] === 'Ferry')).toBe(true);
    const vans = mapSearchResponses([await upstream('20401s', '30301s', 1)], ctx(1));
    expect(vans.vehicles.map((v) => v.id)).toEqual(['26146-Van']);
    const morning = vans.segments.find((s) => s.departure_time === `${DATE}T08:00`);
    expect(morning).toBeDefined();
    expect(morning).toMatchObject({ arrival_time: `${DATE}T12:30`, travel_duration: 'PT3H30M' }); // Penang is UTC+8
  });

  it('omits sold-out trips and trips without enough seats (scenario route)', async () => {
    const raw = await upstream('9001s', '9002s', 2);
    const ids = mapSearchResponses([raw], ctx(2)).itineraries.map((i) => i.id);
    expect(ids.some((id) => id.includes('ZOKINST'))).toBe(true);
    expect(ids.some((id) => id.includes('ZSOLDOU') || id.includes('ZLASTST'))).toBe(false);
    expect(ids).toHaveLength(sellable(raw).length);
  });

  it('USD accounts keep two decimals; markup rounds half up per booking', async () => {
    const raw = await upstream('3s', '4s', 3, 'sandbox-key-usd');
    const plain = mapSearchResponses([raw], ctx(3));
    const marked = mapSearchResponses(
      [raw],
      ctx(3, { markup: { percent: '7.25', fixedPerBooking: { amount: '1.5', currency: 'USD' } } }),
    );
    expect(plain.itineraries.length).toBeGreaterThan(0);
    plain.itineraries.forEach((it, i) => {
      expect(it.pricing.net_price.currency).toBe('USD');
      expect(it.pricing.net_price.amount).toMatch(/^\d+\.\d{2}$/);
      const net = BigInt(it.pricing.net_price.amount.replace('.', ''));
      const percent = (net * 725n * 2n + 10000n) / 20000n;
      expect(marked.itineraries[i].pricing.net_price.amount).toBe(fmt(net + percent + 150n));
    });
  });
});
