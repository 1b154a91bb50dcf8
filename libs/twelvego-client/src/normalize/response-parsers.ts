import type {
  TwelveGoBookingDetails,
  TwelveGoCartDetailsResponse,
  TwelveGoCheckoutResponse,
  TwelveGoClass,
  TwelveGoFormField,
  TwelveGoOperator,
  TwelveGoRefundOptionsResponse,
  TwelveGoRefundResponse,
  TwelveGoSearchResponse,
  TwelveGoStation,
} from '../types';
import { normalizeBid } from './bid';
import { isPlainObject, normalizePhpMap } from './php-map';

/**
 * Each parser checks a 2xx body just enough to detect a wrong shape (docs/upstream-12go.md#errors row 10) and
 * normalises what 12go sends loosely: `[]` for maps (docs/upstream-12go.md#json-quirks), `bid` as number or string (docs/upstream-12go.md#identifiers).
 * Unknown keys are kept. `undefined` means "not the documented shape".
 */
export type ResponseParser<T> = (json: unknown) => T | undefined;

/** `bid` is always a decimal string after normalisation. */
export type TwelveGoBookingDetailsNormalized = Omit<TwelveGoBookingDetails, 'bid'> & { bid: string };
export interface TwelveGoBidResult {
  bid: string;
}

function isTrip(value: unknown): boolean {
  return (
    isPlainObject(value) &&
    typeof value.id === 'string' &&
    isPlainObject(value.params) &&
    Array.isArray(value.segments) &&
    Array.isArray(value.travel_options) &&
    value.travel_options.every((option) => isPlainObject(option) && isPlainObject(option.price))
  );
}

/** Absent → `{}`; present → must be a map (or PHP list). */
function optionalMap<T>(value: unknown): Record<string, T> | undefined {
  return value === undefined || value === null ? {} : normalizePhpMap<T>(value);
}

export const parseSearchResponse: ResponseParser<TwelveGoSearchResponse> = (json) => {
  if (!isPlainObject(json) || !Array.isArray(json.trips) || !json.trips.every(isTrip)) return undefined;
  const operators = optionalMap<TwelveGoOperator>(json.operators);
  const stations = optionalMap<TwelveGoStation>(json.stations);
  const classes = optionalMap<TwelveGoClass>(json.classes);
  if (!operators || !stations || !classes) return undefined;
  const recheck = json.recheck ?? [];
  if (!Array.isArray(recheck) || !recheck.every((url) => typeof url === 'string')) return undefined;
  return { ...(json as unknown as TwelveGoSearchResponse), operators, stations, classes, recheck };
};

/** docs/upstream-12go.md#carts: a bare JSON string, or the tolerated `{ "cart_id": "…" }`. */
export const parseCartId: ResponseParser<string> = (json) => {
  const raw = isPlainObject(json) ? json.cart_id : json;
  if (typeof raw === 'string' && raw.trim() !== '') return raw.trim();
  if (typeof raw === 'number' && Number.isSafeInteger(raw)) return String(raw);
  return undefined;
};

export const parseCartDetails: ResponseParser<TwelveGoCartDetailsResponse> = (json) => {
  if (!isPlainObject(json) || !Array.isArray(json.cart)) return undefined;
  const ok = json.cart.every((item) => isPlainObject(item) && typeof item.trip_key === 'string');
  return ok ? (json as unknown as TwelveGoCartDetailsResponse) : undefined;
};

function normalizeFormField(field: Record<string, unknown>): TwelveGoFormField {
  const data = field.data;
  if (!isPlainObject(data) || !isPlainObject(data.seatmap)) return field as unknown as TwelveGoFormField;
  const seatmap = data.seatmap;
  return {
    ...field,
    data: {
      ...data,
      seatmap: {
        ...seatmap,
        seats: normalizePhpMap(seatmap.seats) ?? {},
        booked: normalizePhpMap(seatmap.booked) ?? {},
      },
    },
  } as unknown as TwelveGoFormField;
}

/**
 * docs/upstream-12go.md#checkout: a flat object of form fields. An array (even `[]`) is rejected: a checkout without fields cannot be
 * booked, and it is exactly the wrong-shape answer. Every value must be an object.
 */
export const parseCheckout: ResponseParser<TwelveGoCheckoutResponse> = (json) => {
  if (!isPlainObject(json)) return undefined;
  const entries = Object.entries(json);
  if (entries.length === 0 || !entries.every(([, field]) => isPlainObject(field))) return undefined;
  return Object.fromEntries(
    entries.map(([name, field]) => [name, normalizeFormField(field as Record<string, unknown>)]),
  );
};

export const parseBidResult: ResponseParser<TwelveGoBidResult> = (json) => {
  if (!isPlainObject(json)) return undefined;
  const bid = normalizeBid(json.bid);
  return bid === undefined ? undefined : { bid };
};

export const parseBookingDetails: ResponseParser<TwelveGoBookingDetailsNormalized> = (json) => {
  if (!isPlainObject(json) || typeof json.status !== 'string') return undefined;
  const bid = normalizeBid(json.bid);
  if (bid === undefined) return undefined;
  return { ...(json as unknown as TwelveGoBookingDetails), bid };
};

function toBoolean(value: unknown): boolean | undefined {
  if (typeof value === 'boolean') return value;
  if (value === 0 || value === 1) return value === 1;
  return undefined;
}

export const parseRefundOptions: ResponseParser<TwelveGoRefundOptionsResponse> = (json) => {
  if (!isPlainObject(json) || !Array.isArray(json.options)) return undefined;
  const available = toBoolean(json.available);
  if (available === undefined) return undefined;
  const options = json.options;
  if (
    !options.every(
      (o) => isPlainObject(o) && typeof o.hash === 'string' && toBoolean(o.available) !== undefined,
    )
  ) {
    return undefined;
  }
  return {
    ...(json as unknown as TwelveGoRefundOptionsResponse),
    available,
    options: options.map((o) => ({
      ...(o as unknown as TwelveGoRefundOptionsResponse['options'][number]),
      available: toBoolean((o as Record<string, unknown>).available) as boolean,
    })),
  };
};

export const parseRefundResult: ResponseParser<TwelveGoRefundResponse> = (json) => {
  if (!isPlainObject(json)) return undefined;
  const success = toBoolean(json.success);
  if (success === undefined) return undefined;
  return { ...(json as unknown as TwelveGoRefundResponse), success };
};
