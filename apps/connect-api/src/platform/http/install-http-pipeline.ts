import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { AppConfig } from '../config/app-config';
import type { ApiVersionTable } from '../config/api-versions';
import { ContractError } from '../errors/contract-error';
import { contextForRawRequest } from '../context/raw-request-context';
import { runWithRequestContext } from '../context/request-context';
import { BodyPolicy, BodyRouteConfig, isNoStoreRoute, resolveBodyPolicy } from './body-policy';
import type { RouteTable } from './route-table';
import { compress, COMPRESSION_THRESHOLD_BYTES, negotiateEncoding } from './response-compression';
import { exceedsJsonDepth } from './json-depth';
import type { ClientAuthStep } from './client-auth.step';
import type { MetricsService } from '../metrics/metrics.service';
import type { RateLimitStep } from '../rate-limit/rate-limit.step';
import type { AdminAuthStep } from '../admin/admin-auth.step';
import type { BusinessEvents } from '../events/business-events.service';
import { isPublicRoute } from './public-route.decorator';
import type { ClientDiversion } from './client-diversion';

export interface HttpPipelineDeps {
  config: AppConfig;
  versions: ApiVersionTable;
  routes: RouteTable;
  /** Resolved lazily: providers are instantiated but not initialised when the hooks are installed. */
  clientAuth: () => ClientAuthStep;
  metrics?: MetricsService;
  /** docs/contract/headers.md#processing-order step 5 (docs/contract/headers.md#rate-limits). */
  rateLimit?: () => RateLimitStep;
  /** `/admin/**` authentication and audit (docs/operations.md#admin-api). */
  adminAuth?: () => AdminAuthStep;
  /** Funnel business events, emitted once per response (docs/platform.md#business-events). */
  events?: () => BusinessEvents;
  /** Per-client routing to the legacy system (docs/migration.md), right after authentication. */
  diversion?: () => ClientDiversion;
  /** Writes the access line of a request when its response closes (finished or aborted). */
  accessLog?: (req: IncomingMessage, res: ServerResponse, durationMs: number) => void;
  /** True once SIGTERM arrived: responses then ask keep-alive clients to close the connection. */
  draining?: () => boolean;
}

/** A string or Buffer body of at least the compression threshold (UTF-16 length ≤ UTF-8 byte length). */
function isCompressible(payload: unknown): payload is string | Buffer {
  if (typeof payload === 'string')
    return (
      payload.length >= COMPRESSION_THRESHOLD_BYTES ||
      Buffer.byteLength(payload) >= COMPRESSION_THRESHOLD_BYTES
    );
  return Buffer.isBuffer(payload) && payload.length >= COMPRESSION_THRESHOLD_BYTES;
}

function policyOf(request: FastifyRequest, config: AppConfig): BodyPolicy {
  const routeConfig = request.routeOptions.config as BodyRouteConfig | undefined;
  return (
    routeConfig?.tcBodyPolicy ??
    resolveBodyPolicy(request.method, request.routeOptions.url ?? '', routeConfig, config)
  );
}

/**
 * The Fastify-level part of docs/contract/headers.md#processing-order: route match (404/405 via the filter), tracing headers,
 * authentication and version (before the body is read), then body reading (415/413/invalid_json).
 * Must run before `app.init()` so `onRoute` sees every route.
 */
export function installHttpPipeline(fastify: FastifyInstance, deps: HttpPipelineDeps): void {
  const { config, versions, routes } = deps;
  let inflight = 0;

  fastify.addHook('onRoute', (route) => {
    routes.add(route.method, route.url);
    const method = Array.isArray(route.method) ? route.method[0] : route.method;
    const routeConfig = (route.config ?? {}) as BodyRouteConfig;
    const policy = resolveBodyPolicy(method, route.url, routeConfig, config);
    route.config = { ...routeConfig, tcBodyPolicy: policy } as typeof route.config;
    route.bodyLimit = policy.limit;
  });

  // Step 2: tracing headers on every response, errors included; the request context for ALS.
  fastify.addHook('onRequest', (request, reply, done) => {
    const startedAt = Date.now();
    const ctx = contextForRawRequest(request.raw);
    ctx.apiVersion ||= versions.current;
    ctx.route = request.routeOptions.url;
    reply.header('x-correlation-id', ctx.correlationId);
    reply.header('x-request-id', ctx.requestId);
    if (ctx.experiment) reply.header('x-api-experiment', ctx.experiment);
    reply.header('x-content-type-options', 'nosniff');
    if (isNoStoreRoute(ctx.route)) reply.header('cache-control', 'no-store');
    inflight += 1;
    reply.raw.once('close', () => {
      inflight -= 1;
      deps.accessLog?.(request.raw, reply.raw, Date.now() - startedAt);
    });
    if (inflight > config.SERVER_MAX_INFLIGHT && !(ctx.route ?? '').startsWith('/health/')) {
      return done(new ContractError('overloaded', undefined, { retryAfterSec: 1 }));
    }
    runWithRequestContext(ctx, done);
  });

  // Steps 3–5 on /v1/{client_id}/… routes (not on @PublicRoute() ones); admin authentication on /admin/….
  fastify.addHook('onRequest', async (request, reply) => {
    const route = request.routeOptions.url;
    if (route?.startsWith('/admin/') && deps.adminAuth) {
      deps.adminAuth().authorize(request);
      return;
    }
    if (!route || !route.startsWith('/v1/:client_id') || isPublicRoute(request)) return;
    deps.events?.().attach(contextForRawRequest(request.raw));
    try {
      const auth = deps.clientAuth();
      const client = await auth.authenticate(request);
      // A diverted request has been answered (by legacy) when this resolves; the lifecycle stops there.
      if (await deps.diversion?.().divert(request, reply, client)) return;
      auth.resolveVersion(request, reply);
      await deps.rateLimit?.().run(request, reply);
    } catch (e) {
      contextForRawRequest(request.raw).rejectedBeforeHandler = true;
      throw e;
    }
  });

  // docs/contract/headers.md#response-headers: gzip/br when Accept-Encoding allows it. Cheap checks first: most answers are
  // small or go to clients that accept no encoding, and a large body must not be copied just to be measured.
  fastify.addHook('onSend', (request, reply, payload, done) => {
    // While draining, no client should reuse a connection the listener is about to close (a request sent on
    // it as it closes would be reset, never answered) — also for answers to requests that arrived before.
    if (deps.draining?.()) reply.header('connection', 'close');
    if (request.method === 'HEAD' || !isCompressible(payload) || reply.hasHeader('content-encoding'))
      return done(null, payload);
    reply.header('vary', 'accept-encoding');
    const encoding = negotiateEncoding(request.headers['accept-encoding']);
    if (!encoding) return done(null, payload);
    reply.header('content-encoding', encoding);
    reply.removeHeader('content-length');
    compress(payload, encoding).then(
      (body) => done(null, body),
      (err: Error) => done(err),
    );
  });

  // docs/platform.md#metrics: http.requests / http.request.duration; docs/platform.md#business-events funnel events; docs/operations.md#admin-api admin audit.
  fastify.addHook('onResponse', (request, reply, done) => {
    const route = request.routeOptions.url;
    if (route?.startsWith('/admin/')) deps.adminAuth?.().logCall(request, reply);
    // Client routes (funnel events even without a record) and any other route whose handler recorded one
    // (the 12go webhook's `notification.received`).
    // Proxied answers and background shadow runs are not the BFF's funnel; shadow runs have their own metrics.
    const migration = contextForRawRequest(request.raw).migration;
    if (
      deps.events &&
      !migration &&
      (route?.startsWith('/v1/') || contextForRawRequest(request.raw).businessEvent)
    ) {
      try {
        deps.events().finishRequest(contextForRawRequest(request.raw), {
          method: request.method,
          route,
          statusCode: reply.statusCode,
          durationMs: reply.elapsedTime,
        });
      } catch {
        /* events must never break a response */
      }
    }
    if (deps.metrics && route && !route.startsWith('/health/') && migration !== 'shadow_run') {
      const ctx = contextForRawRequest(request.raw);
      const status = reply.statusCode;
      const statusClass = `${Math.floor(status / 100)}xx`;
      const tags = {
        route: `${request.method} ${route}`,
        method: request.method,
        status_code: status,
        status_class: statusClass,
        client_id: ctx.clientId,
        api_version: ctx.apiVersion,
      };
      deps.metrics.increment('http.requests', tags);
      deps.metrics.distribution('http.request.duration', reply.elapsedTime, {
        route: tags.route,
        status_class: statusClass,
        client_id: ctx.clientId,
      });
    }
    done();
  });

  // Body parsing ends on socket callbacks: re-enter the context so handlers see getRequestContext().
  fastify.addHook('preHandler', (request, _reply, done) => {
    runWithRequestContext(contextForRawRequest(request.raw), done);
  });

  // Step 6: body reading.
  fastify.removeAllContentTypeParsers();
  const defaultJsonParser = fastify.getDefaultJsonParser('error', 'error');
  fastify.addContentTypeParser('application/json', { parseAs: 'string' }, (request, body, done) => {
    const text = typeof body === 'string' ? body : body.toString('utf8');
    if (policyOf(request, config).bodyless || text.trim() === '') return done(null, undefined);
    defaultJsonParser(request, text, (err, value) => {
      if (err || value === null || typeof value !== 'object' || Array.isArray(value)) {
        return done(new ContractError('invalid_json'), undefined);
      }
      if (exceedsJsonDepth(value)) {
        return done(
          new ContractError('validation_error', 'The request body is nested too deeply.', {
            details: [
              { field: 'body', reason: 'out_of_range', message: 'The request body is nested too deeply.' },
            ],
          }),
          undefined,
        );
      }
      done(null, value);
    });
  });
  fastify.addContentTypeParser('*', (request, payload, done) => {
    const policy = policyOf(request, config);
    if (!policy.bodyless) return done(new ContractError('unsupported_media_type'), undefined);
    let size = 0;
    payload.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > policy.limit) {
        payload.removeAllListeners('data');
        payload.resume();
        done(new ContractError('payload_too_large'), undefined);
      }
    });
    payload.on('end', () => size <= policy.limit && done(null, undefined));
    payload.on('error', (err) => done(err, undefined));
  });
}
