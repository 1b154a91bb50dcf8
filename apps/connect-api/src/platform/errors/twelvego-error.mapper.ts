import { isTwelveGoError, type TwelveGoError } from '@app/twelvego-client/errors/twelvego.errors';
import { ContractError } from './contract-error';
import type { FieldError } from './field-error';
import {
  DEFAULT_UPSTREAM_ERRORS,
  type UpstreamErrorRule,
  type UpstreamErrorTable,
} from './upstream-error-table';

const DEFAULT_RATE_LIMIT_RETRY_AFTER_S = 5;

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
 * docs/upstream-12go.md#errors, with the endpoint-specific codes from the use case's table. 12go's raw messages
 * never reach the partner.
 */
export function mapTwelveGoError(
  error: TwelveGoError,
  table: UpstreamErrorTable = DEFAULT_UPSTREAM_ERRORS,
): ContractError {
  const cause = error;
  const rule: UpstreamErrorRule = { ...table, ...table.operations?.[error.operation] };
  const notFound = rule.notFound ?? 'not_found';
  switch (error.kind) {
    case 'unavailable':
      return new ContractError('upstream_unavailable', undefined, { status: 502, cause });
    case 'timeout':
      return new ContractError('upstream_timeout', undefined, { cause });
    case 'auth':
      return new ContractError('upstream_error', undefined, { cause });
    case 'trip_unavailable':
      return new ContractError(rule.tripUnavailable ?? 'itinerary_not_available', undefined, { cause });
    case 'not_found':
      return new ContractError(notFound, undefined, { cause });
    case 'conflict':
      return new ContractError('conflict', undefined, { cause });
    case 'validation': {
      const code = rule.validation ?? 'unprocessable';
      return new ContractError(code, undefined, { details: fieldDetails(error.fields), cause });
    }
    case 'request':
      if (error.status === 403 && rule.forbiddenIsNotFound)
        return new ContractError(notFound, undefined, { cause });
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

/** A 12go failure → the contract error `table` names for it; anything else is returned as it is. */
export function mapUpstreamFailure(err: unknown, table: UpstreamErrorTable): unknown {
  return isTwelveGoError(err) ? mapTwelveGoError(err, table) : err;
}

/**
 * On a use case's method: a 12go failure leaving it is already the contract error of the use case's table
 * (declared next to it), so no route decides codes afterwards. Only on async methods: the type refuses a sync
 * one, which the wrapper would silently turn into a Promise.
 */
export function UpstreamErrors(table: UpstreamErrorTable) {
  return <T extends (...args: never[]) => Promise<unknown>>(
    _target: object,
    _key: string | symbol,
    descriptor: TypedPropertyDescriptor<T>,
  ): void => {
    const method = descriptor.value as unknown as (...args: unknown[]) => Promise<unknown>;
    descriptor.value = async function (this: unknown, ...args: unknown[]) {
      try {
        return await method.apply(this, args);
      } catch (err) {
        throw mapUpstreamFailure(err, table);
      }
    } as unknown as T;
  };
}
