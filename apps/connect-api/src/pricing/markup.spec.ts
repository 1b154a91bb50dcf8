import { applyMarkup, isNoMarkup, percentOf } from './markup';

describe('percentOf', () => {
  it('rounds half up to the minor unit', () => {
    expect(percentOf(45700n, '3.50')).toBe(1600n); // 457.00 × 3.5 % = 15.995 → 16.00
    expect(percentOf(10000n, '0.005')).toBe(1n); // 0.005 → 0.01 (half up)
    expect(percentOf(10000n, '0.004')).toBe(0n);
    expect(percentOf(1500n, '10')).toBe(150n); // JPY
    expect(percentOf(1n, '50')).toBe(1n); // 0.5 minor → 1
    expect(percentOf(12345n, '0')).toBe(0n);
    expect(percentOf(12345n, '100')).toBe(12345n);
  });
  it('rejects a negative percent', () => expect(() => percentOf(100n, '-1')).toThrow(RangeError));
});

describe('applyMarkup', () => {
  it('is the identity without markup', () => {
    expect(applyMarkup(45700n, 'THB', null)).toEqual({
      amountMinor: 45700n,
      markupMinor: 0n,
      fixedApplied: true,
    });
    expect(applyMarkup(45700n, 'THB', undefined).amountMinor).toBe(45700n);
  });
  it('applies the percent then adds the fixed part once', () => {
    const r = applyMarkup(91400n, 'THB', {
      percent: '3.50',
      fixedPerBooking: { amount: '20', currency: 'THB' },
    });
    // 914.00 × 3.5 % = 31.99 → 914.00 + 31.99 + 20.00
    expect(r).toEqual({ amountMinor: 96599n, markupMinor: 5199n, fixedApplied: true });
  });
  it('rounds in zero-decimal currencies', () => {
    expect(applyMarkup(1015n, 'JPY', { percent: '5', fixedPerBooking: null }).amountMinor).toBe(1066n); // 50.75 → 51
    expect(applyMarkup(1010n, 'JPY', { percent: '5', fixedPerBooking: null }).amountMinor).toBe(1061n); // 50.5 → 51
  });
  it('rounds in three-decimal currencies', () => {
    expect(
      applyMarkup(10001n, 'KWD', { percent: '12.5', fixedPerBooking: { amount: '0.1', currency: 'kwd' } }),
    ).toEqual({
      amountMinor: 10001n + 1250n + 100n, // 10.001 × 12.5 % = 1.250125 → 1.250
      markupMinor: 1350n,
      fixedApplied: true,
    });
  });
  it('skips a fixed part in another currency', () => {
    const r = applyMarkup(10000n, 'THB', {
      percent: '0',
      fixedPerBooking: { amount: '2.00', currency: 'USD' },
    });
    expect(r).toEqual({ amountMinor: 10000n, markupMinor: 0n, fixedApplied: false });
  });
  it('recognises a no-op markup', () => {
    expect(isNoMarkup(null)).toBe(true);
    expect(isNoMarkup({ percent: '0.00', fixedPerBooking: null })).toBe(true);
    expect(isNoMarkup({ percent: '0', fixedPerBooking: { amount: '0', currency: 'THB' } })).toBe(true);
    expect(isNoMarkup({ percent: '1', fixedPerBooking: null })).toBe(false);
  });
});
