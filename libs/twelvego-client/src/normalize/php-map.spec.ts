import { normalizePhpMap } from './php-map';

describe('normalizePhpMap (docs/upstream-12go.md#json-quirks)', () => {
  it('an empty PHP array is an empty map', () => {
    expect(normalizePhpMap([])).toEqual({});
  });
  it('a PHP list (keys 0..n-1) becomes a map keyed by index', () => {
    expect(normalizePhpMap(['a', 'b'])).toEqual({ '0': 'a', '1': 'b' });
  });
  it('objects pass through unchanged', () => {
    const map = { '231': { id: 231 } };
    expect(normalizePhpMap(map)).toBe(map);
  });
  it.each([[null], [undefined], ['x'], [3]])('%p is not a map', (value) => {
    expect(normalizePhpMap(value)).toBeUndefined();
  });
});
