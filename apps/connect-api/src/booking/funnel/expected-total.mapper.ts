import type { TwelveGoReserveBody } from '@app/twelvego-client';
import {
  applyMarkup,
  minorUnitsOf,
  moneyCurrencyFirst,
  parseDecimal,
  rescale,
  toMinorUnits,
  type ClientMarkup,
} from '../../pricing';
import type { AddonPrices, ParsedCheckout, TwelveGoAmount } from '../schema/checkout-schema.types';

export interface ExpectedTotal {
  currency: string;
  amount: string;
}

type SeatCheckout = Pick<ParsedCheckout, 'addonPrices' | 'availableSeats' | 'fields'>;

/** Surcharges of the given seats (seats without one cost nothing extra). */
export function seatExtras(addons: AddonPrices, seatIds: readonly string[]): TwelveGoAmount[] {
  return seatIds.flatMap((id) => (addons.seats[id] ? [addons.seats[id]] : []));
}

/**
 * Seats 12go assigns itself when none are sent. Which ones is 12go's choice; the sandbox takes the cheapest
 * free seats, and in the normal case there are free seats without surcharge, so the expectation is the
 * cheapest `count` free seats (ties in layout order). A paid seat assigned anyway is caught after reserve.
 */
export function autoAssignedSeatExtras(parsed: SeatCheckout, count: number): TwelveGoAmount[] {
  const free = parsed.availableSeats ?? [];
  const cheapest = free
    .map((id, order) => ({ id, order, value: parsed.addonPrices.seats[id]?.value ?? 0 }))
    .sort((a, b) => a.value - b.value || a.order - b.order)
    .slice(0, count)
    .map((s) => s.id);
  return seatExtras(parsed.addonPrices, cheapest);
}

/**
 * The paid extras a reserve body selects, as 12go adds them to the booking (docs/upstream-12go.md#dates-and-money, docs/upstream-12go.md#checkout):
 * the chosen seats' surcharges (or those of the seats 12go will assign), a per-passenger option
 * (`passenger[i][…]`, e.g. baggage) once for that passenger, and a booking-level priced option (pickup
 * point, delivery) once per seat — option prices are per passenger.
 */
export function reserveBodyExtras(parsed: SeatCheckout, body: TwelveGoReserveBody): TwelveGoAmount[] {
  const seats = Number(body.seats);
  const extras: TwelveGoAmount[] = [];
  const seatField = parsed.fields.seatSelection;
  if (seatField) {
    const chosen = String(body[seatField.key] ?? '')
      .split(',')
      .map((s) => s.trim())
      .filter(Boolean);
    if (chosen.length > 0) extras.push(...seatExtras(parsed.addonPrices, chosen));
    else if (seatField.hasSeatMap) extras.push(...autoAssignedSeatExtras(parsed, seats));
  }
  for (const [key, value] of Object.entries(body)) {
    const perPassenger = /^passenger\[\d+\]/.test(key);
    const template = perPassenger ? key.replace(/^passenger\[\d+\]/, 'passenger[0]') : key;
    const price = parsed.addonPrices.options[template]?.[String(value)];
    if (!price || price.value === 0) continue;
    for (let i = 0; i < (perPassenger ? 1 : seats); i++) extras.push(price);
  }
  return extras;
}

/**
 * What the partner will pay for a cart, computed before reserve exactly as the Booking's `total_price` is
 * after it (contract/booking/booking.mapper.ts): 12go's charge — per-seat net × passengers + paid extras
 * (docs/upstream-12go.md#dates-and-money) — summed exactly, rounded once to the currency's minor unit, then the client's
 * markup (percent of the whole, fixed part once). Null when an extra is in another currency (12go prices
 * everything in the account currency, so that is not a price the BFF can predict).
 */
export function expectedTotal(
  perSeatNet: TwelveGoAmount,
  passengers: number,
  extras: readonly TwelveGoAmount[],
  markup: ClientMarkup | null | undefined,
): ExpectedTotal | null {
  const currency = String(perSeatNet.fxcode).toUpperCase();
  if (!Number.isInteger(passengers) || passengers < 1) return null;
  if (extras.some((e) => String(e.fxcode).toUpperCase() !== currency)) return null;
  const terms = [perSeatNet, ...extras].map((a) => parseDecimal(a.value));
  const scale = Math.max(...terms.map((t) => t.scale));
  const up = (t: { digits: bigint; scale: number }) => t.digits * 10n ** BigInt(scale - t.scale);
  let digits = up(terms[0]) * BigInt(passengers);
  for (const t of terms.slice(1)) digits += up(t);
  const chargeMinor = rescale({ digits, scale }, minorUnitsOf(currency));
  return moneyCurrencyFirst(applyMarkup(chargeMinor, currency, markup).amountMinor, currency);
}

/**
 * docs/contract/values.md#money: the partner's `total_price` (any decimals, a JSON number leniently, any letter case of
 * the currency) equals `expected` when the currencies match and the amounts are equal after rounding to
 * the currency's exponent. A malformed amount never matches.
 */
export function sameTotal(
  requested: { currency: string; amount: string | number },
  expected: ExpectedTotal,
): boolean {
  if (String(requested.currency).toUpperCase() !== expected.currency.toUpperCase()) return false;
  try {
    return (
      toMinorUnits(requested.amount, expected.currency) === toMinorUnits(expected.amount, expected.currency)
    );
  } catch {
    return false;
  }
}
