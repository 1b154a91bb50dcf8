import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { TwelveGoSearchResponse, TwelveGoTrip } from '@app/twelvego-client';
import { decodeItineraryId } from '../../ids/itinerary-id';
import { hasPendingRecheck, mapSearchResponses, type SearchMappingContext } from './search.mapper';

const FIXTURE = join(__dirname, '../../../../../test/fixtures/twelvego/search.json');
const load = (): TwelveGoSearchResponse => JSON.parse(readFileSync(FIXTURE, 'utf8'));

const ctx = (over: Partial<SearchMappingContext> = {}): SearchMappingContext => ({
  pax: 2,
  itineraryIdFormat: 'native',
  contractCode: '12go',
  searchTime: '2026-05-10T03:00:00Z',
  markup: null,
  clientStationId: (id) => String(id),
  clientOperatorId: (id) => String(id),
  ...over,
});

/** Rewrites the fixture trip keyed `tripId` with `patch` applied to its single travel option. */
function withOption(
  base: TwelveGoSearchResponse,
  tripId: string,
  patch: Record<string, unknown>,
): TwelveGoSearchResponse {
  const copy: TwelveGoSearchResponse = JSON.parse(JSON.stringify(base));
  const trip = copy.trips.find((t) => t.id === tripId)!;
  Object.assign(trip.travel_options[0], patch);
  return copy;
}

const FLIGHT = 'TH01xL01xN005a00l02kCl7Z';
const APPROX_BUS = 'TH013p030l8kCb00704gc7Ng';
const TRAIN = 'TH000300044mDt00c00h5BMe';
const VIP_BUS = 'TH013p030l03Jb004030KpBe';

describe('mapSearchResponses on fixtures/twelvego/search.json (2 passengers, THB)', () => {
  const result = mapSearchResponses([load()], ctx());
  const byId = (id: string) => result.itineraries.find((i) => i.id.startsWith(id))!;

  it('maps every sellable trip, ids native with ~2', () => {
    expect(result.itineraries.map((i) => i.id)).toEqual([
      `${FLIGHT}-2026-05-14-06:40~2`,
      `${APPROX_BUS}-2026-05-14-07:00~2`,
      `${TRAIN}-2026-05-14-18:40~2`,
      `${VIP_BUS}-2026-05-14-20:00~2`,
    ]);
  });

  it('maps a single-leg train exactly, keys in contract order', () => {
    const train = byId(TRAIN);
    expect(Object.keys(train)).toEqual([
      'id',
      'departure_segments',
      'connection_guaranteed',
      'cancellation_policies',
      'number_of_available_seats',
      'pricing',
      'confirmation_type',
      'ticket_type',
    ]);
    expect(train).toEqual({
      id: `${TRAIN}-2026-05-14-18:40~2`,
      departure_segments: ['16779-3-4-2026-05-14T18:40-2026-05-15T07:15-12'],
      connection_guaranteed: true,
      cancellation_policies: [{ from: null, penalty: { percent: 100 } }],
      number_of_available_seats: 23,
      pricing: {
        gross_price: { amount: '1938.20', currency: 'THB', price_type: 'Recommended' },
        net_price: { amount: '1762.00', currency: 'THB' },
        taxes_and_fees: { amount: '176.20', currency: 'THB' },
      },
      confirmation_type: 'Instant',
      ticket_type: 'PaperTicket',
    });
    const segment = result.segments.find((s) => s.id === train.departure_segments[0])!;
    expect(Object.keys(segment)).toEqual([
      'id',
      'from_station',
      'to_station',
      'departure_time',
      'arrival_time',
      'travel_duration',
      'vehicle_id',
      'operating_carrier_id',
      'seat_class_id',
      'transportation_types',
    ]);
    expect(segment).toEqual({
      id: '16779-3-4-2026-05-14T18:40-2026-05-15T07:15-12',
      from_station: '3',
      to_station: '4',
      departure_time: '2026-05-14T18:40',
      arrival_time: '2026-05-15T07:15',
      travel_duration: 'PT12H35M',
      vehicle_id: '16779-Train',
      operating_carrier_id: '16779',
      seat_class_id: '12',
      transportation_types: ['Train'],
    });
    expect(result.vehicles.find((v) => v.id === '16779-Train')).toEqual({
      id: '16779-Train',
      name: 'Train',
      seat_classes: [
        {
          id: '12',
          name: '2nd Class Sleeper AC',
          description: '',
          keywords: null,
          images: null,
          amenities: ['Aircon', 'WC', 'Food', 'Steward'],
        },
      ],
      images: null,
      description: null,
      keywords: null,
      amenities: null,
    });
  });

  it('maps a multi-leg flight: route legs only, wait dropped, Exact price type', () => {
    const flight = byId(FLIGHT);
    expect(flight.departure_segments).toEqual([
      '5-5937-5943-2026-05-14T06:40-2026-05-14T07:45-21',
      '5-5943-5939-2026-05-14T08:55-2026-05-14T09:50-21',
    ]);
    expect(flight.connection_guaranteed).toBe(true);
    expect(flight.pricing).toEqual({
      gross_price: { amount: '6647.00', currency: 'THB', price_type: 'Exact' },
      net_price: { amount: '5780.00', currency: 'THB' },
      taxes_and_fees: { amount: '867.00', currency: 'THB' },
    });
    expect(flight.ticket_type).toBe('ShowOnScreen');
    const legs = result.segments.filter((s) => flight.departure_segments.includes(s.id));
    expect(legs.map((s) => [s.travel_duration, s.transportation_types, s.vehicle_id])).toEqual([
      ['PT1H5M', ['Airplane'], '5-Airplane'],
      ['PT55M', ['Airplane'], '5-Airplane'],
    ]);
    expect(
      result.vehicles.find((v) => v.id === '5-Airplane')!.seat_classes.map((c) => [c.id, c.name]),
    ).toEqual([['21', 'Economy']]);
  });

  it('maps every cancellation code and the confirmation and ticket types', () => {
    expect(byId(APPROX_BUS).cancellation_policies).toEqual([
      { from: null, penalty: { percent: 0 } },
      { from: 'PT48H', penalty: { percent: 100 } },
    ]);
    expect(byId(VIP_BUS).cancellation_policies).toEqual([
      { from: null, penalty: { percent: 0 } },
      { from: 'PT72H', penalty: { percent: 50 } },
      { from: 'PT24H', penalty: { percent: 100 } },
    ]);
    expect(byId(APPROX_BUS).ticket_type).toBe('PickUp');
    expect(byId(VIP_BUS).confirmation_type).toBe('Pending');
    expect(byId(APPROX_BUS).pricing.taxes_and_fees).toEqual({ amount: '101.40', currency: 'THB' });
  });

  it('lists each referenced segment and vehicle exactly once', () => {
    const referenced = result.itineraries.flatMap((i) => i.departure_segments);
    expect(result.segments.map((s) => s.id).sort()).toEqual([...new Set(referenced)].sort());
    const vehicleIds = result.segments.map((s) => s.vehicle_id);
    expect(result.vehicles.map((v) => v.id).sort()).toEqual([...new Set(vehicleIds)].sort());
    expect(result.vehicles.find((v) => v.id === '32030-Bus')).toBeDefined();
    expect(result.vehicles.find((v) => v.id === '231-Bus')!.seat_classes[0]).toMatchObject({
      id: '4',
      name: 'VIP',
    });
  });

  it('flags the pending recheck', () => {
    expect(hasPendingRecheck([load()])).toBe(true);
    expect(hasPendingRecheck([{ ...load(), recheck: [] }])).toBe(false);
  });

  it('emits one passenger without ~N and prices per single seat', () => {
    const single = mapSearchResponses([load()], ctx({ pax: 1 }));
    expect(single.itineraries[2].id).toBe(`${TRAIN}-2026-05-14-18:40`);
    expect(single.itineraries[2].pricing.net_price.amount).toBe('881.00');
    expect(single.itineraries[2].pricing.gross_price!.amount).toBe('969.10');
  });
});

describe('mapSearchResponses edge cases', () => {
  it('uses the currency precision (zero-decimal JPY and 3-decimal KWD)', () => {
    const jpy = withOption(load(), TRAIN, {
      price: { value: 3590.5, fxcode: 'JPY' },
      netprice: { value: 3264.4, fxcode: 'JPY' },
    });
    const r = mapSearchResponses([jpy], ctx({ pax: 3 }));
    const train = r.itineraries.find((i) => i.id.startsWith(TRAIN))!;
    expect(train.pricing).toEqual({
      gross_price: { amount: '10772', currency: 'JPY', price_type: 'Recommended' }, // 10771.5 → 10772
      net_price: { amount: '9793', currency: 'JPY' }, // 9793.2 → 9793
      taxes_and_fees: { amount: '979', currency: 'JPY' },
    });
    const kwd = withOption(load(), TRAIN, {
      price: { value: 3.5, fxcode: 'kwd' },
      netprice: { value: 3, fxcode: 'kwd' },
    });
    expect(mapSearchResponses([kwd], ctx({ pax: 1 })).itineraries[2].pricing.net_price).toEqual({
      amount: '3.000',
      currency: 'KWD',
    });
  });

  it('applies the client markup to net_price, rounding half up, fixed part once per booking', () => {
    const r = mapSearchResponses(
      [load()],
      ctx({ markup: { percent: '3.35', fixedPerBooking: { amount: '10', currency: 'THB' } } }),
    );
    const train = r.itineraries.find((i) => i.id.startsWith(TRAIN))!;
    // 1762.00 × 3.35 % = 59.027 → 59.03; + 10.00 once (not per passenger)
    expect(train.pricing.net_price).toEqual({ amount: '1831.03', currency: 'THB' });
    expect(train.pricing.gross_price).toEqual({
      amount: '1938.20',
      currency: 'THB',
      price_type: 'Recommended',
    });
    expect(train.pricing.taxes_and_fees).toEqual({ amount: '107.17', currency: 'THB' });
    const half = mapSearchResponses(
      [withOption(load(), TRAIN, { netprice: { value: 100.1, fxcode: 'THB' } })],
      ctx({ pax: 1, markup: { percent: '2.5', fixedPerBooking: null } }),
    );
    // 100.10 × 2.5 % = 2.5025 → 2.50
    expect(half.itineraries[2].pricing.net_price.amount).toBe('102.60');
    const up = mapSearchResponses(
      [withOption(load(), TRAIN, { netprice: { value: 100.3, fxcode: 'THB' } })],
      ctx({ pax: 1, markup: { percent: '2.5', fixedPerBooking: null } }),
    );
    // 100.30 × 2.5 % = 2.5075 → 2.51
    expect(up.itineraries[2].pricing.net_price.amount).toBe('102.81');
  });

  it('omits taxes_and_fees when the markup lifts net above the gross (gross = net + taxes must hold)', () => {
    const r = mapSearchResponses([load()], ctx({ pax: 1, markup: { percent: '50', fixedPerBooking: null } }));
    const pricing = r.itineraries[2].pricing;
    expect(BigInt(pricing.net_price.amount.replace('.', ''))).toBeGreaterThan(
      BigInt(pricing.gross_price!.amount.replace('.', '')),
    );
    expect(pricing).not.toHaveProperty('taxes_and_fees');
    expect(pricing.gross_price).toMatchObject({ price_type: 'Recommended' });
  });

  it('omits unsellable and hidden trips', () => {
    let data = withOption(load(), TRAIN, { is_bookable: 0, reason: 'sold_out' });
    data = withOption(data, FLIGHT, { netprice: { value: null, fxcode: 'THB' } });
    (data.trips.find((t) => t.id === VIP_BUS) as TwelveGoTrip).params.hide = true;
    const r = mapSearchResponses([data], ctx());
    expect(r.itineraries.map((i) => i.id)).toEqual([`${APPROX_BUS}-2026-05-14-07:00~2`]);
    expect(r.segments).toHaveLength(1);
    expect(r.vehicles.map((v) => v.id)).toEqual(['32030-Bus']);
  });

  it('handles missing optional data', () => {
    let data = withOption(load(), TRAIN, {
      ticket_type: 'hologram',
      bookable: undefined,
      price: { value: null, fxcode: 'THB' },
      cancellation: 7,
      full_refund_until: null,
    });
    data = withOption(data, VIP_BUS, { cancellation: 9, full_refund_until: '2026-05-12 08:00:00' });
    data.classes = [];
    const r = mapSearchResponses([data], ctx());
    const train = r.itineraries.find((i) => i.id.startsWith(TRAIN))!;
    expect(train).not.toHaveProperty('ticket_type');
    expect(train).not.toHaveProperty('number_of_available_seats');
    expect(train.pricing).toEqual({ net_price: { amount: '1762.00', currency: 'THB' } });
    expect(train.cancellation_policies).toEqual([{ from: null, penalty: { percent: 100 } }]);
    expect(r.itineraries.find((i) => i.id.startsWith(VIP_BUS))!.cancellation_policies).toEqual([
      { from: null, penalty: { percent: 0 } },
      { from: 'PT60H', penalty: { percent: 100 } },
    ]);
    expect(r.vehicles.every((v) => v.seat_classes.every((c) => c.name === ''))).toBe(true);
    expect(
      mapSearchResponses([{ trips: [], operators: [], stations: [], classes: [], recheck: [] }], ctx()),
    ).toEqual({
      vehicles: [],
      segments: [],
      itineraries: [],
    });
  });

  it('maps ferries, vans and unknown vehicle classes', () => {
    const data = load();
    const bus = data.trips.find((t) => t.id === VIP_BUS)!;
    bus.segments[0].vehclasses = ['ferry'];
    const train = data.trips.find((t) => t.id === TRAIN)!;
    train.segments[0].vehclasses = ['van'];
    const approx = data.trips.find((t) => t.id === APPROX_BUS)!;
    approx.segments[0].vehclasses = [];
    approx.params.vehclasses = ['hovercraft'];
    const r = mapSearchResponses([data], ctx());
    expect(r.vehicles.map((v) => v.id).sort()).toEqual(['16779-Van', '231-Ferry', '32030-Bus', '5-Airplane']);
    expect(r.segments.find((s) => s.operating_carrier_id === '231')!.transportation_types).toEqual(['Ferry']);
  });

  it('merges several pair responses, de-duplicating itineraries, segments and vehicle seat classes', () => {
    const first = load();
    const second = load();
    second.trips = second.trips.filter((t) => t.id === TRAIN);
    const extra: TwelveGoTrip = JSON.parse(JSON.stringify(second.trips[0]));
    extra.id = 'TH000300044mDt00g00h5BMe';
    extra.segments[0].class = 16;
    extra.travel_options[0].class = 16;
    extra.travel_options[0].amenities = ['WC'];
    second.trips.push(extra);
    second.classes = { '16': { id: 16, name: 'Class 3 Fan', is_multi_pax: false } };
    const r = mapSearchResponses([first, second], ctx());
    expect(r.itineraries).toHaveLength(5);
    expect(new Set(r.itineraries.map((i) => i.id)).size).toBe(5);
    expect(
      r.vehicles.find((v) => v.id === '16779-Train')!.seat_classes.map((c) => [c.id, c.name, c.amenities]),
    ).toEqual([
      ['12', '2nd Class Sleeper AC', ['Aircon', 'WC', 'Food', 'Steward']],
      ['16', 'Class 3 Fan', ['WC']],
    ]);
  });

  it('maps station and operator ids through the client mapping', () => {
    const r = mapSearchResponses(
      [load()],
      ctx({ clientStationId: (id) => `ST${id}`, clientOperatorId: (id) => `OP${id}` }),
    );
    const train = r.segments.find((s) => s.seat_class_id === '12')!;
    expect(train).toMatchObject({
      id: 'OP16779-ST3-ST4-2026-05-14T18:40-2026-05-15T07:15-12',
      from_station: 'ST3',
      vehicle_id: 'OP16779-Train',
    });
  });

  it('emits cipher ids for migrated clients that decode back to the trip', () => {
    const r = mapSearchResponses([load()], ctx({ itineraryIdFormat: 'cipher' }));
    const id = r.itineraries[2].id;
    expect(id.startsWith('XYXZ4Y')).toBe(true);
    expect(decodeItineraryId(id)).toEqual({
      ok: true,
      value: {
        form: 'cipher',
        tripKey: TRAIN,
        departureDate: '2026-05-14',
        departureTime: '18:40',
        seats: 2,
        contractCode: '12go',
        searchTime: '2026-05-10T03:00:00Z',
      },
    });
  });

  it('reports a broken multi-leg connection', () => {
    const data = load();
    data.trips[0].segments[1].connection_guaranteed = false;
    expect(mapSearchResponses([data], ctx()).itineraries[0].connection_guaranteed).toBe(false);
  });
});
