/**
 * The partner-facing error codes of docs/contract/errors.md#codes and their default HTTP status — the one table
 * from which every error status is decided. `overloaded` is docs/platform.md#load-limits (load shedding).
 */
export const CONTRACT_ERROR_STATUS = {
  validation_error: 400,
  invalid_json: 400,
  unsupported_version: 400,
  invalid_booking_token: 400,
  unauthorized: 401,
  credit_limit_exceeded: 402,
  client_disabled: 403,
  not_found: 404,
  itinerary_not_found: 404,
  booking_token_expired: 404,
  booking_not_found: 404,
  incomplete_result_not_found: 404,
  method_not_allowed: 405,
  ticket_not_available: 405,
  already_reserved: 409,
  already_confirmed: 409,
  conflict: 409,
  payload_too_large: 413,
  unsupported_media_type: 415,
  booking_data_invalid: 422,
  seats_unavailable: 422,
  cost_mismatch: 422,
  itinerary_not_available: 422,
  booking_not_confirmable: 422,
  booking_not_cancellable: 422,
  unprocessable: 422,
  upstream_rejected: 422,
  rate_limited: 429,
  internal_error: 500,
  upstream_error: 502,
  upstream_bad_response: 502,
  /** 502 when the connection failed; 503 (pass `status: 503`) for an open breaker or a store that is down. */
  upstream_unavailable: 502,
  overloaded: 503,
  upstream_timeout: 504,
  result_expired: 504,
} as const satisfies Record<string, number>;

export type ContractErrorCode = keyof typeof CONTRACT_ERROR_STATUS;

export const CONTRACT_ERROR_CODES = Object.keys(CONTRACT_ERROR_STATUS) as ContractErrorCode[];

/** Codes that are legitimately returned with more than one status (docs/contract/errors.md#codes). */
export const ALTERNATIVE_STATUS: Partial<Record<ContractErrorCode, readonly number[]>> = {
  upstream_unavailable: [502, 503],
};

/** Default English messages; wording may change (partners must not parse it). */
export const DEFAULT_ERROR_MESSAGES: Record<ContractErrorCode, string> = {
  validation_error: 'The request is invalid.',
  invalid_json: 'The request body is not a valid JSON object.',
  unsupported_version: 'The requested API version is not supported.',
  invalid_booking_token: 'The booking token is invalid.',
  unauthorized: 'Authentication failed.',
  credit_limit_exceeded: 'The credit limit is exceeded.',
  client_disabled: 'This client is disabled.',
  not_found: 'No such route.',
  itinerary_not_found: 'The itinerary was not found.',
  booking_token_expired: 'The booking token has expired; call GetItinerary again.',
  booking_not_found: 'The booking was not found.',
  incomplete_result_not_found: 'The incomplete result was not found.',
  method_not_allowed: 'The method is not allowed on this route.',
  ticket_not_available: 'The ticket is not available for this booking.',
  already_reserved: 'This booking token has already been used.',
  already_confirmed: 'The booking is already confirmed.',
  conflict: 'The request conflicts with the current state.',
  payload_too_large: 'The request body is too large.',
  unsupported_media_type: 'The request body must be application/json.',
  booking_data_invalid: 'booking_data does not satisfy the booking schema of this itinerary.',
  seats_unavailable: 'The requested seats are not available.',
  cost_mismatch: 'total_price differs from the computed total.',
  itinerary_not_available: 'The itinerary is not available any more.',
  booking_not_confirmable: 'The booking cannot be confirmed in its current state.',
  booking_not_cancellable: 'The booking cannot be cancelled.',
  unprocessable: 'The supplier rejected the request.',
  upstream_rejected: 'The supplier rejected the request.',
  rate_limited: 'Too many requests.',
  internal_error: 'An internal error occurred.',
  upstream_error: 'The supplier failed to process the request.',
  upstream_bad_response: 'The supplier returned an unexpected response.',
  upstream_unavailable: 'The supplier is temporarily unavailable.',
  overloaded: 'The service is overloaded; retry shortly.',
  upstream_timeout: 'The supplier did not answer in time.',
  result_expired: 'The result has expired.',
};
