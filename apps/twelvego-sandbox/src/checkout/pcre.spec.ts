import { pcreToRegExp } from './pcre';

describe('pcreToRegExp', () => {
  it('converts \\pL names with the u flag', () => {
    const re = pcreToRegExp("/^[\\pL\\s'.-]{2,30}$/u");
    expect(re?.test("Zoë O'Neil")).toBe(true);
    expect(re?.test('SANDBOXPENDING')).toBe(true);
    expect(re?.test('R2D2')).toBe(false);
  });

  it('keeps the i flag and plain patterns', () => {
    expect(pcreToRegExp('/^[A-Z0-9]{5,20}$/i')?.test('ab12345')).toBe(true);
    expect(pcreToRegExp('/^\\+[0-9]{7,15}$/')?.test('+66812345678')).toBe(true);
    expect(pcreToRegExp('/^[^@\\s]+@[^@\\s]+\\.[^@\\s]+$/')?.test('a@b.co')).toBe(true);
  });

  it('converts \\x{HHHH} code points and rejects garbage', () => {
    expect(pcreToRegExp('/^\\x{0E01}+$/u')?.test('กก')).toBe(true);
    expect(pcreToRegExp('no-delimiters')).toBeNull();
  });
});
