import { hostname } from 'node:os';
import pino, { Logger } from 'pino';
import type { Options as PinoHttpOptions } from 'pino-http';
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { AppConfig } from '../config/app-config';
import { contextForRawRequest } from '../context/raw-request-context';
import {
  redactSecrets,
  redactSerializedError,
  SECRET_KEY_SERIALIZERS,
  SecretScrubber,
  sanitizeUrl,
} from './redaction';

const UPSTREAM_ERROR_CODES = new Set([
  'unprocessable',
  'upstream_rejected',
  'itinerary_not_available',
  'rate_limited',
]);

/** The one pino instance of an app: JSON to the given stream (stdout by default), redacted and scrubbed. */
export function createRootLogger(
  config: AppConfig,
  scrubber: SecretScrubber,
  stream?: NodeJS.WritableStream,
): Logger {
  const options: pino.LoggerOptions = {
    level: config.LOG_LEVEL,
    base: {
      service: config.DD_SERVICE,
      env: config.DD_ENV || undefined,
      version: config.DD_VERSION,
      instance_id: hostname(),
    },
    timestamp: pino.stdTimeFunctions.isoTime,
    formatters: {
      level: (label) => ({ level: label }),
      bindings: redactSecrets,
      log: redactLogObject,
    },
    // Child-logger bindings bypass `formatters`; serializers reach them (top-level keys).
    serializers: { ...SECRET_KEY_SERIALIZERS, err: serializeError },
    hooks: { streamWrite: (line) => scrubber.scrub(line) },
  };
  if (config.LOG_PRETTY && !stream) {
    // pino-pretty is optional (not a dependency); fall back to JSON when absent.
    try {
      require.resolve('pino-pretty');
      return pino({ ...options, transport: { target: 'pino-pretty' } });
    } catch {
      /* JSON it is */
    }
  }
  return pino(options, (stream ?? process.stdout) as pino.DestinationStream);
}

/** Errors are redacted after pino's error serializer has turned them into data. */
function serializeError(err: unknown): unknown {
  return redactSerializedError(pino.stdSerializers.err(err as Error));
}

/** Secret properties of a log object become `[REDACTED]` (docs/platform.md#logs-and-redaction); `err` is left to serializeError. */
function redactLogObject(obj: Record<string, unknown>): Record<string, unknown> {
  if (obj.err === undefined) return redactSecrets(obj);
  const { err, ...rest } = obj;
  const redacted = redactSecrets(rest);
  return redacted === rest ? obj : { ...redacted, err };
}

type SerializedLike = {
  method?: string;
  url?: string;
  headers?: Record<string, unknown>;
  socket?: { remoteAddress?: string };
};

function headerNumber(value: unknown): number | undefined {
  const n = Number(Array.isArray(value) ? value[0] : value);
  return Number.isFinite(n) && value !== undefined ? n : undefined;
}

/** The access line fields of docs/platform.md#logs-and-redaction (flat, no headers, no bodies). */
function accessFields(
  req: IncomingMessage,
  res: ServerResponse,
  durationMs: unknown,
): Record<string, unknown> {
  const ctx = contextForRawRequest(req);
  const raw = req as IncomingMessage & SerializedLike & { ip?: string };
  const calls = ctx.upstreamCalls ?? [];
  return {
    // request_id is bound by pino-http itself (genReqId + customAttributeKeys): not repeated here.
    correlation_id: ctx.correlationId,
    client_id: ctx.clientId,
    key_id: ctx.keyId,
    route: ctx.route ? `${req.method} ${ctx.route}` : undefined,
    method: req.method,
    url: sanitizeUrl(req.url),
    status: res.statusCode,
    duration_ms: durationMs,
    bytes_in: headerNumber(req.headers['content-length']),
    bytes_out: headerNumber(res.getHeader('content-length')),
    api_version: ctx.apiVersion || undefined,
    experiment: ctx.experiment,
    invalid_tracing_headers: ctx.invalidTracingHeaders,
    remote_ip: raw.socket?.remoteAddress,
    user_agent: req.headers['user-agent'],
    ...(calls.length
      ? { upstream: { calls, total_ms: calls.reduce((sum, c) => sum + c.duration_ms, 0) } }
      : {}),
  };
}

/** pino-http options: one `request completed` line per request (docs/platform.md#logs-and-redaction), no bodies, no headers. */
export function accessLogOptions(logger: Logger): PinoHttpOptions {
  return {
    logger,
    genReqId: (req: IncomingMessage) => contextForRawRequest(req).requestId,
    customSuccessMessage: () => 'request completed',
    customErrorMessage: () => 'request completed',
    customLogLevel: (req: IncomingMessage, res: ServerResponse, err?: Error) => {
      // Health endpoints are not access-logged.
      if ((req.url ?? '').startsWith('/health/')) return 'silent';
      if (res.statusCode >= 500 || (err && res.statusCode < 400)) return 'error';
      const ctx = contextForRawRequest(req);
      if (res.statusCode >= 400 && ctx.errorCode && UPSTREAM_ERROR_CODES.has(ctx.errorCode)) return 'warn';
      return 'info';
    },
    // No `customProps`: with the quiet request logger pino-http applied them only to the access line,
    // which carries correlation_id itself (accessFields), at the price of two child loggers per request.
    customSuccessObject: (req: IncomingMessage, res: ServerResponse, val: { duration_ms?: unknown }) => {
      const ctx = contextForRawRequest(req);
      return {
        ...accessFields(req, res, val.duration_ms),
        ...(ctx.errorCode ? { error: { code: ctx.errorCode } } : {}),
      };
    },
    customErrorObject: (
      req: IncomingMessage,
      res: ServerResponse,
      error: Error & { kind?: string },
      val: { duration_ms?: unknown },
    ) => {
      const ctx = contextForRawRequest(req);
      const synthetic = /^failed with status code/.test(error?.message ?? '');
      return {
        ...accessFields(req, res, val.duration_ms),
        error: {
          code: ctx.errorCode,
          ...(synthetic
            ? {}
            : { kind: error.kind ?? error.name, message: error.message, stack: error.stack }),
        },
      };
    },
    customAttributeKeys: { responseTime: 'duration_ms', reqId: 'request_id' },
    // pino-http binds the whole request to a per-request child logger that these options never write
    // (quiet request/response loggers; the access line is built by customSuccessObject): serialising it
    // on every request was pure cost. Errors keep the redacting serializer.
    wrapSerializers: false,
    serializers: { req: () => undefined, res: () => undefined, err: serializeError },
    quietReqLogger: true,
    quietResLogger: true,
  };
}
