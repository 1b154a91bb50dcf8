import { exceedsJsonDepth } from './json-depth';

describe('exceedsJsonDepth', () => {
  const nest = (n: number): unknown => (n === 0 ? 1 : { a: [nest(n - 1)] });
  it('accepts ordinary bodies and rejects pathological nesting without recursion', () => {
    expect(exceedsJsonDepth({ booking_data: { passengers: [{ first_name: 'A' }] } })).toBe(false);
    expect(exceedsJsonDepth(nest(10))).toBe(false);
    expect(exceedsJsonDepth(JSON.parse('['.repeat(5000) + ']'.repeat(5000)))).toBe(true);
  });
});
