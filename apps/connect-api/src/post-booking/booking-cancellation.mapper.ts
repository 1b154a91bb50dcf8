import type { TwelveGoRefundOption, TwelveGoRefundOptionsResponse } from '@app/twelvego-client';
import type { BookingCancellation } from '../contract/booking/booking-cancellation';
import { money } from '../pricing';

function executable(o: TwelveGoRefundOption | null | undefined): o is TwelveGoRefundOption {
  return (
    !!o &&
    o.available === true &&
    typeof o.refund_amount === 'number' &&
    Number.isFinite(o.refund_amount) &&
    o.refund_amount >= 0 &&
    typeof o.refund_fxcode === 'string' &&
    /^[A-Za-z]{3}$/.test(o.refund_fxcode) &&
    typeof o.hash === 'string' &&
    o.hash !== ''
  );
}

/**
 * D19 / docs/upstream-12go.md#refunds: the option with the largest `refund_amount` among those executable now
 * (`available: true`); an unavailable option is never chosen even if it pays more. null → no cancellation
 * offered. Ties keep 12go's order.
 */
export function pickRefundOption(
  options: TwelveGoRefundOptionsResponse | null | undefined,
): TwelveGoRefundOption | null {
  if (!options || options.available === false || !Array.isArray(options.options)) return null;
  let best: TwelveGoRefundOption | null = null;
  for (const o of options.options) {
    if (executable(o) && (!best || o.refund_amount > best.refund_amount)) best = o;
  }
  return best;
}

/** The cancellation response: the partner's id, and 12go's refund amount as is (no markup, no recomputation). */
export function toBookingCancellation(
  bookingId: string,
  option: Pick<TwelveGoRefundOption, 'refund_amount' | 'refund_fxcode'>,
): BookingCancellation {
  return {
    booking_id: bookingId,
    booking_status: 'cancelled',
    refund: money(option.refund_amount, option.refund_fxcode),
  };
}
