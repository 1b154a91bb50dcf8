import type { ContractError } from './contract-error';

/** docs/contract/errors.md#envelope. */
export interface ErrorEnvelope {
  error: { code: string; message: string; details?: unknown[]; meta?: Record<string, unknown> };
  correlation_id: string;
  request_id: string;
}

export function buildErrorEnvelope(
  error: ContractError,
  ids: { correlationId: string; requestId: string },
): ErrorEnvelope {
  return {
    error: {
      code: error.code,
      message: error.message,
      ...(error.details && error.details.length > 0 ? { details: error.details } : {}),
      ...(error.meta ? { meta: error.meta } : {}),
    },
    correlation_id: ids.correlationId,
    request_id: ids.requestId,
  };
}
