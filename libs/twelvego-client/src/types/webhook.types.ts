import type { TwelveGoBidWire, TwelveGoPrice } from './common.types';
import type { TwelveGoBookingStatus } from './booking.types';

/** docs/upstream-12go.md#webhook-from-12go — the notification 12go POSTs to the BFF. */
export type TwelveGoWebhookType = 'booking_updated' | 'booking_confirmed' | 'booking_canceled' | string;

export interface TwelveGoWebhookBooking {
  bid: TwelveGoBidWire;
  tracker: string;
  status: TwelveGoBookingStatus;
  from_id: number;
  to_id: number;
  dep_date_time: string;
  seats: number;
  price: TwelveGoPrice;
}

export interface TwelveGoWebhookPayload {
  bid: TwelveGoBidWire;
  type: TwelveGoWebhookType;
  stamp: number;
  new_data: TwelveGoWebhookBooking;
  previous_data: TwelveGoWebhookBooking | null;
}
