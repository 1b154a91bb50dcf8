import type { TwelveGoErrorReason } from '../types';
import type { TwelveGoOperation } from '../twelvego-operation';
import { redactText } from '../redaction/redact';

/**
 * Kinds follow the rows of docs/upstream-12go.md#errors, evaluated top to bottom:
 * 1 `unavailable` / `timeout` (no response), 2 `auth` (401), 3 `trip_unavailable`, 4 `not_found` (404),
 * 5 `conflict` (409), 6 `validation` (400/422 with fields), 7 `request` (other 4xx), 8 `rate_limited` (429),
 * 9 `server` (5xx), 10 `bad_response` (2xx of the wrong shape). `circuit_open`: the call was not sent
 * because the breaker of its operation is open (docs/upstream-12go.md#timeouts-retries-and-breakers).
 */
export type TwelveGoErrorKind =
  | 'unavailable'
  | 'timeout'
  | 'auth'
  | 'trip_unavailable'
  | 'not_found'
  | 'conflict'
  | 'validation'
  | 'request'
  | 'rate_limited'
  | 'server'
  | 'bad_response'
  | 'circuit_open';

export const TWELVEGO_ERROR_KINDS: readonly TwelveGoErrorKind[] = [
  'unavailable',
  'timeout',
  'auth',
  'trip_unavailable',
  'not_found',
  'conflict',
  'validation',
  'request',
  'rate_limited',
  'server',
  'bad_response',
  'circuit_open',
];

export interface TwelveGoErrorInit {
  kind: TwelveGoErrorKind;
  operation: TwelveGoOperation;
  status?: number;
  elapsedMs?: number;
  messages?: string[];
  fields?: Record<string, string>;
  reasons?: TwelveGoErrorReason[];
  conflictBid?: string;
  /** 429: the upstream `Retry-After`; circuit_open: seconds until the breaker half-opens. */
  retryAfterSec?: number;
  /** Network error code (`ECONNRESET`, `ECONNREFUSED`, `ENOTFOUND`, …) for `unavailable`/`timeout`. */
  networkCode?: string;
  /** bad_response: the first 200 characters of the body, secrets redacted. */
  bodySnippet?: string;
  /** Number of attempts made (1 + retries). */
  attempts?: number;
  /** Request line for logs, e.g. `GET /booking/70000042` — never contains the query string. */
  request?: string;
}

/**
 * The one error the 12go client throws for a failed call. It carries what the BFF's error filter needs
 * (docs/contract/errors.md#upstream-failures) and never any secret: neither the message nor any member holds the `k` value.
 */
export class TwelveGoError extends Error {
  readonly kind: TwelveGoErrorKind;
  readonly operation: TwelveGoOperation;
  readonly status?: number;
  readonly elapsedMs?: number;
  readonly messages: string[];
  readonly fields: Record<string, string>;
  readonly reasons: TwelveGoErrorReason[];
  readonly conflictBid?: string;
  readonly retryAfterSec?: number;
  readonly networkCode?: string;
  readonly bodySnippet?: string;
  readonly attempts?: number;
  readonly request?: string;

  constructor(init: TwelveGoErrorInit) {
    super(redactText(TwelveGoError.describe(init)));
    this.name = 'TwelveGoError';
    this.kind = init.kind;
    this.operation = init.operation;
    this.status = init.status;
    this.elapsedMs = init.elapsedMs;
    this.messages = init.messages ?? [];
    this.fields = init.fields ?? {};
    this.reasons = init.reasons ?? [];
    this.conflictBid = init.conflictBid;
    this.retryAfterSec = init.retryAfterSec;
    this.networkCode = init.networkCode;
    this.bodySnippet = init.bodySnippet;
    this.attempts = init.attempts;
    this.request = init.request;
  }

  /** The same error with the totals of a call that took several attempts. */
  withAttempts(attempts: number, elapsedMs: number): TwelveGoError {
    return new TwelveGoError({ ...this.toInit(), attempts, elapsedMs });
  }

  toInit(): TwelveGoErrorInit {
    return {
      kind: this.kind,
      operation: this.operation,
      status: this.status,
      elapsedMs: this.elapsedMs,
      messages: this.messages,
      fields: this.fields,
      reasons: this.reasons,
      conflictBid: this.conflictBid,
      retryAfterSec: this.retryAfterSec,
      networkCode: this.networkCode,
      bodySnippet: this.bodySnippet,
      attempts: this.attempts,
      request: this.request,
    };
  }

  /** `true` for the kinds where 12go may not have seen or finished the request (outcome unknown). */
  get outcomeUnknown(): boolean {
    return this.kind === 'timeout' || this.kind === 'unavailable' || this.kind === 'server';
  }

  /** Safe structured form for logs (no secrets, no bodies beyond the redacted snippet). */
  toJSON(): Record<string, unknown> {
    return {
      name: this.name,
      message: this.message,
      kind: this.kind,
      operation: this.operation,
      status: this.status,
      elapsedMs: this.elapsedMs,
      attempts: this.attempts,
      networkCode: this.networkCode,
      request: this.request,
      messages: this.messages,
      fields: this.fields,
      reasons: this.reasons.map((r) => r.reason_code),
      conflictBid: this.conflictBid,
      retryAfterSec: this.retryAfterSec,
    };
  }

  private static describe(init: TwelveGoErrorInit): string {
    const status = init.status !== undefined ? ` (HTTP ${init.status})` : '';
    const code = init.networkCode ? ` [${init.networkCode}]` : '';
    const first = init.messages?.[0] ? `: ${init.messages[0]}` : '';
    return `12go ${init.operation} failed: ${init.kind}${status}${code}${first}`;
  }
}

export function isTwelveGoError(error: unknown): error is TwelveGoError {
  return error instanceof TwelveGoError;
}
