/* eslint-disable @typescript-eslint/no-explicit-any -- JSON documents of the spec and the API are walked dynamically */
import { toGetItineraryResponse } from './checkout-itinerary.mapper';
import { addonPriceFor } from './addon-price';

describe('toGetItineraryResponse (docs/contract/endpoints.md#getitinerary D14)', () => {
  const trip = {
    itinerary: {
      id: 'TRIP-2026-04-01-18:57~2',
      departure_segments: ['s1', 's2'],
      connection_guaranteed: true,
      cancellation_policies: [{ from: null, penalty: { percent: 100 } }],
      number_of_available_seats: 7,
      pricing: { net_price: { amount: '10.00', currency: 'THB' } },
      confirmation_type: 'Instant' as const,
    },
    segments: [],
    vehicles: [],
  };

  it('adds the checkout names after the search fields', () => {
    const body = toGetItineraryResponse(trip as any, 'TOKEN', { type: 'object' });
    const it0 = body.itineraries[0];
    expect(Object.keys(it0)).toEqual([
      'id',
      'departure_segments',
      'connection_guaranteed',
      'cancellation_policies',
      'number_of_available_seats',
      'pricing',
      'confirmation_type',
      'booking_token',
      'booking_schema',
      'to_segments',
      'from_segments',
      'number_available_seats',
    ]);
    expect(it0.to_segments).toEqual(['s1', 's2']);
    expect(it0.from_segments).toEqual([]);
    expect(it0.number_available_seats).toBe(7);
  });

  it('omits number_available_seats when the seat count is unknown', () => {
    const { number_of_available_seats: _drop, ...rest } = trip.itinerary;
    const body = toGetItineraryResponse({ ...trip, itinerary: rest } as any, 'T', {});
    expect('number_available_seats' in body.itineraries[0]).toBe(false);
  });
});

describe('addonPriceFor (docs/contract/booking-schema.md#prices-in-the-schema)', () => {
  it('is the identity (formatted) without markup and applies the percent part otherwise', () => {
    expect(addonPriceFor({ markup: null })(780.5, 'php')).toEqual({ amount: '780.50', currency: 'PHP' });
    expect(addonPriceFor({ markup: null })(1500, 'JPY')).toEqual({ amount: '1500', currency: 'JPY' });
    expect(
      addonPriceFor({ markup: { percent: '10', fixedPerBooking: { amount: '5', currency: 'THB' } } })(
        40,
        'THB',
      ),
    ).toEqual({
      amount: '44.00',
      currency: 'THB',
    });
  });
});
