import { hostname } from 'node:os';
import pino, { Logger } from 'pino';
import type { Options as PinoHttpOptions } from 'pino-http';
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { AppConfig } from '../config/app-config';
import { contextForRawRequest } from '../context/raw-request-context';
import { REDACT_PATHS, SecretScrubber, sanitizeUrl } from './redaction';

const UPSTREAM_ERROR_CODES = new Set(['unprocessable', 'upstream_rejected', 'itinerary_not_available', 'rate_limited']);

/** The one pino instance of an app: JSON to the given stream (stdout by default), redacted and scrubbed. */
export function createRootLogger(config: AppConfig, scrubber: SecretScrubber, stream?: NodeJS.WritableStream): Logger {
  const options: pino.LoggerOptions = {
    level: config.LOG_LEVEL,
    base: { service: config.DD_SERVICE, env: config.DD_ENV || undefined, version: config.DD_VERSION, instance_id: hostname() },
    timestamp: pino.stdTimeFunctions.isoTime,
    formatters: { level: (label) => ({ level: label }) },
    redact: { paths: REDACT_PATHS, censor: '[REDACTED]' },
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

/** pino-http options: one `request completed` line per request (operations.md §4.2), no bodies, no headers. */
export function accessLogOptions(logger: Logger): PinoHttpOptions {
  return {
    logger,
    genReqId: (req: IncomingMessage) => contextForRawRequest(req).requestId,
    customSuccessMessage: () => 'request completed',
    customErrorMessage: () => 'request completed',
    customLogLevel: (_req: IncomingMessage, res: ServerResponse, err?: Error) => {
      // Health endpoints are not access-logged (operations.md §4.2).
      if ((_req.url ?? '').startsWith('/health/')) return 'silent';
      if (res.statusCode >= 500 || (err && res.statusCode < 400)) return 'error';
      const ctx = contextForRawRequest(_req);
      if (res.statusCode >= 400 && ctx.errorCode && UPSTREAM_ERROR_CODES.has(ctx.errorCode)) return 'warn';
      return 'info';
    },
    // Called when the request starts (bindings of every log line of the request) and when it ends.
    customProps: (req: IncomingMessage, res: ServerResponse) => {
      const ctx = contextForRawRequest(req);
      if (!res.headersSent) return { correlation_id: ctx.correlationId };
      return {
        client_id: ctx.clientId,
        key_id: ctx.keyId,
        api_version: ctx.apiVersion,
        experiment: ctx.experiment,
        invalid_tracing_headers: ctx.invalidTracingHeaders,
        route: ctx.route ? `${req.method} ${ctx.route}` : undefined,
        ...(ctx.errorCode ? { 'error.code': ctx.errorCode } : {}),
        ...(ctx.upstreamCalls?.length
          ? { upstream: { calls: ctx.upstreamCalls, total_ms: ctx.upstreamCalls.reduce((s, c) => s + c.duration_ms, 0) } }
          : {}),
      };
    },
    serializers: {
      req: (req: { method?: string; url?: string; remoteAddress?: string; headers?: Record<string, unknown> }) => ({
        method: req.method,
        url: sanitizeUrl(req.url),
        remote_ip: req.remoteAddress,
        user_agent: req.headers?.['user-agent'],
        bytes_in: req.headers?.['content-length'] ? Number(req.headers['content-length']) : undefined,
      }),
      res: (res: { statusCode?: number; headers?: Record<string, unknown> }) => ({
        status: res.statusCode,
        bytes_out: res.headers?.['content-length'] ? Number(res.headers['content-length']) : undefined,
      }),
      err: pino.stdSerializers.err,
    },
    customAttributeKeys: { responseTime: 'duration_ms', reqId: 'request_id' },
    quietReqLogger: true,
  };
}
