import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { TwelveGoBookingDetails } from '@app/twelvego-client';
import { toContractBooking } from '../../contract/booking/booking.mapper';
import { money } from '../../pricing';
import { parseCheckout } from '../schema/checkout-schema.mapper';
import {
  autoAssignedSeatExtras,
  expectedTotal,
  reserveBodyExtras,
  sameTotal,
  seatExtras,
} from './expected-total.mapper';

const BOOKING_FIXTURE = join(__dirname, '../../../../../test/fixtures/twelvego/booking-details.json');
const addonPrice = (amount: number, currency: string) => money(amount, currency);
const thb = (value: number) => ({ value, fxcode: 'THB' });

/** A checkout with a seat map (one surcharged seat, one booked), per-passenger baggage and priced points. */
const checkout = {
  'contact[email]': { type: 'input', name: 'contact[email]', required: true },
  selected_seats_T1: {
    type: 'input',
    name: 'selected_seats_T1',
    data: {
      seatmap: {
        seats: {
          '1A': { is_available: true, price: thb(380), price_diff: thb(50) },
          '1B': { is_available: true, price: thb(330), price_diff: thb(0) },
          '2A': { is_available: true, price: thb(400) },
          '2B': { is_available: true, price: thb(330) },
          '2C': { is_available: true, price: thb(330), price_diff: thb(0) },
        },
        booked: { '2B': true },
        layouts: [
          ['1A', '1B'],
          ['2A', '2B', '2C'],
        ],
      },
    },
  },
  selected_seats_T1_allow_auto: { name: 'selected_seats_T1_allow_auto' },
  'passenger[0][first_name]': { type: 'input', name: 'passenger[0][first_name]', required: true },
  'passenger[0][baggage_T1]': {
    type: 'select',
    name: 'passenger[0][baggage_T1]',
    options: [
      { value: 'none', text: 'No extra baggage', data: { price: thb(0) } },
      { value: 'extra20', text: 'Extra bag', data: { price: thb(150) } },
    ],
  },
  'points[T1][pickup]': {
    type: 'select',
    name: 'points[T1][pickup]',
    options: [
      { value: 'none', text: 'No transfer' },
      { value: 'patong', text: 'Patong pickup', data: { price: thb(200) } },
    ],
  },
  'delivery[T1]': {
    type: 'select',
    name: 'delivery[T1]',
    options: [
      { value: 'eticket', text: 'E-ticket', data: { price: thb(0) } },
      { value: 'hotel', text: 'Hotel delivery', data: { price: thb(100) } },
    ],
  },
};

const parsed = parseCheckout(checkout, { seatCount: 2, basePrice: thb(330), addonPrice });
const sum = (list: Array<{ value: number }>) => list.reduce((s, a) => s + a.value, 0);

describe('parseCheckout keeps the raw add-on prices', () => {
  it('records seat surcharges (price_diff, else seat price − base) and priced options by 12go key', () => {
    expect(parsed.addonPrices.seats).toEqual({ '1A': thb(50), '2A': thb(70) });
    expect(parsed.addonPrices.options['passenger[0][baggage_T1]']).toEqual({
      none: thb(0),
      extra20: thb(150),
    });
    expect(parsed.addonPrices.options['points[T1][pickup]']).toEqual({ patong: thb(200) });
    expect(parsed.availableSeats).toEqual(['1A', '1B', '2A', '2C']);
  });
});

describe('reserveBodyExtras', () => {
  it('adds chosen seat surcharges, per-passenger options once each and booking-level options per seat', () => {
    const extras = reserveBodyExtras(parsed, {
      seats: 2,
      selected_seats_T1: '1A,1B',
      'passenger[0][baggage_T1]': 'extra20',
      'passenger[1][baggage_T1]': 'none',
      'points[T1][pickup]': 'patong',
      'delivery[T1]': 'hotel',
    });
    // 50 (seat 1A) + 150 (baggage of passenger 0) + 2 × 200 (pickup) + 2 × 100 (delivery)
    expect(sum(extras)).toBe(800);
    expect(extras).toHaveLength(6);
  });

  it('prices a passenger option for the passenger at any index', () => {
    const extras = reserveBodyExtras(parsed, {
      seats: 2,
      selected_seats_T1: '1B,2C',
      'passenger[0][baggage_T1]': 'extra20',
      'passenger[1][baggage_T1]': 'extra20',
    });
    expect(extras).toEqual([thb(150), thb(150)]);
  });

  it('expects the cheapest free seats when 12go assigns them', () => {
    expect(reserveBodyExtras(parsed, { seats: 2 })).toEqual([]);
    expect(autoAssignedSeatExtras(parsed, 2)).toEqual([]);
    expect(autoAssignedSeatExtras(parsed, 3)).toEqual([thb(50)]);
    // Four free seats, two of them surcharged: assigning all four costs both surcharges.
    expect(sum(autoAssignedSeatExtras(parsed, 4))).toBe(120);
  });

  it('ignores unknown option values and checkouts without priced fields', () => {
    expect(reserveBodyExtras(parsed, { seats: 1, 'points[T1][pickup]': 'elsewhere' })).toEqual([]);
    const plain = parseCheckout({}, { seatCount: 1, basePrice: null, addonPrice });
    expect(reserveBodyExtras(plain, { seats: 1, 'delivery[T1]': 'hotel' })).toEqual([]);
  });

  it('seatExtras lists only seats that cost extra', () => {
    expect(seatExtras(parsed.addonPrices, ['1B', '1A', '2A'])).toEqual([thb(50), thb(70)]);
  });
});

describe('expectedTotal', () => {
  it('is per-seat net × passengers plus the extras, currency first', () => {
    expect(expectedTotal(thb(300), 2, [], null)).toEqual({ currency: 'THB', amount: '600.00' });
    expect(expectedTotal(thb(300), 2, [thb(50), thb(150), thb(200), thb(200)], null)).toEqual({
      currency: 'THB',
      amount: '1200.00',
    });
  });

  it('adds exactly and rounds once (no binary-float noise, no per-part rounding)', () => {
    expect(expectedTotal(thb(0), 1, [thb(0.1), thb(0.2)], null)?.amount).toBe('0.30');
    // 1000.5 JPY × 3 = 3001.5 → 3002 (rounding per seat first would give 3003).
    expect(expectedTotal({ value: 1000.5, fxcode: 'jpy' }, 3, [], null)).toEqual({
      currency: 'JPY',
      amount: '3002',
    });
  });

  it('applies the markup to the whole charge, then the fixed part once', () => {
    const markup = { percent: '7.5', fixedPerBooking: { amount: '20', currency: 'THB' } };
    expect(expectedTotal(thb(300), 2, [thb(400)], markup)?.amount).toBe('1095.00');
    // 5 % of 100.20 = 5.01 → 105.21; marking up 100.10 and 0.10 separately would give 105.22.
    expect(expectedTotal(thb(100.1), 1, [thb(0.1)], { percent: '5', fixedPerBooking: null })?.amount).toBe(
      '105.21',
    );
  });

  it('equals the Booking total_price 12go would report for that charge (booking.mapper.ts)', () => {
    const fixture = JSON.parse(readFileSync(BOOKING_FIXTURE, 'utf8')) as TwelveGoBookingDetails;
    const markups = [
      null,
      { percent: '5', fixedPerBooking: null },
      { percent: '12.345', fixedPerBooking: { amount: '35.50', currency: 'THB' } },
      { percent: '3', fixedPerBooking: { amount: '2', currency: 'USD' } },
    ];
    const cases: Array<[number, number, number[]]> = [
      [100.1, 1, [0.1]],
      [333.33, 3, [50, 150.15]],
      [555, 2, []],
    ];
    for (const markup of markups) {
      for (const [perSeat, seats, extras] of cases) {
        const charge = Math.round((perSeat * seats + extras.reduce((s, e) => s + e, 0)) * 100) / 100;
        const booking = toContractBooking(
          {
            ...fixture,
            seats,
            netprice: thb(charge),
            seller_price: undefined,
          } as unknown as TwelveGoBookingDetails,
          { markup },
        );
        expect(expectedTotal(thb(perSeat), seats, extras.map(thb), markup)).toEqual(booking.total_price);
      }
    }
  });

  it('is unknown when an extra is in another currency or the passenger count is unusable', () => {
    expect(expectedTotal(thb(300), 1, [{ value: 5, fxcode: 'USD' }], null)).toBeNull();
    expect(expectedTotal(thb(300), 0, [], null)).toBeNull();
  });
});

describe('sameTotal (docs/contract/values.md#money)', () => {
  const expected = { currency: 'THB', amount: '600.00' };

  it('accepts any decimals, a JSON number and any letter case of the currency', () => {
    expect(sameTotal({ currency: 'THB', amount: '600.00' }, expected)).toBe(true);
    expect(sameTotal({ currency: 'thb', amount: 600 }, expected)).toBe(true);
    expect(sameTotal({ currency: 'THB', amount: '600.004' }, expected)).toBe(true);
    expect(sameTotal({ currency: 'JPY', amount: '1500.4' }, { currency: 'JPY', amount: '1500' })).toBe(true);
  });

  it('rejects another amount, another currency or a malformed amount', () => {
    expect(sameTotal({ currency: 'THB', amount: '600.005' }, expected)).toBe(false);
    expect(sameTotal({ currency: 'THB', amount: '599.99' }, expected)).toBe(false);
    expect(sameTotal({ currency: 'USD', amount: '600.00' }, expected)).toBe(false);
    expect(sameTotal({ currency: 'THB', amount: 'six hundred' }, expected)).toBe(false);
  });
});
