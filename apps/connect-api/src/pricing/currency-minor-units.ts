/**
 * ISO 4217 minor-unit exponents (docs/contract/values.md#money D5): the number of digits after the point in every
 * amount the API emits. Currencies not listed use 2.
 */
const ZERO_DECIMAL = new Set([
  'BIF',
  'CLP',
  'DJF',
  'GNF',
  'ISK',
  'JPY',
  'KMF',
  'KRW',
  'PYG',
  'RWF',
  'UGX',
  'UYI',
  'VND',
  'VUV',
  'XAF',
  'XOF',
  'XPF',
]);
const THREE_DECIMAL = new Set(['BHD', 'IQD', 'JOD', 'KWD', 'LYD', 'OMR', 'TND']);
const FOUR_DECIMAL = new Set(['CLF']);

/** Memo of the codes seen (every amount asks; currency codes are few), bounded against odd input. */
const memo = new Map<string, number>();
const MEMO_LIMIT = 512;

export function minorUnitsOf(currency: string): number {
  const known = memo.get(currency);
  if (known !== undefined) return known;
  const exponent = exponentOf(currency.toUpperCase());
  if (memo.size < MEMO_LIMIT) memo.set(currency, exponent);
  return exponent;
}

function exponentOf(code: string): number {
  if (ZERO_DECIMAL.has(code)) return 0;
  if (THREE_DECIMAL.has(code)) return 3;
  if (FOUR_DECIMAL.has(code)) return 4;
  return 2;
}
