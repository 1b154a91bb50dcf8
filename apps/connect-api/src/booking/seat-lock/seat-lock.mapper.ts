import type { TwelveGoTravelOption } from '@app/twelvego-client';
import {
  applyMarkup,
  formatMinorUnits,
  multiplyToMinorUnits,
  toMinorUnits,
  type ClientMarkup,
} from '../../pricing';
import type { ParsedCheckout } from '../schema/checkout-schema.types';

/** client-api.md §4.5 LockSeatsResponse: exactly three keys (D17). */
export interface SeatLockResponse {
  passenger_count: number;
  status: 'reserved';
  total_price: { currency: string; amount: string };
}

/** Indexes of requested seats that the checkout does not offer (no seat field at all → every seat). */
export function unavailableSeats(parsed: ParsedCheckout, seats: string[]): number[] {
  if (!parsed.fields.seatSelection) return seats.map((_, i) => i);
  if (parsed.availableSeats === null) return [];
  const free = new Set(parsed.availableSeats);
  return seats.flatMap((s, i) => (free.has(s) ? [] : [i]));
}

/**
 * Total for the token's passengers (net × N with the client's markup, as in the itinerary's `net_price`)
 * plus the upgrade prices of the selected seats shown in the booking schema (already marked up).
 */
export function seatLockResponse(
  option: Pick<TwelveGoTravelOption, 'netprice'>,
  parsed: ParsedCheckout,
  seats: string[],
  passengers: number,
  markup: ClientMarkup | null,
): SeatLockResponse {
  const currency = String(option.netprice.fxcode).toUpperCase();
  let total = applyMarkup(
    multiplyToMinorUnits(option.netprice.value ?? 0, passengers, currency),
    currency,
    markup,
  ).amountMinor;
  type SeatOffer = { const: string; 'x-price'?: { amount: string; currency: string } };
  const props = parsed.bookingSchema.properties as
    Record<string, { items?: { anyOf?: SeatOffer[] } }> | undefined;
  const offers: SeatOffer[] = props?.seat_selection?.items?.anyOf ?? [];
  for (const seat of seats) {
    const price = offers.find((o) => o.const === seat)?.['x-price'];
    if (price && price.currency.toUpperCase() === currency) total += toMinorUnits(price.amount, currency);
  }
  return {
    passenger_count: seats.length,
    status: 'reserved',
    total_price: { currency, amount: formatMinorUnits(total, currency) },
  };
}
