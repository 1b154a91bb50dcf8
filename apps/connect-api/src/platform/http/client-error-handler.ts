import { randomUUID } from 'node:crypto';
import type { Socket } from 'node:net';
import { ContractError } from '../errors/contract-error';
import { buildErrorEnvelope } from '../errors/error-envelope';

const STATUS_TEXT: Record<number, string> = {
  400: 'Bad Request',
  408: 'Request Timeout',
  431: 'Request Header Fields Too Large',
};

/**
 * Malformed HTTP that never becomes a request (Node's `clientError`: bad framing, header overflow,
 * request timeout): answered with the contract envelope and fresh tracing ids, then the socket closes.
 */
export function contractClientErrorHandler(err: NodeJS.ErrnoException, socket: Socket): void {
  if (err.code === 'ECONNRESET' || socket.destroyed) return;
  let status = 400;
  let error = new ContractError('validation_error', 'The HTTP request is malformed.');
  if (err.code === 'ERR_HTTP_REQUEST_TIMEOUT') {
    status = 408;
    error = new ContractError('validation_error', 'The request was not received in time.');
  } else if (err.code === 'HPE_HEADER_OVERFLOW') {
    status = 431;
    error = new ContractError('validation_error', 'The request headers are too large.');
  }
  const ids = { correlationId: randomUUID(), requestId: randomUUID() };
  const body = JSON.stringify(buildErrorEnvelope(error, ids));
  if (socket.writable) {
    socket.write(
      `HTTP/1.1 ${status} ${STATUS_TEXT[status]}\r\n` +
        `Content-Type: application/json; charset=utf-8\r\nContent-Length: ${Buffer.byteLength(body)}\r\n` +
        `x-correlation-id: ${ids.correlationId}\r\nx-request-id: ${ids.requestId}\r\n` +
        `x-content-type-options: nosniff\r\nConnection: close\r\n\r\n${body}`,
    );
  }
  socket.destroy(err);
}
