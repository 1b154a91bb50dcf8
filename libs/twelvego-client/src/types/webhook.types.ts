import type { TwelveGoBidWire } from './common.types';
import type { TwelveGoBookingDetails } from './booking.types';

/** docs/upstream-12go.md#webhook-from-12go — the notification 12go POSTs to the BFF. */
export type TwelveGoWebhookType = 'booking_updated' | 'booking_confirmed' | 'booking_canceled' | string;

/** The booking inside a webhook: a subset of the booking details. */
export type TwelveGoWebhookBooking = Pick<
  TwelveGoBookingDetails,
  'bid' | 'tracker' | 'status' | 'from_id' | 'to_id' | 'dep_date_time' | 'seats' | 'price'
>;

export interface TwelveGoWebhookPayload {
  bid: TwelveGoBidWire;
  type: TwelveGoWebhookType;
  stamp: number;
  new_data: TwelveGoWebhookBooking;
  previous_data: TwelveGoWebhookBooking | null;
}
