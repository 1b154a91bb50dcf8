import type { TwelveGoBidWire, TwelveGoPrice } from './common.types';

/** docs/upstream-12go.md#reserve — reserve body: flat bracket-notation keys → string | number | boolean. */
export type TwelveGoReserveBody = Record<string, string | number | boolean>;

export interface TwelveGoReserveResponse {
  bid: TwelveGoBidWire;
}

export interface TwelveGoConfirmResponse {
  bid: TwelveGoBidWire;
}

/** docs/upstream-12go.md#booking-lifecycle — known statuses; any other value means "in progress, state unknown". */
export type TwelveGoBookingStatus =
  'pending_client_confirmation' | 'pending' | 'confirmed' | 'cancelled' | 'declined' | 'expired' | string;

export interface TwelveGoSellerPrice {
  fxcode: string;
  netprice: number;
  sysfee: number;
  partnerfee: number;
}

/** docs/upstream-12go.md#booking-details — GET /booking/{bid}. */
export interface TwelveGoBookingDetails {
  bid: TwelveGoBidWire;
  tracker: string;
  status: TwelveGoBookingStatus;
  from_id: number;
  to_id: number;
  dep_date_time: string;
  seats: number;
  ticket_url: string | null;
  created_on: number;
  stamp: number;
  price: TwelveGoPrice;
  netprice: TwelveGoPrice;
  agfee: TwelveGoPrice;
  sysfee: TwelveGoPrice;
  seller_price: TwelveGoSellerPrice;
}

/** docs/upstream-12go.md#refunds — GET /booking/{bid}/refund-options. */
export interface TwelveGoRefundOption {
  refund_amount: number;
  refund_fxcode: string;
  expires: boolean;
  expires_after: string;
  available: boolean;
  available_since: string;
  hash: string;
}

export interface TwelveGoRefundOptionsResponse {
  available: boolean;
  options: TwelveGoRefundOption[];
}

/** docs/upstream-12go.md#refunds — POST /booking/{bid}/refund. */
export interface TwelveGoRefundBody {
  hash: string;
  refund_fxcode: string;
  refund_amount: number;
}

export interface TwelveGoRefundResponse {
  success: boolean;
  delay_minutes: number;
  message: string;
}
