import { TwelveGoError } from '@app/twelvego-client';
import { ContractError } from '../../platform/errors/contract-error';
import { mapTwelveGoError, type RouteRef } from '../../platform/errors/twelvego-error.mapper';
import { RedisUnavailableError } from '../../platform/redis/redis-unavailable.error';

export interface RenderedOutcome {
  status: number;
  body: unknown;
  headers: Record<string, string>;
}

/**
 * An operation's failure as the synchronous endpoint would have answered it (docs/contract/errors.md#envelope), for the
 * IncompleteResults replay. Mirrors the global filter for the error classes the booking funnel raises.
 */
export function renderFailure(
  err: unknown,
  route: RouteRef,
  ids: { correlationId: string; requestId: string },
): RenderedOutcome {
  let contract: ContractError;
  if (err instanceof ContractError) contract = err;
  else if (err instanceof TwelveGoError) contract = mapTwelveGoError(err, route);
  else if (err instanceof RedisUnavailableError)
    contract = new ContractError('upstream_unavailable', undefined, { status: 503, retryAfterSec: 1 });
  else contract = new ContractError('internal_error');
  const error: Record<string, unknown> = { code: contract.code, message: contract.message };
  if (contract.details) error.details = contract.details;
  if (contract.meta) error.meta = contract.meta;
  const headers: Record<string, string> = { ...(contract.headers ?? {}) };
  if (contract.retryAfterSec !== undefined) headers['retry-after'] = String(contract.retryAfterSec);
  return {
    status: contract.status,
    body: { error, correlation_id: ids.correlationId, request_id: ids.requestId },
    headers,
  };
}
