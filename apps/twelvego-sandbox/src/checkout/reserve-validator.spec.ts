import { planByTripKey } from '../trips/departure-plan';
import { buildCheckout } from './checkout-fields';
import { validateReserve } from './reserve-validator';
import { seatLayoutFor, seatMapJson, seatMapState } from './seat-map';

const T = 'TH013p030l03Jb004030KpBe';
const plan = planByTripKey.get(T)!;
const seatMap = seatMapState(seatLayoutFor('A', 4, 24), 20, new Set(), 12, T, '2026-05-14');
const spec = buildCheckout({
  plan,
  cartSeats: 2,
  people: 2,
  currency: 'THB',
  seatMap: seatMapJson(seatMap, 52800, 'THB'),
});
const free = seatMap.layout.seats.filter((s) => !seatMap.booked.has(s.id)).map((s) => s.id);
const booked = [...seatMap.booked][0];

const valid = (): Record<string, unknown> => ({
  'contact[mobile]': '+66812345678',
  'contact[email]': 'a@b.co',
  seats: 2,
  [`selected_seats_${T}`]: `${free[0]},${free[1]}`,
  [`selected_seats_${T}_allow_auto`]: true,
  'passenger[0][title]': 'Mr',
  'passenger[0][first_name]': 'John',
  'passenger[0][last_name]': 'Doe',
  'passenger[0][country_id]': 'GB',
  'passenger[0][is_child]': false,
  [`passenger[0][baggage_${T}]`]: 'extra20',
  'passenger[1][title]': 'Ms',
  'passenger[1][first_name]': 'Jane',
  'passenger[1][last_name]': 'Doe',
  'passenger[1][country_id]': 'GB',
  'passenger[1][is_child]': 'false',
  [`passenger[1][baggage_${T}]`]: 'none',
  [`points[${T}][pickup]`]: 'mochit_p12',
});

const run = (body: Record<string, unknown>) =>
  validateReserve({ body, spec, cartSeats: 2, tripKey: T, seatMap });

describe('validateReserve (docs/upstream-12go.md#reserve body rules)', () => {
  it('accepts the documented example body and collects passengers and extras', () => {
    const res = run(valid());
    expect(res.kind).toBe('ok');
    if (res.kind !== 'ok') return;
    expect(res.value.passengers[1]).toMatchObject({ first_name: 'Jane', is_child: false });
    expect(res.value.seatsAssigned).toEqual([free[0], free[1]]);
    expect(res.value.extras.filter((e) => e.field.includes('baggage'))).toEqual([
      { field: `passenger[0][baggage_${T}]`, passenger: 0, value: 'extra20', amountThbCents: 15000 },
    ]);
  });

  it('400 for wrong JSON types', () => {
    expect(run({ ...valid(), seats: 'two' })).toEqual({
      kind: 'bad_request',
      fields: { seats: 'Must be an integer' },
    });
    expect(run({ ...valid(), 'passenger[0][is_child]': 'maybe' }).kind).toBe('bad_request');
    expect(run({ ...valid(), 'passenger[0][first_name]': ['x'] }).kind).toBe('bad_request');
  });

  it('422 with fields for missing, invalid, unknown, mismatched and unavailable values', () => {
    const body = valid();
    delete body['passenger[1][last_name]'];
    const res = run({
      ...body,
      'contact[email]': 'nope',
      'passenger[0][title]': 'Dr',
      'passenger[2][first_name]': 'Extra',
      seats: 3,
      [`selected_seats_${T}`]: `${free[0]},${booked}`,
      'passenger[0][first_name]': 'J0hn',
    });
    expect(res).toEqual({
      kind: 'invalid',
      fields: {
        'contact[email]': 'Invalid e-mail address',
        'passenger[0][title]': 'Invalid option for Title',
        'passenger[0][first_name]': 'Invalid First name',
        'passenger[1][last_name]': 'Last name is required',
        'passenger[2][first_name]': 'Unknown field',
        seats: 'Number of passengers must be 2',
        [`selected_seats_${T}`]: `Seat ${booked} is not available`,
      },
    });
  });

  it('tolerates id_type and is_child for every passenger even when the form does not list them', () => {
    const withoutIdType = Object.fromEntries(
      Object.entries(spec.fields).filter(([name]) => !/\[(id_type|is_child)\]$/.test(name)),
    );
    const runWithout = (body: Record<string, unknown>) =>
      validateReserve({ body, spec: { ...spec, fields: withoutIdType }, cartSeats: 2, tripKey: T, seatMap });
    const body = { ...valid(), 'passenger[0][id_type]': '0', 'passenger[1][id_type]': '0' };
    expect(runWithout(body).kind).toBe('ok');
    expect(runWithout({ ...body, 'passenger[2][id_type]': '0' })).toMatchObject({
      kind: 'invalid',
      fields: { 'passenger[2][id_type]': 'Unknown field' },
    });
  });

  it('assigns seats automatically when none are sent, unless auto is refused on a required field', () => {
    const body = valid();
    delete body[`selected_seats_${T}`];
    const res = run(body);
    expect(res.kind === 'ok' && res.value.seatsAssigned.length).toBe(2);
    expect(run({ ...valid(), [`selected_seats_${T}`]: free[0] })).toMatchObject({
      kind: 'invalid',
      fields: { [`selected_seats_${T}`]: 'Select exactly 2 seat(s)' },
    });
  });

  it('accepts optional fields sent as empty strings and nested country options', () => {
    expect(run({ ...valid(), 'passenger[0][id_no]': '', 'passenger[0][country_id]': 'VN' }).kind).toBe('ok');
  });
});
