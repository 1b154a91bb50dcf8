import { translatePcre } from './pcre-regex.mapper';

describe('translatePcre (docs/contract/booking-schema.md#patterns)', () => {
  it.each([
    ['/^[\\s\\pCA-Za-z\\x{0E00}-\\x{0E7F}]{2,30}$/u', '^[\\s\\p{C}A-Za-z\\u{0E00}-\\u{0E7F}]{2,30}$'],
    ["/^[\\pL\\s'.-]{2,30}$/u", "^[\\p{L}\\s'.-]{2,30}$"],
    ['\\/^[0-9]{13}$\\/', '^[0-9]{13}$'],
    ['#^\\+[1-9][0-9]{6,14}$#', '^\\+[1-9][0-9]{6,14}$'],
    ['/\\Aabc\\z/', '^abc$'],
    ['/^a\\Z/', '^a$'],
    ['/^\\@x$/', '^@x$'],
    ['/^\\PL+$/sDm', '^\\P{L}+$'],
    ['^[0-9]+$', '^[0-9]+$'],
    ['/^\\p{Lu}$/u', '^\\p{Lu}$'],
    ['/^a\\/b$/', '^a\\/b$'],
  ])('%s → %s', (source, expected) => {
    expect(translatePcre(source)).toBe(expected);
  });

  it.each([
    ['/^[a-z]+$/i', 'case-insensitive flag'],
    ['/^ a $/x', 'extended flag'],
    ['/^[[:alnum:]]+$/', 'POSIX class'],
    ['/^(a$/', 'does not compile'],
    ['/^a$/u1', 'non-letter flag'],
    ['/^abc', 'missing closing delimiter'],
  ])('%s is untranslatable (%s)', (source) => {
    expect(translatePcre(source)).toBeNull();
  });
});
