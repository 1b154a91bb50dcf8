import { money } from '../../pricing';
import { parseCheckout } from '../schema/checkout-schema.mapper';
import { seatLockResponse, unavailableSeats } from './seat-lock.mapper';

const addonPrice = (amount: number, currency: string) => money(amount, currency);
const checkout = {
  selected_seats_T: {
    type: 'select',
    data: {
      seatmap: {
        seats: {
          '1A': { is_available: true, price: { value: 330, fxcode: 'THB' } },
          '1B': {
            is_available: true,
            price: { value: 330, fxcode: 'THB' },
            price_diff: { value: 40, fxcode: 'THB' },
          },
          '1C': { is_available: true, price: { value: 330, fxcode: 'THB' } },
        },
        booked: { '1C': true },
        layouts: [['1A', '1B', null, '1C']],
      },
    },
  },
};

describe('seat lock mapper', () => {
  const parsed = parseCheckout(checkout, {
    seatCount: 2,
    basePrice: { value: 330, fxcode: 'THB' },
    addonPrice,
  });

  it('finds requested seats the checkout does not offer', () => {
    expect(unavailableSeats(parsed, ['1A', '1C', '9Z'])).toEqual([1, 2]);
    const noSeats = parseCheckout({}, { seatCount: 1, basePrice: null, addonPrice });
    expect(unavailableSeats(noSeats, ['1A'])).toEqual([0]);
  });

  it('prices the token passengers plus the chosen seats, with exactly three keys', () => {
    const res = seatLockResponse({ value: 300, fxcode: 'THB' }, parsed, ['1A', '1B'], 2, null);
    expect(res).toEqual({
      passenger_count: 2,
      status: 'reserved',
      total_price: { currency: 'THB', amount: '640.00' },
    });
  });

  it('applies the client markup once to fare and seat surcharges together (as the Booking total)', () => {
    const res = seatLockResponse({ value: 300, fxcode: 'THB' }, parsed, ['1A'], 1, {
      percent: '10',
      fixedPerBooking: null,
    });
    expect(res.total_price.amount).toBe('330.00');
    const withSeat = seatLockResponse({ value: 300.05, fxcode: 'THB' }, parsed, ['1B'], 1, {
      percent: '0.0125',
      fixedPerBooking: { amount: '5', currency: 'THB' },
    });
    // 0.0125 % of (300.05 + 40.00) = 0.0425 → 0.04, + 5 fixed = 345.09. Marking the fare (0.0375 → 0.04)
    // and the seat (0.005 → 0.01) up apart would give 345.10 — not what the Booking will say.
    expect(withSeat.total_price).toEqual({ currency: 'THB', amount: '345.09' });
  });
});
