import { hostname } from 'node:os';
import pino, { Logger } from 'pino';
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { AppConfig } from '../config/app-config';
import { contextForRawRequest } from '../context/raw-request-context';
import { getRequestContext } from '../context/request-context';
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
    mixin: nestLineIds,
    mixinMergeStrategy: mergeNestLineIds,
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

type AccessLevel = 'silent' | 'error' | 'warn' | 'info';

function accessLevel(req: IncomingMessage, res: ServerResponse): AccessLevel {
  // Health endpoints are not access-logged.
  if ((req.url ?? '').startsWith('/health/')) return 'silent';
  if (res.statusCode >= 500) return 'error';
  const ctx = contextForRawRequest(req);
  if (res.statusCode >= 400 && ctx.errorCode && UPSTREAM_ERROR_CODES.has(ctx.errorCode)) return 'warn';
  return 'info';
}

/**
 * The `request completed` line of a finished (or aborted) request (docs/platform.md#logs-and-redaction): no
 * bodies, no headers. Written directly on the root logger when the response closes — one call, no
 * per-request child logger (the fields and their order are those pino-http wrote before,
 * docs/adr/0231-access-line-without-per-request-logger.md). A 5xx carries its cause from `res.err` (set
 * by the exception filter).
 */
export function writeAccessLine(
  logger: Logger,
  req: IncomingMessage,
  res: ServerResponse & { err?: Error },
  durationMs: number,
): void {
  const level = accessLevel(req, res);
  if (level === 'silent') return;
  const ctx = contextForRawRequest(req);
  const failure =
    res.err ?? (res.statusCode >= 500 ? new Error(`failed with status code ${res.statusCode}`) : undefined);
  if (!failure) {
    logger[level](
      {
        request_id: ctx.requestId,
        ...accessFields(req, res, durationMs),
        ...(ctx.errorCode ? { error: { code: ctx.errorCode } } : {}),
      },
      'request completed',
    );
    return;
  }
  const error = failure as Error & { kind?: string };
  const synthetic = /^failed with status code/.test(error?.message ?? '');
  logger[level](
    {
      request_id: ctx.requestId,
      ...accessFields(req, res, durationMs),
      error: {
        code: ctx.errorCode,
        ...(synthetic ? {} : { kind: error.kind ?? error.name, message: error.message, stack: error.stack }),
      },
    },
    'request completed',
  );
}

const NEST_LINES = Symbol('tc.nestLoggerLines');
const NO_FIELDS = Object.freeze({});

/** Adds `request_id` to the lines of the Nest logger written inside a request (see nestLogger). */
function nestLineIds(_obj: object, _level: number, instance: Logger): object {
  if (!(instance as Logger & { [NEST_LINES]?: boolean })[NEST_LINES]) return NO_FIELDS;
  const ctx = getRequestContext();
  return ctx ? { request_id: ctx.requestId } : NO_FIELDS;
}

function mergeNestLineIds(obj: object, ids: object): object {
  return ids === NO_FIELDS ? obj : Object.assign(ids, obj);
}

/**
 * The logger behind Nest's `Logger` (nestjs-pino): the root logger, whose lines written inside a request carry
 * its `request_id` — read from the request context, not from a child logger bound per request.
 */
export function nestLogger(root: Logger): Logger {
  const child = root.child({});
  (child as Logger & { [NEST_LINES]?: boolean })[NEST_LINES] = true;
  return child;
}
