import type { FastifyReply } from 'fastify';
import type { ContractError } from './contract-error';
import { buildErrorEnvelope, type ErrorEnvelope } from './error-envelope';

export interface TracingIds {
  correlationId: string;
  requestId: string;
}

/** A contract error as its response: status, the headers the error itself calls for, the envelope. */
export interface RenderedError {
  status: number;
  headers: Record<string, string>;
  body: ErrorEnvelope;
}

/** docs/contract/errors.md#envelope: the one rendering of a ContractError, live or stored for IncompleteResults. */
export function renderContractError(error: ContractError, ids: TracingIds): RenderedError {
  const headers: Record<string, string> = {};
  if (error.status === 401) headers['www-authenticate'] = 'ApiKey header="x-api-key"';
  if (error.retryAfterSec !== undefined)
    headers['retry-after'] = String(Math.max(0, Math.ceil(error.retryAfterSec)));
  Object.assign(headers, error.headers ?? {});
  return { status: error.status, headers, body: buildErrorEnvelope(error, ids) };
}

/** Writes a rendered error with the content and tracing headers every error response carries. */
export function sendContractError(reply: FastifyReply, error: ContractError, ids: TracingIds): FastifyReply {
  const rendered = renderContractError(error, ids);
  reply
    .status(rendered.status)
    .header('content-type', 'application/json; charset=utf-8')
    .header('x-correlation-id', ids.correlationId)
    .header('x-request-id', ids.requestId)
    .header('x-content-type-options', 'nosniff');
  for (const [name, value] of Object.entries(rendered.headers)) reply.header(name, value);
  return reply.send(rendered.body);
}
