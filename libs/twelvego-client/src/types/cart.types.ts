/** docs/upstream-12go.md#carts. */

/** POST /cart/{tripId}/{datetime} answers a bare JSON string; tolerated alternative `{ cart_id }`. */
export type TwelveGoAddToCartResponse = string | { cart_id: string };

/** POST /cart body (docs/upstream-12go.md#carts). */
export interface TwelveGoAddToCartBody {
  from_id: number;
  to_id: number;
  operator_id: number;
  class_id: number;
  official_id?: string | null;
  godate: string;
  duration: number;
}

export interface TwelveGoCartItem {
  trip_key: string;
  godate: string | null;
}

export interface TwelveGoCartDetailsResponse {
  cart: TwelveGoCartItem[];
}
