import { normaliseLocale } from './static-locale';

describe('normaliseLocale', () => {
  it.each([
    [undefined, 'en'],
    ['th', 'th'],
    ['TH', 'th'],
    ['th-TH', 'th'],
    ['pt_BR', 'pt'],
    ['xx', 'en'],
    ['english', 'en'],
    [['th', 'ru'], 'en'],
  ])('%j → %s', (value, expected) => {
    expect(normaliseLocale(value)).toBe(expected);
  });
});
