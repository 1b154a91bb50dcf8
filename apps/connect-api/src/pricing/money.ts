import { formatMinorUnits, toMinorUnits } from './decimal-amount';

/** The contract's Money object (docs/contract/values.md#money). Search results emit `amount` first. */
export interface ContractMoney {
  amount: string;
  currency: string;
}

export function moneyFromMinor(minor: bigint, currency: string): ContractMoney {
  const code = currency.toUpperCase();
  return { amount: formatMinorUnits(minor, code), currency: code };
}

export function money(value: string | number, currency: string): ContractMoney {
  const code = currency.toUpperCase();
  return moneyFromMinor(toMinorUnits(value, code), code);
}

/** Money with `currency` first, for objects whose documented key order puts it first. */
export function moneyCurrencyFirst(minor: bigint, currency: string): { currency: string; amount: string } {
  const m = moneyFromMinor(minor, currency);
  return { currency: m.currency, amount: m.amount };
}
