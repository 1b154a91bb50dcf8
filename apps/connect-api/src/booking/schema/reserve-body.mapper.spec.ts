import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { money } from '../../pricing';
import { parseCheckout } from './checkout-schema.mapper';
import { validateBookingData } from './booking-data.validator';
import { buildReserveBody, reindexPassengerKey } from './reserve-body.mapper';

const FIXTURES = join(__dirname, '../../../../../test/fixtures/booking-schema');
const load = (name: string) => JSON.parse(readFileSync(join(FIXTURES, name), 'utf8'));
const addonPrice = (amount: number, currency: string) => money(amount, currency);

/** What CreateBooking does: re-parse the checkout with the token's seat count and no base price. */
function runCase(file: string) {
  const { input, expected } = load(file);
  const checkout = load(input.schema_case).input.checkout;
  const parsed = parseCheckout(checkout, { seatCount: input.seat_count, basePrice: null, addonPrice });
  const outcome = validateBookingData(parsed, input.booking_data, input.locked_seats);
  return { input, expected, parsed, outcome };
}

describe('reserve body — fixture vectors', () => {
  for (const file of [
    'reserve-01-seats-two-passengers.json',
    'reserve-02-baggage-pickup.json',
    'reserve-03-delivery-flight-three-passengers.json',
    'reserve-05-locked-seats-override.json',
  ]) {
    it(file, () => {
      const { input, expected, parsed, outcome } = runCase(file);
      expect(outcome.issues).toEqual([]);
      const body = buildReserveBody(parsed, outcome.data);
      const request = { method: 'POST', path: `/reserve/${input.cart_id}`, body };
      expect(request).toEqual(expected.reserve_request);
      // The serialisation order is fixed too (docs/contract/booking-schema.md#reserve-body): byte-for-byte.
      expect(JSON.stringify(body)).toBe(JSON.stringify(expected.reserve_request.body));
    });
  }

  it('reserve-04-validation-errors.json: every error, in the fixed order', () => {
    const { expected, outcome } = runCase('reserve-04-validation-errors.json');
    expect(expected.http_status).toBe(422);
    expect(outcome.issues.map(({ field, code }) => ({ field, code }))).toEqual(expected.errors);
  });

  it('reports dropped additional fields (reserve-03 seat_preference)', () => {
    const { outcome } = runCase('reserve-03-delivery-flight-three-passengers.json');
    expect(outcome.dropped).toContain('additional_fields.seat_preference');
  });
});

describe('multi-passenger indexing', () => {
  it('re-indexes only the leading passenger[0] of template keys', () => {
    expect(reindexPassengerKey('passenger[0][baggage_PH01Bd09kt44If00l7Yc5Qa2]', 2)).toBe(
      'passenger[2][baggage_PH01Bd09kt44If00l7Yc5Qa2]',
    );
    expect(reindexPassengerKey('passenger[0][x][passenger[0]]', 11)).toBe('passenger[11][x][passenger[0]]');
  });

  it('emits one block per passenger with per-passenger baggage, extras and hidden values', () => {
    const parsed = parseCheckout(
      {
        'contact[email]': { type: 'input', required: true },
        'passenger[0][first_name]': { type: 'input', required: true },
        'passenger[0][baggage_T1]': { type: 'select', options: [{ value: 'b20', text: '20 kg' }] },
        'passenger[0][wheelchair]': { type: 'checkbox' },
        'passenger[0][agent_ref]': { type: 'input', is_visible: false, value: 'X1' },
      },
      { seatCount: 3, basePrice: null, addonPrice },
    );
    const passengers = [
      { first_name: 'A', baggage_option: '20 KG' },
      { first_name: 'B', wheelchair: 1 },
      { first_name: 'C', baggage_option: 'b20', wheelchair: 'FALSE' },
    ];
    const outcome = validateBookingData(parsed, { email: 'a@b.co', passengers });
    expect(outcome.issues).toEqual([]);
    const body = buildReserveBody(parsed, outcome.data);
    expect(body).toEqual({
      'contact[email]': 'a@b.co',
      seats: 3,
      'passenger[0][id_type]': '0',
      'passenger[0][first_name]': 'A',
      'passenger[0][is_child]': false,
      'passenger[0][baggage_T1]': 'b20',
      'passenger[0][agent_ref]': 'X1',
      'passenger[1][id_type]': '0',
      'passenger[1][first_name]': 'B',
      'passenger[1][is_child]': false,
      'passenger[1][wheelchair]': true,
      'passenger[1][agent_ref]': 'X1',
      'passenger[2][id_type]': '0',
      'passenger[2][first_name]': 'C',
      'passenger[2][is_child]': false,
      'passenger[2][baggage_T1]': 'b20',
      'passenger[2][wheelchair]': false,
      'passenger[2][agent_ref]': 'X1',
    });
    expect(Object.keys(body).indexOf('passenger[1][first_name]')).toBeGreaterThan(
      Object.keys(body).indexOf('passenger[0][agent_ref]'),
    );
  });
});
