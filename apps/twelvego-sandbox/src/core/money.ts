import type { TwelveGoPrice } from '@app/twelvego-client';

/** Amounts are integer minor units (cents) internally; JSON numbers with ≤ 2 decimals on the wire (docs/upstream-12go.md#dates-and-money). */

export const USD_PER_THB_DIVISOR = 36.5;

/** Whole major units → cents. */
export const majorToCents = (major: number): number => Math.round(major * 100);

/** Cents → JSON number with at most 2 decimals. */
export const centsToNumber = (cents: number): number => Math.round(cents) / 100;

export const price = (cents: number, fxcode: string): TwelveGoPrice => ({
  value: centsToNumber(cents),
  fxcode,
});

/** Converts a THB amount (cents) into the account currency (docs/upstream-12go.md#the-sandbox: THB ÷ 36.50, rounded to 2 decimals). */
export function convertCents(thbCents: number, currency: string): number {
  if (currency === 'THB') return thbCents;
  return Math.round(thbCents / USD_PER_THB_DIVISOR);
}

/** "1110.00" — amount with exactly two decimals (refund hashes). */
export const centsToFixed2 = (cents: number): string => (cents / 100).toFixed(2);

/** Per-seat amounts of a travel option, in cents of one currency. */
export interface SeatAmounts {
  net: number;
  sysfee: number;
  agfee: number;
}

export const grossOf = (a: SeatAmounts): number => a.net + a.sysfee + a.agfee;

/** docs/upstream-12go.md#seed-data-and-trips: sysfee = max(20.00, round2(0.10 × net)), agfee = round2(rate × net). */
export function seatAmountsFromNet(netCents: number, agfeeRate: number): SeatAmounts {
  return {
    net: netCents,
    sysfee: Math.max(2000, Math.round(netCents * 0.1)),
    agfee: Math.round(netCents * agfeeRate),
  };
}

/** Converts each per-seat component before totals are formed (docs/upstream-12go.md#the-sandbox `sandbox-key-usd`). */
export function convertSeatAmounts(a: SeatAmounts, currency: string): SeatAmounts {
  return {
    net: convertCents(a.net, currency),
    sysfee: convertCents(a.sysfee, currency),
    agfee: convertCents(a.agfee, currency),
  };
}
