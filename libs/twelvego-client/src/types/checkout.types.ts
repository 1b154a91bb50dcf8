import type { TwelveGoMap, TwelveGoPrice } from './common.types';

/** docs/upstream-12go.md#checkout — GET /checkout/{cartId}: a flat object keyed by form-field name. */
export type TwelveGoCheckoutResponse = Record<string, TwelveGoFormField>;

export type TwelveGoFormFieldType = 'input' | 'select' | 'checkbox' | 'date' | 'file' | string;

export interface TwelveGoFormField {
  type?: TwelveGoFormFieldType;
  name: string;
  title?: string;
  description?: string;
  required?: boolean;
  disabled?: boolean;
  is_visible?: boolean;
  value?: unknown;
  /** PCRE patterns with delimiters and flags; valid when at least one matches. */
  regexp?: string[];
  options?: TwelveGoFormOption[];
  items?: unknown[];
  data?: TwelveGoFormFieldData;
  analytics_name?: string;
}

export interface TwelveGoFormOption {
  value: string | null;
  text: string;
  values?: TwelveGoFormOption[];
  data?: { price?: TwelveGoPrice };
}

export interface TwelveGoCountryCode {
  country_id: string;
  code: string;
  name: string;
}

export interface TwelveGoFormFieldData {
  min_seats?: number;
  novalidate?: boolean;
  country_codes?: TwelveGoCountryCode[];
  seatmap?: TwelveGoSeatMap;
}

export interface TwelveGoSeatInfo {
  is_available: boolean;
  occupant: Record<string, unknown> | null;
  price: TwelveGoPrice;
  price_diff: TwelveGoPrice | null;
  reason: string;
  seat_level: number;
  seat_orientation: 'forward' | 'backward' | 'sideways' | string;
  seat_type: 'window' | 'aisle' | 'middle' | 'berth_lower' | 'berth_upper' | string;
}

/** Four layout variants (A: rows array, B: row→array, C: row→side→array, D: row→column→seat). */
export type TwelveGoSeatLayout =
  | Array<Array<string | null>>
  | Record<string, Array<string | null>>
  | Record<string, Record<string, Array<string | null>>>
  | Record<string, Record<string, string | null>>;

export interface TwelveGoSeatMap {
  seats: TwelveGoMap<TwelveGoSeatInfo>;
  booked: TwelveGoMap<true>;
  layouts: TwelveGoSeatLayout;
}
