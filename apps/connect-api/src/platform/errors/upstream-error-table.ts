import type { TwelveGoOperation } from '@app/twelvego-client';
import type { ContractErrorCode } from './contract-error-code';

/** What one kind of 12go failure reads as for a use case; a field left out keeps the default. */
export interface UpstreamErrorRule {
  /** 12go 404 — default `not_found`. */
  notFound?: ContractErrorCode;
  /** A 403 `request` means "not yours" and reads as `notFound` (12go scopes bookings by API key). */
  forbiddenIsNotFound?: boolean;
  /** 12go `bad_trip_details` — default `itinerary_not_available`. */
  tripUnavailable?: ContractErrorCode;
  /** 12go field errors — default `unprocessable` (12go's field names kept, its texts dropped). */
  validation?: ContractErrorCode;
}

/**
 * A use case's upstream-error table (docs/contract/errors.md#upstream-failures): its rule, and per 12go operation
 * the rules that differ for that call. Declared next to the use case; `mapTwelveGoError` applies it.
 */
export interface UpstreamErrorTable extends UpstreamErrorRule {
  operations?: Partial<Record<TwelveGoOperation, UpstreamErrorRule>>;
}

/** Outside any use case (or a call no table names): the defaults of docs/contract/errors.md#upstream-failures. */
export const DEFAULT_UPSTREAM_ERRORS: UpstreamErrorTable = {};

/**
 * A use case that reads one booking by id: 12go scopes bookings by API key, so 404, or 403 for a booking of
 * another key, is one `booking_not_found` for "unknown" and "not yours" (docs/contract/headers.md#client-isolation).
 */
export const BOOKING_BY_ID_UPSTREAM_ERRORS: UpstreamErrorTable = {
  notFound: 'booking_not_found',
  forbiddenIsNotFound: true,
};
