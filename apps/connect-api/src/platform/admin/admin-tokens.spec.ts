import { AdminTokens, bearerToken } from './admin-tokens';

const A = 'a'.repeat(40);
const B = 'b'.repeat(40);

describe('AdminTokens', () => {
  it('matches either configured token and names it by position', () => {
    const tokens = new AdminTokens([A, B]);
    expect(tokens.match(`Bearer ${A}`)).toBe('admin-1');
    expect(tokens.match(`bearer ${B}`)).toBe('admin-2');
  });

  it('rejects wrong, missing, prefixed and non-bearer values', () => {
    const tokens = new AdminTokens([A]);
    expect(tokens.match(undefined)).toBeUndefined();
    expect(tokens.match('')).toBeUndefined();
    expect(tokens.match(`Bearer ${A}x`)).toBeUndefined();
    expect(tokens.match(`Bearer ${A.slice(1)}`)).toBeUndefined();
    expect(tokens.match(`Basic ${A}`)).toBeUndefined();
    expect(tokens.match(A)).toBeUndefined();
  });

  it('is disabled without tokens', () => {
    expect(new AdminTokens([]).enabled).toBe(false);
    expect(new AdminTokens([]).match('Bearer ')).toBeUndefined();
  });

  it('parses the bearer scheme case-insensitively', () => {
    expect(bearerToken('BEARER  xyz ')).toBe('xyz');
    expect(bearerToken('Bearer a b')).toBeUndefined();
  });
});
