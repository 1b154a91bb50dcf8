import { TwelveGoError } from '@app/twelvego-client';
import { ContractError } from '../../platform/errors/contract-error';
import { renderContractError, type TracingIds } from '../../platform/errors/error-response';
import { mapTwelveGoError } from '../../platform/errors/twelvego-error.mapper';
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
export function renderFailure(err: unknown, ids: TracingIds): RenderedOutcome {
  let contract: ContractError;
  if (err instanceof ContractError) contract = err;
  else if (err instanceof TwelveGoError) contract = mapTwelveGoError(err);
  else if (err instanceof RedisUnavailableError)
    contract = new ContractError('upstream_unavailable', undefined, { status: 503, retryAfterSec: 1 });
  else contract = new ContractError('internal_error');
  return renderContractError(contract, ids);
}
