import { HttpException } from '@nestjs/common';
import { isTwelveGoError } from '@app/twelvego-client/errors/twelvego.errors';
import { ContractError, isContractError } from './contract-error';
import type { ContractErrorCode } from './contract-error-code';
import { mapTwelveGoError } from './twelvego-error.mapper';
import { isRedisConnectionError } from '../redis/redis-unavailable.error';

const REDIS_RETRY_AFTER_S = 5;

/** Status of framework errors (Nest HttpException, Fastify errors) → contract code. */
function codeForStatus(status: number): ContractErrorCode {
  switch (status) {
    case 400:
      return 'validation_error';
    case 401:
    case 403:
      return 'unauthorized';
    case 404:
      return 'not_found';
    case 405:
      return 'method_not_allowed';
    case 409:
      return 'conflict';
    case 413:
      return 'payload_too_large';
    case 415:
      return 'unsupported_media_type';
    case 422:
      return 'unprocessable';
    case 429:
      return 'rate_limited';
    case 503:
      return 'overloaded';
    default:
      return 'internal_error';
  }
}

function statusOf(error: unknown): number | undefined {
  if (error instanceof HttpException) return error.getStatus();
  const status = (error as { statusCode?: unknown })?.statusCode;
  return typeof status === 'number' && status >= 400 && status < 600 ? status : undefined;
}

/**
 * Every error → the one contract error it is rendered as (docs/contract/errors.md#envelope). Framework messages are
 * replaced by the contract's generic ones so nothing internal leaks. A 12go failure no use case mapped with its
 * table (`@UpstreamErrors`) gets the default codes.
 */
export function toContractError(error: unknown): ContractError {
  if (isContractError(error)) return error;
  if (isTwelveGoError(error)) return mapTwelveGoError(error);
  if (isRedisConnectionError(error)) {
    return new ContractError(
      'upstream_unavailable',
      'A required internal store is temporarily unavailable.',
      {
        status: 503,
        retryAfterSec: REDIS_RETRY_AFTER_S,
        cause: error,
      },
    );
  }
  const status = statusOf(error);
  if (status !== undefined && status < 500) {
    const code = codeForStatus(status);
    return new ContractError(code, undefined, { cause: error });
  }
  return new ContractError('internal_error', undefined, { cause: error });
}
