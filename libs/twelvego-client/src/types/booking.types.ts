import type { TwelveGoBidWire, TwelveGoPrice } from './common.types';

/** twelvego-api.md §7 — reserve body: flat bracket-notation keys → string | number | boolean. */
export type TwelveGoReserveBody = Record<string, string | number | boolean>;

export interface TwelveGoReserveResponse {
  bid: TwelveGoBidWire;
}

export interface TwelveGoConfirmResponse {
  bid: TwelveGoBidWire;
}

/** §12 — known statuses; any other value means "in progress, state unknown". */
export type TwelveGoBookingStatus =
  'pending_client_confirmation' | 'pending' | 'confirmed' | 'cancelled' | 'declined' | 'expired' | string;

export interface TwelveGoSellerPrice {
  fxcode: string;
  netprice: number;
  sysfee: number;
  partnerfee: number;
}

/** §9 — GET /booking/{bid}. */
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

/** §10 — GET /booking/{bid}/refund-options. */
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

/** §11 — POST /booking/{bid}/refund. */
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
