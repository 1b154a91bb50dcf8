import type { SeatLockResponse } from '../../contract/booking/seat-lock-response';
import type { ClientMarkup } from '../../pricing';
import { expectedTotal, seatExtras } from '../funnel/expected-total.mapper';
import type { ParsedCheckout, TwelveGoAmount } from '../schema/checkout-schema.types';

/** Indexes of requested seats that the checkout does not offer (no seat field at all → every seat). */
export function unavailableSeats(parsed: ParsedCheckout, seats: string[]): number[] {
  if (!parsed.fields.seatSelection) return seats.map((_, i) => i);
  if (parsed.availableSeats === null) return [];
  const free = new Set(parsed.availableSeats);
  return seats.flatMap((s, i) => (free.has(s) ? [] : [i]));
}

/**
 * docs/contract/endpoints.md#seatlock: the price of the itinerary for the token's passengers including the surcharges of the
 * selected seats — computed like CreateBooking's expected total (one rounding, markup on the whole), so a
 * partner can send this `total_price` to CreateBooking when it adds no priced options.
 */
export function seatLockResponse(
  perSeatNet: TwelveGoAmount,
  parsed: ParsedCheckout,
  seats: string[],
  passengers: number,
  markup: ClientMarkup | null,
): SeatLockResponse {
  const total =
    expectedTotal(perSeatNet, passengers, seatExtras(parsed.addonPrices, seats), markup) ??
    expectedTotal(perSeatNet, passengers, [], markup)!;
  return { passenger_count: seats.length, status: 'reserved', total_price: total };
}
