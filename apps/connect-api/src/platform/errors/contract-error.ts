import {
  ALTERNATIVE_STATUS,
  CONTRACT_ERROR_STATUS,
  ContractErrorCode,
  DEFAULT_ERROR_MESSAGES,
} from './contract-error-code';

export { ContractErrorCode, CONTRACT_ERROR_STATUS, CONTRACT_ERROR_CODES } from './contract-error-code';
export type { FieldError, FieldErrorReason } from './field-error';

export interface ContractErrorExtra {
  /** FieldError[] (docs/contract/errors.md#field-errors) for validation_error, booking_data_invalid, seats_unavailable. */
  details?: unknown[];
  /** Code-specific data: `expected_total_price`, `booking_id`, `supported_versions`. */
  meta?: Record<string, unknown>;
  /** Extra response headers (e.g. `Allow`, `Location`). */
  headers?: Record<string, string>;
  /** Sets `Retry-After` (seconds). */
  retryAfterSec?: number;
  /** Only for codes with alternative statuses (upstream_unavailable: 502 or 503). */
  status?: number;
  /** Logged, never sent. */
  cause?: unknown;
}

/** A partner-visible outcome: rendered by the global filter into the docs/contract/errors.md envelope. */
export class ContractError extends Error {
  readonly code: ContractErrorCode;
  readonly status: number;
  readonly details?: unknown[];
  readonly meta?: Record<string, unknown>;
  readonly headers?: Record<string, string>;
  readonly retryAfterSec?: number;

  constructor(code: ContractErrorCode, message?: string, extra: ContractErrorExtra = {}) {
    super(
      message ?? DEFAULT_ERROR_MESSAGES[code],
      extra.cause !== undefined ? { cause: extra.cause } : undefined,
    );
    this.name = 'ContractError';
    this.code = code;
    this.status = ContractError.statusFor(code, extra.status);
    this.details = extra.details;
    this.meta = extra.meta;
    this.headers = extra.headers;
    this.retryAfterSec = extra.retryAfterSec;
  }

  static statusFor(code: ContractErrorCode, requested?: number): number {
    if (requested !== undefined && ALTERNATIVE_STATUS[code]?.includes(requested)) return requested;
    return CONTRACT_ERROR_STATUS[code];
  }
}

export function isContractError(error: unknown): error is ContractError {
  return error instanceof ContractError;
}
