/* eslint-disable @typescript-eslint/no-explicit-any -- JSON documents of the spec and the API are walked dynamically */
import { money } from '../../pricing';
import { parseCheckout } from './checkout-schema.mapper';
import { coerceBoolean, isCalendarDate, resolveOption, validateBookingData } from './booking-data.validator';

const addonPrice = (amount: number, currency: string) => money(amount, currency);

describe('select value resolution (docs/contract/booking-schema.md#booking-data-normalisation-and-validation)', () => {
  const options = [
    { value: 'F', title: 'Female' },
    { value: 'M', title: 'Male' },
    { value: '0', title: 'Passport' },
    { value: 'Mr', title: 'Mr.' },
    { value: 'mr', title: 'lower' },
  ];
  it('tries the exact value, then the value ignoring case, then the title ignoring case', () => {
    expect(resolveOption(options, 'F')).toBe('F');
    expect(resolveOption(options, 'f')).toBe('F');
    expect(resolveOption(options, 'female')).toBe('F');
    expect(resolveOption(options, 'Passport')).toBe('0');
    expect(resolveOption(options, 'mr')).toBe('mr');
    expect(resolveOption(options, 'MR')).toBe('Mr');
    expect(resolveOption(options, 'mr.')).toBe('Mr');
    expect(resolveOption(options, 'X')).toBeUndefined();
  });
});

describe('coercions', () => {
  it('coerces booleans leniently and rejects anything else', () => {
    expect([true, 'TRUE', ' 1 ', 1].map(coerceBoolean)).toEqual([true, true, true, true]);
    expect([false, 'False', '0', 0].map(coerceBoolean)).toEqual([false, false, false, false]);
    expect(['yes', 2, {}, []].map(coerceBoolean)).toEqual([undefined, undefined, undefined, undefined]);
  });
  it('accepts only real calendar dates', () => {
    expect(isCalendarDate('2024-02-29')).toBe(true);
    expect(isCalendarDate('2023-02-29')).toBe(false);
    expect(isCalendarDate('2023-2-01')).toBe(false);
  });
});

describe('seat rules (docs/contract/booking-schema.md#booking-data-normalisation-and-validation)', () => {
  const checkout = {
    'passenger[0][first_name]': { type: 'input', required: true },
    selected_seats_T: {
      type: 'select',
      required: true,
      data: {
        seatmap: {
          seats: { '1A': { is_available: true }, '1B': { is_available: true }, '1C': { is_available: true } },
          layouts: [],
          booked: [],
        },
      },
    },
    selected_seats_T_allow_auto: { name: 'selected_seats_T_allow_auto' },
  };
  const parsed = parseCheckout(checkout, { seatCount: 2, basePrice: null, addonPrice });
  const passengers = [{ first_name: 'A' }, { first_name: 'B' }];
  const codes = (data: any, locked: string[] | null = null) =>
    validateBookingData(parsed, { passengers, ...data }, locked).issues.map((i) => `${i.field}:${i.code}`);

  it('requires seats unless automatic assignment is allowed', () => {
    expect(codes({})).toEqual(['booking_data.seat_selection:required']);
    expect(codes({ allow_automatic_seat_selection: 'true' })).toEqual([]);
  });
  it('requires exactly N seats, or 1..N with automatic assignment', () => {
    expect(codes({ seat_selection: ['1A'] })).toEqual(['booking_data.seat_selection:seat_count']);
    expect(codes({ seat_selection: ['1A'], allow_automatic_seat_selection: true })).toEqual([]);
    expect(codes({ seat_selection: ['1A', '1B', '1C'], allow_automatic_seat_selection: true })).toEqual([
      'booking_data.seat_selection:seat_count',
    ]);
  });
  it('reports a duplicate only at its later occurrence and never also as unavailable', () => {
    expect(codes({ seat_selection: ['9Z', '9Z'] })).toEqual([
      'booking_data.seat_selection[0]:seat_unavailable',
      'booking_data.seat_selection[1]:duplicate_seat',
    ]);
  });
  it('lets locked seats replace the request seats', () => {
    expect(codes({ seat_selection: ['9Z'] }, ['1A', '1B'])).toEqual([]);
  });
  it('drops seat input for a checkout without a seat field', () => {
    const plain = parseCheckout(
      { 'passenger[0][first_name]': { type: 'input' } },
      { seatCount: 1, basePrice: null, addonPrice },
    );
    const outcome = validateBookingData(plain, {
      passengers: [{ first_name: 'A', baggage_option: 'x' }],
      seat_selection: ['1A'],
    });
    expect(outcome.issues).toEqual([]);
    expect(outcome.dropped).toEqual(['seat_selection', 'passengers[0].baggage_option']);
    expect(outcome.data.seats).toEqual([]);
  });
});
