import type { TwelveGoErrorReason } from '../types';
import type { TwelveGoOperation } from '../twelvego-operation';
import { normalizeBid } from '../normalize/bid';
import { isPlainObject, normalizePhpMap } from '../normalize/php-map';
import { redactedSnippet, redactText } from '../redaction/redact';
import { TwelveGoError } from './twelvego.errors';

export const TRIP_NO_LONGER_AVAILABLE = 'trip is no longer available';
export const BAD_TRIP_DETAILS = 'bad_trip_details';

export interface HttpAnswer {
  operation: TwelveGoOperation;
  status: number;
  /** Raw body text (may be HTML, empty or truncated). */
  bodyText: string;
  retryAfter?: string;
  elapsedMs?: number;
  /** e.g. `GET /booking/70000042` (no query string). */
  request?: string;
  /** Values redacted from everything the error keeps (the 12go key). */
  secrets: ReadonlyArray<string | undefined>;
}

interface ParsedErrorBody {
  messages: string[];
  fields: Record<string, string>;
  reasons: TwelveGoErrorReason[];
  bid?: string;
}

/** Error bodies that are not JSON (HTML proxy pages, empty bodies) are tolerated: every member empty. */
export function parseErrorBody(
  bodyText: string,
  secrets: ReadonlyArray<string | undefined>,
): ParsedErrorBody {
  let json: unknown;
  try {
    json = JSON.parse(bodyText);
  } catch {
    return { messages: [], fields: {}, reasons: [] };
  }
  if (!isPlainObject(json)) return { messages: [], fields: {}, reasons: [] };
  const clean = (v: unknown): string =>
    redactText(typeof v === 'string' ? v : (JSON.stringify(v) ?? ''), secrets);
  const rawMessages = typeof json.messages === 'string' ? [json.messages] : json.messages;
  const messages = Array.isArray(rawMessages) ? rawMessages.map(clean) : [];
  const fieldMap = normalizePhpMap(json.fields) ?? {};
  const fields = Object.fromEntries(Object.entries(fieldMap).map(([k, v]) => [k, clean(v)]));
  const data = isPlainObject(json.data) ? json.data : {};
  const reasons = Array.isArray(data.reasons)
    ? (data.reasons.filter(
        (r) => isPlainObject(r) && typeof r.reason_code === 'string',
      ) as unknown as TwelveGoErrorReason[])
    : [];
  return { messages, fields, reasons, bid: normalizeBid(data.bid) };
}

/** `Retry-After` as delta-seconds or an HTTP date → whole seconds (≥ 0). */
export function parseRetryAfter(value: string | undefined, now = Date.now()): number | undefined {
  if (value === undefined || value.trim() === '') return undefined;
  const trimmed = value.trim();
  if (/^\d+$/.test(trimmed)) return Number(trimmed);
  const at = Date.parse(trimmed);
  return Number.isNaN(at) ? undefined : Math.max(0, Math.ceil((at - now) / 1000));
}

/** Rows 2–9 of docs/upstream-12go.md#errors, in order, for an answer that is not 2xx. */
export function classifyHttpError(answer: HttpAnswer): TwelveGoError {
  const { operation, status, elapsedMs, request } = answer;
  const base = { operation, status, elapsedMs, request };
  const body = parseErrorBody(answer.bodyText, answer.secrets);
  const withBody = { ...base, messages: body.messages, fields: body.fields, reasons: body.reasons };

  if (status === 401) return new TwelveGoError({ ...base, kind: 'auth' });
  const tripGone =
    ((status === 400 || status === 422) &&
      body.messages.some((m) => m.toLowerCase().includes(TRIP_NO_LONGER_AVAILABLE))) ||
    body.reasons.some((r) => r.reason_code === BAD_TRIP_DETAILS);
  if (tripGone) return new TwelveGoError({ ...withBody, kind: 'trip_unavailable' });
  if (status === 404) return new TwelveGoError({ ...withBody, kind: 'not_found' });
  if (status === 409) return new TwelveGoError({ ...withBody, kind: 'conflict', conflictBid: body.bid });
  const badInput = status === 400 || status === 422;
  if (badInput && Object.keys(body.fields).length > 0)
    return new TwelveGoError({ ...withBody, kind: 'validation' });
  if (status >= 400 && status < 500 && status !== 429)
    return new TwelveGoError({ ...withBody, kind: 'request' });
  if (status === 429) {
    return new TwelveGoError({
      ...withBody,
      kind: 'rate_limited',
      retryAfterSec: parseRetryAfter(answer.retryAfter),
    });
  }
  if (status >= 500) {
    return new TwelveGoError({
      ...withBody,
      kind: 'server',
      retryAfterSec: parseRetryAfter(answer.retryAfter),
    });
  }
  // 1xx/3xx (redirects are not followed): not a documented answer.
  return badResponse(answer);
}

/** Row 10: a 2xx (or otherwise unusable) answer whose body is not JSON or not the documented shape. */
export function badResponse(answer: HttpAnswer): TwelveGoError {
  return new TwelveGoError({
    kind: 'bad_response',
    operation: answer.operation,
    status: answer.status,
    elapsedMs: answer.elapsedMs,
    request: answer.request,
    bodySnippet: redactedSnippet(answer.bodyText, answer.secrets),
  });
}

export interface TransportFailure {
  operation: TwelveGoOperation;
  /** Our whole-response deadline fired. */
  timedOut: boolean;
  /** Node/axios error code, e.g. ECONNRESET. */
  code?: string;
  elapsedMs?: number;
  request?: string;
}

/** Row 1: no response at all. */
export function classifyTransportError(failure: TransportFailure): TwelveGoError {
  const osTimeout = failure.code === 'ETIMEDOUT' || failure.code === 'ECONNABORTED';
  return new TwelveGoError({
    kind: failure.timedOut || osTimeout ? 'timeout' : 'unavailable',
    operation: failure.operation,
    elapsedMs: failure.elapsedMs,
    request: failure.request,
    networkCode: failure.timedOut ? 'TIMEOUT' : failure.code,
  });
}
