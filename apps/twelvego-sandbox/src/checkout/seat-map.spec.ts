import type { TwelveGoSeatInfo } from '@app/twelvego-client';
import { generatedBookedSeats, seatLayoutFor, seatMapJson, seatMapState } from './seat-map';

describe('seat layouts and maps (docs/upstream-12go.md#checkout, docs/upstream-12go.md#seed-data-and-trips, docs/upstream-12go.md#checkout-field-sets)', () => {
  it('builds the four layout variants with the documented seat counts', () => {
    const bus = seatLayoutFor('A', 4, 24);
    expect(bus.seats).toHaveLength(24);
    expect(bus.layouts).toEqual(expect.arrayContaining([['1A', '1B', null, '1C']]));
    expect(seatLayoutFor('A', 3129, 21).layouts).toEqual(expect.arrayContaining([['7A', null, '7B', '7C']]));
    expect(seatLayoutFor('A', 3129, 21).seats).toHaveLength(21);
    const berths = seatLayoutFor('B', 12, 40);
    expect(berths.seats).toHaveLength(40);
    expect((berths.layouts as Record<string, string[]>)['1']).toEqual(['1', '2', '3', '4']);
    expect(
      berths.seats.filter((s) => s.type === 'berth_lower').every((s) => s.surchargeThbCents === 10000),
    ).toBe(true);
    expect(seatLayoutFor('B', 5894, 20).seats).toHaveLength(20);
    const boat = seatLayoutFor('C', 9102, 30);
    expect(boat.seats).toHaveLength(30);
    expect((boat.layouts as Record<string, unknown>)['1']).toEqual({
      left: ['1A', '1B'],
      right: ['1C', '1D'],
    });
    const grid = seatLayoutFor('D', 2057, 40);
    expect((grid.layouts as Record<string, unknown>)['1']).toEqual({ A: '1A', B: '1B', C: '1C', D: '1D' });
  });

  it('books capacity − seats seats, stable when sandbox bookings take free seats', () => {
    const layout = seatLayoutFor('A', 4, 24);
    const base = generatedBookedSeats(layout, 13, 12, 'K', '2026-05-14');
    expect(base.size).toBe(13);
    expect(generatedBookedSeats(layout, 13, 12, 'K', '2026-05-14')).toEqual(base);
    const free = layout.seats.map((s) => s.id).find((id) => !base.has(id))!;
    const state = seatMapState(layout, 11, new Set([free]), 12, 'K', '2026-05-14');
    expect(state.booked).toEqual(new Set([...base, free]));
  });

  it('renders prices with surcharges and booked as [] when empty', () => {
    const layout = seatLayoutFor('A', 4, 24);
    const json = seatMapJson(seatMapState(layout, 24, new Set(), 12, 'K', '2026-05-14'), 52800, 'THB');
    expect(json.booked).toEqual([]);
    expect((json.seats as Record<string, TwelveGoSeatInfo>)['1A']).toMatchObject({
      is_available: true,
      price: { value: 578, fxcode: 'THB' },
      price_diff: { value: 50, fxcode: 'THB' },
      reason: '',
    });
    expect((json.seats as Record<string, TwelveGoSeatInfo>)['2A'].price_diff).toEqual({
      value: 0,
      fxcode: 'THB',
    });
  });
});
