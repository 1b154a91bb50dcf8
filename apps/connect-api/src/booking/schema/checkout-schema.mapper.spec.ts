/* eslint-disable @typescript-eslint/no-explicit-any -- JSON documents of the spec and the API are walked dynamically */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { money } from '../../pricing';
import { parseCheckout } from './checkout-schema.mapper';

const FIXTURES = join(__dirname, '../../../../../test/fixtures/booking-schema');
const load = (name: string) => JSON.parse(readFileSync(join(FIXTURES, name), 'utf8'));
const addonPrice = (amount: number, currency: string) => money(amount, currency);

describe('parseCheckout — fixture vectors', () => {
  for (const file of [
    'checkout-01-seats-allow-auto.json',
    'checkout-02-baggage-points.json',
    'checkout-03-delivery-flight.json',
    'checkout-04-layout-variants-duplicates.json',
  ]) {
    it(file, () => {
      const { input, expected } = load(file);
      const parsed = parseCheckout(input.checkout, {
        seatCount: input.seat_count,
        basePrice: input.base_seat_price,
        addonPrice,
      });
      expect(parsed.bookingSchema).toEqual(expected.booking_schema);
      expect(parsed.fieldMap).toEqual(expected.field_map);
      expect(parsed.hiddenValues).toEqual(expected.hidden_values);
      expect(parsed.ignoredKeys).toEqual(expected.ignored_keys);
      expect(parsed.unknownKeys).toEqual(expected.unknown_keys);
      expect(parsed.availableSeats).toEqual(expected.available_seats);
    });
  }

  it('lists the array orders the spec fixes (required, anyOf, seats) in the fixture order', () => {
    const { input, expected } = load('checkout-01-seats-allow-auto.json');
    const parsed = parseCheckout(input.checkout, {
      seatCount: 2,
      basePrice: input.base_seat_price,
      addonPrice,
    });
    const props = parsed.bookingSchema.properties as any;
    expect(JSON.stringify(props.passengers.items.required)).toBe(
      JSON.stringify(expected.booking_schema.properties.passengers.items.required),
    );
    expect(props.seat_selection.items.anyOf.map((o: any) => o.const)).toEqual(['1A', '1B', '2A', '2B', '2C']);
  });

  it('reports dropped regexps and unrecognised layouts as events', () => {
    const { input } = load('checkout-04-layout-variants-duplicates.json');
    const parsed = parseCheckout(input.checkout, { seatCount: 1, basePrice: null, addonPrice });
    expect(parsed.events.map((e) => e.event)).toEqual(
      expect.arrayContaining(['seat_layout_unrecognised', 'regexp_dropped']),
    );
  });
});

describe('parseCheckout — select value resolution input (option flattening)', () => {
  it('flattens nested groups depth-first, skips placeholders and de-duplicates keeping the first', () => {
    const parsed = parseCheckout(
      {
        'passenger[0][country_id]': {
          type: 'select',
          options: [
            { value: '', text: 'Please select' },
            { value: null, text: 'Popular', values: [{ value: 'TH', text: 'Thailand' }] },
            {
              value: null,
              text: 'All',
              values: [
                { value: 'DE', text: 'Germany' },
                { value: 'TH', text: 'Thailand' },
              ],
            },
          ],
        },
      },
      { seatCount: 1, basePrice: null, addonPrice },
    );
    expect(parsed.optionIndex['passengers[].country_id']).toEqual([
      { value: 'TH', title: 'Thailand' },
      { value: 'DE', title: 'Germany' },
    ]);
    const prop = (parsed.bookingSchema.properties as any).passengers.items.properties.country_id;
    expect(prop['x-option-groups']).toEqual([
      { title: 'Popular', values: ['TH'] },
      { title: 'All', values: ['DE', 'TH'] },
    ]);
  });

  it('turns a select without usable options into a plain string', () => {
    const parsed = parseCheckout(
      { 'passenger[0][title]': { type: 'select', options: [{ value: '', text: 'Choose' }] } },
      { seatCount: 1, basePrice: null, addonPrice },
    );
    expect((parsed.bookingSchema.properties as any).passengers.items.properties.title).toEqual({
      type: 'string',
    });
  });
});
