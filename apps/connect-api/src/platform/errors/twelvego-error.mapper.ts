import type { TwelveGoError } from '@app/twelvego-client/errors/twelvego.errors';
import { ContractError } from './contract-error';
import type { ContractErrorCode } from './contract-error-code';
import type { FieldError } from './field-error';

/** The route a failing 12go call belongs to; decides the endpoint-specific codes of docs/contract/errors.md#upstream-failures. */
export interface RouteRef {
  method: string;
  /** Route template, e.g. `/v1/:client_id/bookings/:booking_id`. */
  url?: string;
}

const DEFAULT_RATE_LIMIT_RETRY_AFTER_S = 5;

function isCreateBooking(route: RouteRef): boolean {
  return route.method === 'POST' && route.url === '/v1/:client_id/bookings';
}

function isBookingRoute(route: RouteRef): boolean {
  return (route.url ?? '').includes(':booking_id');
}

/** docs/contract/errors.md#upstream-failures, "404 → the endpoint's not-found code". */
function notFoundCodeFor(route: RouteRef): ContractErrorCode {
  const url = route.url ?? '';
  if (isBookingRoute(route)) return 'booking_not_found';
  if (isCreateBooking(route) || url === '/v1/:client_id/seats') return 'booking_token_expired';
  if (url.startsWith('/v1/:client_id/itineraries')) return 'itinerary_not_found';
  if (url.startsWith('/v1/:client_id/incomplete_results')) return 'incomplete_result_not_found';
  return 'not_found';
}

/** 12go's own field names are kept; features that know the client-side name throw their own ContractError. */
function fieldDetails(fields: Record<string, string>): FieldError[] {
  return Object.keys(fields).map((field) => ({
    field,
    reason: 'invalid_value',
    message: `${field} is invalid.`,
  }));
}

/**
 * docs/contract/errors.md#upstream-failures reconciled with docs/contract/errors.md#codes: one exhaustive switch over the kinds of
 * docs/upstream-12go.md#errors. 12go's raw messages never reach the partner.
 */
export function mapTwelveGoError(error: TwelveGoError, route: RouteRef): ContractError {
  const cause = error;
  switch (error.kind) {
    case 'unavailable':
      return new ContractError('upstream_unavailable', undefined, { status: 502, cause });
    case 'timeout':
      return new ContractError('upstream_timeout', undefined, { cause });
    case 'auth':
      return new ContractError('upstream_error', undefined, { cause });
    case 'trip_unavailable':
      return new ContractError('itinerary_not_available', undefined, { cause });
    case 'not_found':
      return new ContractError(notFoundCodeFor(route), undefined, { cause });
    case 'conflict':
      return new ContractError('conflict', undefined, { cause });
    case 'validation': {
      const code = isCreateBooking(route) ? 'booking_data_invalid' : 'unprocessable';
      return new ContractError(code, undefined, { details: fieldDetails(error.fields), cause });
    }
    case 'request':
      if (error.status === 403 && isBookingRoute(route))
        return new ContractError('booking_not_found', undefined, { cause });
      if (error.status === 400 || error.status === 422)
        return new ContractError('unprocessable', undefined, { cause });
      return new ContractError('upstream_rejected', undefined, { cause });
    case 'rate_limited':
      return new ContractError('rate_limited', undefined, {
        retryAfterSec: error.retryAfterSec ?? DEFAULT_RATE_LIMIT_RETRY_AFTER_S,
        cause,
      });
    case 'server':
      return new ContractError('upstream_error', undefined, { cause });
    case 'bad_response':
      return new ContractError('upstream_bad_response', undefined, { cause });
    case 'circuit_open':
      return new ContractError('upstream_unavailable', undefined, {
        status: 503,
        retryAfterSec: Math.max(1, Math.ceil(error.retryAfterSec ?? 1)),
        cause,
      });
    default: {
      const unreachable: never = error.kind;
      throw new Error(`unmapped 12go error kind ${String(unreachable)}`);
    }
  }
}
