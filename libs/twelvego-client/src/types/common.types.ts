/** Upstream 12go wire types shared by the client library and the sandbox (docs/upstream-12go.md). */

/** A map keyed by numeric ids as strings; PHP may send an empty map as `[]` (docs/upstream-12go.md#json-quirks). */
export type TwelveGoMap<T> = Record<string, T> | [];

/** `{ value, fxcode }` — value is a JSON number with at most 2 decimals (docs/upstream-12go.md#dates-and-money). */
export interface TwelveGoPrice {
  value: number | null;
  fxcode: string;
}

/** Booking id: reserve answers a string, the other endpoints a number (docs/upstream-12go.md#identifiers). */
export type TwelveGoBidWire = number | string;

export interface TwelveGoErrorProduct {
  product_type: string;
  trip_key: string;
  godate: string;
  from_station_id: number;
  to_station_id: number;
  operator_id: number;
  seller_id: number;
  vehclass_id: string;
  class_id: number;
  available_seats: number;
}

export interface TwelveGoErrorReason {
  reason_code: string;
  reason_message?: string;
  route_name?: string;
  product?: TwelveGoErrorProduct | null;
  trip?: TwelveGoErrorProduct | null;
}

/** Error body of any 4xx except 401; every member optional (docs/upstream-12go.md#errors). */
export interface TwelveGoErrorBody {
  fields?: Record<string, string> | [];
  messages?: string[];
  data?: { reasons?: TwelveGoErrorReason[]; bid?: TwelveGoBidWire };
}
