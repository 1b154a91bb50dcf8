import { normalizeBid } from './bid';

describe('normalizeBid (docs/upstream-12go.md#identifiers)', () => {
  it.each([
    [70000042, '70000042'],
    ['70000042', '70000042'],
    [' 70000042 ', '70000042'],
    [0, '0'],
    ['0012', '0012'],
  ])('%p → %p', (input, expected) => {
    expect(normalizeBid(input)).toBe(expected);
  });

  it.each([
    [-1],
    [1.5],
    [Number.MAX_SAFE_INTEGER + 2],
    ['12a'],
    [''],
    [null],
    [undefined],
    [{}],
    [[1]],
    [true],
  ])('rejects %p', (input) => {
    expect(normalizeBid(input)).toBeUndefined();
  });
});
