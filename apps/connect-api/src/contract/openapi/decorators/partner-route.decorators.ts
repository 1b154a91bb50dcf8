import { applyDecorators } from '@nestjs/common';
import { ApiHeader, ApiParam, ApiQuery, ApiResponse, ApiSecurity, ApiTags } from '@nestjs/swagger';
import type { HeaderObject } from '@nestjs/swagger/dist/interfaces/open-api-spec.interface';
import { ErrorEnvelopeSchema } from '../schemas/errors.schemas';

export const API_KEY_SECURITY = 'ApiKeyAuth';

/** Request-id like headers: invalid values are replaced, never rejected (docs/contract/headers.md#versioning). */
const TRACE_ID_PATTERN = '^[A-Za-z0-9\\-=]{1,100}$';
const VERSION_PATTERN = '^[0-9]{4}-[0-9]{2}-[0-9]{2}$';

/**
 * Everything every `/v1/{client_id}/…` route shares: tag, API key, the `client_id` path parameter and the
 * optional request headers of docs/contract/headers.md (version, correlation, experiment, request id).
 */
export function ApiPartnerController(tag: string): ClassDecorator {
  return applyDecorators(
    ApiTags(tag),
    ApiSecurity(API_KEY_SECURITY),
    ApiParam({
      name: 'client_id',
      required: true,
      description: 'Partner identifier as issued (case-sensitive).',
      schema: { type: 'string', examples: ['acme'] },
    }),
    ApiHeader({
      name: 'Travelier-Version',
      required: false,
      description: 'API version (default = current, 2023-07-01).',
      schema: { type: 'string', pattern: VERSION_PATTERN, examples: ['2023-07-01'] },
    }),
    ApiHeader({
      name: 'X-Travelier-Version',
      required: false,
      description: 'Alias of Travelier-Version (Travelier-Version wins when both are sent).',
      schema: { type: 'string', pattern: VERSION_PATTERN },
    }),
    ApiHeader({
      name: 'x-correlation-id',
      required: false,
      description: 'Links search, checkout and booking calls. Invalid values are replaced, never rejected.',
      schema: { type: 'string', pattern: TRACE_ID_PATTERN },
    }),
    ApiHeader({
      name: 'x-api-experiment',
      required: false,
      description: 'Echoed back; no effect on results.',
      schema: { type: 'string', maxLength: 100 },
    }),
    ApiHeader({
      name: 'X-Request-Id',
      required: false,
      description: 'Echoed back when valid, otherwise a generated UUID is returned.',
      schema: { type: 'string', pattern: TRACE_ID_PATTERN },
    }),
  ) as ClassDecorator;
}

export function ApiBookingIdParam(): MethodDecorator & ClassDecorator {
  return ApiParam({
    name: 'booking_id',
    required: true,
    description: 'Booking ID (new bookings = supplier booking number; legacy IDs accepted and echoed back).',
    schema: { type: 'string', pattern: '^[A-Za-z0-9_=\\-]{1,512}$', examples: ['7305521'] },
  });
}

export function ApiLocaleQuery(): MethodDecorator {
  return ApiQuery({
    name: 'locale',
    required: false,
    description: 'Language (`xx`, `xx-YY`, `xx_YY`); unsupported values fall back to `en`.',
    schema: { type: 'string', examples: ['en'] },
  });
}

export function ApiCurrencyQuery(): MethodDecorator {
  return ApiQuery({
    name: 'currency',
    required: false,
    description:
      "ISO 4217 code from the supported set (case-insensitive). Default = client's default currency.",
    schema: { type: 'string', pattern: '^[A-Za-z]{3}$', examples: ['THB'] },
  });
}

/** `locale` + `currency`, accepted by every funnel and post-booking route. */
export function ApiFunnelQuery(): MethodDecorator {
  return applyDecorators(ApiLocaleQuery(), ApiCurrencyQuery());
}

export function ApiTop10KQuery(): MethodDecorator {
  return ApiQuery({
    name: 'top10K',
    required: false,
    description: 'Only the first 10 000 records by ID.',
    schema: { type: 'boolean', default: false },
  });
}

const HEADER = {
  correlation: {
    description: 'Echoed or generated correlation ID.',
    required: true,
    schema: { type: 'string' },
  },
  requestId: { description: 'Echoed or generated request ID.', required: true, schema: { type: 'string' } },
  experiment: { description: 'Echo of the request header, when sent.', schema: { type: 'string' } },
  version: { description: 'Resolved API version.', schema: { type: 'string' } },
  deprecation: {
    description: 'Deprecation date of the requested version (`YYYY-MM-DD`), when deprecated.',
    schema: { type: 'string' },
  },
  location: {
    description: '`/v1/{client_id}/incomplete_results/{incomplete_results_id}`',
    required: true,
    schema: { type: 'string' },
  },
  retryAfter: { description: 'Seconds to wait before retrying.', schema: { type: 'integer' } },
} satisfies Record<string, HeaderObject>;

/** Headers of a successful JSON answer. */
export const SUCCESS_HEADERS: Record<string, HeaderObject> = {
  'x-correlation-id': HEADER.correlation,
  'X-Request-Id': HEADER.requestId,
  'x-api-experiment': HEADER.experiment,
  'Travelier-Version': HEADER.version,
  Deprecation: HEADER.deprecation,
};

/** Headers of a bodiless "come back later" 202. */
export const RETRY_LATER_HEADERS: Record<string, HeaderObject> = {
  'Retry-After': HEADER.retryAfter,
  'x-correlation-id': HEADER.correlation,
  'X-Request-Id': HEADER.requestId,
  'Travelier-Version': HEADER.version,
};

/** Headers of an asynchronous-mode 202 (poll the Location URL). */
export const ACCEPTED_HEADERS: Record<string, HeaderObject> = {
  Location: HEADER.location,
  ...RETRY_LATER_HEADERS,
};

/** What each error status carries (docs/contract/errors.md#codes); the body is always the Error envelope. */
const ERROR_DESCRIPTIONS: Record<number, string> = {
  400: '`validation_error`, `invalid_json`, `unsupported_version`, `invalid_booking_token`.',
  401: '`unauthorized` — missing/invalid key, key of another client, unknown or disabled client; expired or altered signed link.',
  402: '`credit_limit_exceeded` — reserved, not emitted by this version.',
  403: '`client_disabled` — valid key, client switched off.',
  404: '`not_found` (route), `itinerary_not_found`, `booking_token_expired`, `booking_not_found`, `incomplete_result_not_found`.',
  405: '`method_not_allowed`, `ticket_not_available` (GetTicket on a booking that is not approved).',
  409: '`already_reserved` (error.meta.booking_id when known), `already_confirmed`, `conflict`.',
  413: '`payload_too_large` — body over the limit.',
  415: '`unsupported_media_type` — body endpoint called without a JSON content type.',
  422:
    '`booking_data_invalid`, `seats_unavailable`, `cost_mismatch` (error.meta.expected_total_price), ' +
    '`itinerary_not_available`, `booking_not_confirmable`, `booking_not_cancellable`, `unprocessable`, `upstream_rejected`.',
  429: '`rate_limited` (client limit, supplier throttling, or repeated failed authentications).',
  500: '`internal_error` — fault inside the BFF.',
  502: '`upstream_error`, `upstream_bad_response`, `upstream_unavailable` (connection failed).',
  503: '`upstream_unavailable` (circuit open or store down), `overloaded`.',
  504: '`upstream_timeout`; on IncompleteResults also `result_expired`.',
};

/** Statuses every authenticated route can answer with. */
export const COMMON_ERROR_STATUSES = [400, 401, 403, 429, 500, 502, 503, 504] as const;

/** One Error-envelope response per status. */
export function ApiContractErrors(...statuses: number[]): MethodDecorator {
  return applyDecorators(
    ...statuses.map((status) =>
      ApiResponse({ status, description: ERROR_DESCRIPTIONS[status] ?? 'Error.', type: ErrorEnvelopeSchema }),
    ),
  );
}

/** Headers of the master-data answers (no experiment echo documented there). */
export const LIST_HEADERS: Record<string, HeaderObject> = {
  'x-correlation-id': HEADER.correlation,
  'X-Request-Id': HEADER.requestId,
  'Travelier-Version': HEADER.version,
};

/** Stations / Operators / POIs link: a JSON string or plain text, by `Accept` (docs/contract/endpoints.md#master-data). */
export function ApiMasterDataUrlResponse(): MethodDecorator {
  const schema = { type: 'string', format: 'uri' } as const;
  return ApiResponse({
    status: 200,
    description:
      'Time-limited (>= 60 min) HTTPS URL of a JSON document. JSON string when `Accept` includes `application/json` ' +
      '(and does not prefer text/plain), otherwise plain text. Fetching the URL needs no API key; once expired or ' +
      'altered it answers `401 unauthorized` (`403 client_disabled` when the client was switched off).',
    headers: LIST_HEADERS,
    content: { 'application/json': { schema }, 'text/plain': { schema } },
  });
}
