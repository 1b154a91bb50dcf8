import fc from 'fast-check';
import { minorUnitsOf } from './currency-minor-units';
import {
  divideRoundHalfAwayFromZero,
  formatAmount,
  formatMinorUnits,
  multiplyToMinorUnits,
  parseDecimal,
  toMinorUnits,
} from './decimal-amount';
import { money, moneyFromMinor } from './money';

describe('minorUnitsOf', () => {
  it.each([
    ['THB', 2],
    ['USD', 2],
    ['IDR', 2],
    ['EUR', 2],
    ['JPY', 0],
    ['KRW', 0],
    ['VND', 0],
    ['CLP', 0],
    ['XPF', 0],
    ['ISK', 0],
    ['BHD', 3],
    ['KWD', 3],
    ['JOD', 3],
    ['TND', 3],
    ['OMR', 3],
    ['IQD', 3],
    ['LYD', 3],
    ['CLF', 4],
    ['jpy', 0],
  ])('%s has %i decimals', (currency, exp) => expect(minorUnitsOf(currency)).toBe(exp));
});

describe('parseDecimal', () => {
  it('reads strings and numbers exactly', () => {
    expect(parseDecimal('507.00')).toEqual({ digits: 50700n, scale: 2 });
    expect(parseDecimal(3323.5)).toEqual({ digits: 33235n, scale: 1 });
    expect(parseDecimal(0.1)).toEqual({ digits: 1n, scale: 1 });
    expect(parseDecimal('1e3')).toEqual({ digits: 1000n, scale: 0 });
    expect(parseDecimal(5e-7)).toEqual({ digits: 5n, scale: 7 });
    expect(parseDecimal('.5')).toEqual({ digits: 5n, scale: 1 });
    expect(parseDecimal('-2.50')).toEqual({ digits: -250n, scale: 2 });
  });
  it('rejects non-decimals', () => {
    for (const bad of ['', 'abc', '1,000', '1.2.3', '.', 'NaN'])
      expect(() => parseDecimal(bad)).toThrow(RangeError);
    expect(() => parseDecimal(Number.NaN)).toThrow(RangeError);
    expect(() => parseDecimal(Infinity)).toThrow(RangeError);
  });
});

describe('rounding half away from zero', () => {
  it('divides', () => {
    expect(divideRoundHalfAwayFromZero(5n, 2n)).toBe(3n);
    expect(divideRoundHalfAwayFromZero(-5n, 2n)).toBe(-3n);
    expect(divideRoundHalfAwayFromZero(4n, 3n)).toBe(1n);
    expect(divideRoundHalfAwayFromZero(5n, 3n)).toBe(2n);
  });
  it('rounds to the currency precision', () => {
    expect(toMinorUnits('14.605', 'USD')).toBe(1461n);
    expect(toMinorUnits('14.604', 'USD')).toBe(1460n);
    expect(toMinorUnits(1.005, 'USD')).toBe(101n); // the float 1.005 is read as its text, not 1.00499…
    expect(toMinorUnits('1500.5', 'JPY')).toBe(1501n);
    expect(toMinorUnits('1500.49', 'JPY')).toBe(1500n);
    expect(toMinorUnits('12.3456', 'KWD')).toBe(12346n);
  });
});

describe('formatting', () => {
  it('emits exactly the minor-unit digits', () => {
    expect(formatMinorUnits(50700n, 'THB')).toBe('507.00');
    expect(formatMinorUnits(5n, 'THB')).toBe('0.05');
    expect(formatMinorUnits(0n, 'THB')).toBe('0.00');
    expect(formatMinorUnits(1500n, 'JPY')).toBe('1500');
    expect(formatMinorUnits(12346n, 'KWD')).toBe('12.346');
    expect(formatMinorUnits(1n, 'CLF')).toBe('0.0001');
    expect(formatAmount(14.6, 'USD')).toBe('14.60');
    expect(formatAmount('150000', 'IDR')).toBe('150000.00');
    expect(formatAmount(96200.4, 'VND')).toBe('96200');
  });
  it('never produces exponents for large amounts', () => {
    expect(formatAmount(1e21, 'THB')).toBe('1000000000000000000000.00');
  });
  it('builds Money objects, amount first, upper-case currency', () => {
    expect(Object.keys(money(507, 'thb'))).toEqual(['amount', 'currency']);
    expect(money(507, 'thb')).toEqual({ amount: '507.00', currency: 'THB' });
    expect(moneyFromMinor(1014n, 'JPY')).toEqual({ amount: '1014', currency: 'JPY' });
  });
});

describe('multiplyToMinorUnits', () => {
  it('multiplies exactly before rounding once', () => {
    expect(multiplyToMinorUnits(969.1, 2, 'THB')).toBe(193820n);
    expect(multiplyToMinorUnits(0.1, 3, 'THB')).toBe(30n); // 0.1 × 3 in floats would be 0.30000000000000004
    expect(multiplyToMinorUnits('100.5', 3, 'JPY')).toBe(302n); // 301.5 → 302, not 3 × 101
    expect(() => multiplyToMinorUnits(1, 1.5, 'THB')).toThrow(RangeError);
  });
});

describe('parseDecimal fast path (performance change) agrees with the general grammar', () => {
  // The grammar parseDecimal had before its regex-free path for `[-]digits[.digits]`.
  function reference(value: string | number): { digits: bigint; scale: number } {
    const text = String(value).trim();
    const m = /^([+-]?)(\d*)(?:\.(\d*))?(?:[eE]([+-]?\d+))?$/.exec(text);
    if (!m || (m[2] === '' && (m[3] === undefined || m[3] === ''))) throw new RangeError(text);
    const fracPart = m[3] ?? '';
    let digits = BigInt((m[2] || '0') + fracPart) * (m[1] === '-' ? -1n : 1n);
    let scale = fracPart.length - (m[4] ? Number(m[4]) : 0);
    if (scale < 0) {
      digits *= 10n ** BigInt(-scale);
      scale = 0;
    }
    return { digits, scale };
  }

  it('on edge-shaped strings', () => {
    const cases = [
      '0',
      '-0',
      '007.50',
      '0.000',
      '1.',
      '-.5',
      '+1.5',
      ' 1.5 ',
      '12345678901234567890.123',
      '999999999999999',
      '9999999999999999',
      '-123456789012345.6789',
      '1e-7',
      '5E+3',
      '1.2.3',
      '1-2',
      '',
      '.',
      '-',
    ];
    for (const c of cases) {
      let expected: unknown;
      try {
        expected = reference(c);
      } catch {
        expected = 'throws';
      }
      if (expected === 'throws') expect(() => parseDecimal(c)).toThrow(RangeError);
      else expect(parseDecimal(c)).toEqual(expected);
    }
  });

  it('on generated numbers and decimal strings', () => {
    fc.assert(
      fc.property(fc.double({ noNaN: true, noDefaultInfinity: true }), (n) => {
        expect(parseDecimal(n)).toEqual(reference(n));
      }),
      { numRuns: 2000 },
    );
    fc.assert(
      fc.property(fc.stringMatching(/^-?\d{1,25}(\.\d{1,12})?$/), (s) => {
        expect(parseDecimal(s)).toEqual(reference(s));
      }),
      { numRuns: 2000 },
    );
  });
});
