import {
  centsToFixed2,
  centsToNumber,
  convertCents,
  convertSeatAmounts,
  grossOf,
  seatAmountsFromNet,
} from './money';

describe('money model (docs/upstream-12go.md#dates-and-money, docs/upstream-12go.md#seed-data-and-trips)', () => {
  it('sysfee is max(20.00, 10 %), agfee is rate × net, gross is their sum', () => {
    expect(seatAmountsFromNet(48000, 0)).toEqual({ net: 48000, sysfee: 4800, agfee: 0 });
    expect(seatAmountsFromNet(10000, 0)).toEqual({ net: 10000, sysfee: 2000, agfee: 0 });
    const air = seatAmountsFromNet(289000, 0.05);
    expect(air).toEqual({ net: 289000, sysfee: 28900, agfee: 14450 });
    expect(centsToNumber(grossOf(air))).toBe(3323.5);
  });

  it('converts THB to USD per component (÷ 36.50, 2 decimals)', () => {
    expect(convertCents(48000, 'USD')).toBe(1315);
    expect(convertCents(48000, 'THB')).toBe(48000);
    expect(convertSeatAmounts({ net: 48000, sysfee: 4800, agfee: 0 }, 'USD')).toEqual({
      net: 1315,
      sysfee: 132,
      agfee: 0,
    });
  });

  it('formats amounts', () => {
    expect(centsToFixed2(111000)).toBe('1110.00');
    expect(centsToNumber(55550)).toBe(555.5);
  });
});
