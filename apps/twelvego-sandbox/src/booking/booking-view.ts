import type { TwelveGoBookingDetails, TwelveGoWebhookBooking } from '@app/twelvego-client';
import { centsToNumber, price } from '../core/money';
import type { Booking } from '../state/sandbox-state';

/** docs/upstream-12go.md#booking-details booking details and the docs/upstream-12go.md#webhook-from-12go webhook snapshot of a booking (pure). */

export function bookingTotals(b: Booking): { gross: number; net: number; sysfee: number; agfee: number } {
  const a = b.amounts;
  const net = a.net + a.extras;
  return { gross: net + a.sysfee + a.agfee, net, sysfee: a.sysfee, agfee: a.agfee };
}

export function bookingDetailsJson(b: Booking): TwelveGoBookingDetails {
  const t = bookingTotals(b);
  const fx = b.amounts.currency;
  return {
    bid: b.bid,
    tracker: b.tracker,
    status: b.status,
    from_id: b.fromId,
    to_id: b.toId,
    dep_date_time: b.depText,
    seats: b.seats,
    ticket_url: b.ticketUrl,
    created_on: b.createdOn,
    stamp: b.stamp,
    price: price(t.gross, fx),
    netprice: price(t.net, fx),
    agfee: price(t.agfee, fx),
    sysfee: price(t.sysfee, fx),
    seller_price: {
      fxcode: fx,
      netprice: centsToNumber(t.net),
      sysfee: centsToNumber(t.sysfee),
      partnerfee: centsToNumber(t.agfee),
    },
  };
}

export function webhookSnapshot(b: Booking): TwelveGoWebhookBooking {
  const { bid, tracker, status, from_id, to_id, dep_date_time, seats, price } = bookingDetailsJson(b);
  return { bid, tracker, status, from_id, to_id, dep_date_time, seats, price };
}

/** docs/upstream-12go.md#webhook-from-12go type for a transition to `status`. */
export function webhookTypeFor(status: string): string {
  if (status === 'confirmed') return 'booking_confirmed';
  if (status === 'cancelled') return 'booking_canceled';
  return 'booking_updated';
}
