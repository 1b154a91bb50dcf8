import { divideRoundHalfAwayFromZero, parseDecimal, toMinorUnits } from './decimal-amount';

/**
 * Per-client markup (docs/platform.md#client-registry): `percent` (decimal string in [0, 100]) applied to the 12go amount
 * and rounded half-up to the currency's minor unit; `fixedPerBooking` added once per booking.
 * Structurally the same as `ClientSnapshot['markup']`.
 */
export interface ClientMarkup {
  percent: string;
  fixedPerBooking: { amount: string; currency: string } | null;
}

export interface MarkedUpAmount {
  /** The client-facing amount in minor units. */
  amountMinor: bigint;
  /** What the markup added (percent part + fixed part), in minor units. */
  markupMinor: bigint;
  /** False when a fixed part exists but is in another currency (no FX here: it is skipped). */
  fixedApplied: boolean;
}

/** Percent part only: `amount × percent / 100`, rounded half-up to the minor unit. */
export function percentOf(amountMinor: bigint, percent: string): bigint {
  const p = parseDecimal(percent);
  if (p.digits < 0n) throw new RangeError(`negative markup percent: ${percent}`);
  const denominator = 100n * 10n ** BigInt(p.scale);
  return divideRoundHalfAwayFromZero(amountMinor * p.digits, denominator);
}

/**
 * Applies a client's markup to one booking's 12go amount (already a total for all passengers).
 * `markup` null → unchanged.
 */
export function applyMarkup(
  amountMinor: bigint,
  currency: string,
  markup: ClientMarkup | null | undefined,
): MarkedUpAmount {
  if (!markup) return { amountMinor, markupMinor: 0n, fixedApplied: true };
  const percentPart = markup.percent ? percentOf(amountMinor, markup.percent) : 0n;
  let fixedPart = 0n;
  let fixedApplied = true;
  const fixed = markup.fixedPerBooking;
  if (fixed) {
    if (fixed.currency.toUpperCase() === currency.toUpperCase())
      fixedPart = toMinorUnits(fixed.amount, currency);
    else fixedApplied = false;
  }
  const markupMinor = percentPart + fixedPart;
  return { amountMinor: amountMinor + markupMinor, markupMinor, fixedApplied };
}

/** True when the markup changes nothing (null, zero percent and no fixed part). */
export function isNoMarkup(markup: ClientMarkup | null | undefined): boolean {
  if (!markup) return true;
  const p = parseDecimal(markup.percent || '0');
  return (
    p.digits === 0n && (!markup.fixedPerBooking || parseDecimal(markup.fixedPerBooking.amount).digits === 0n)
  );
}
