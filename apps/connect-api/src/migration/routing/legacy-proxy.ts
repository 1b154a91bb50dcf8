import type { IncomingHttpHeaders } from 'node:http';
import { Injectable, OnModuleInit } from '@nestjs/common';
import { HttpAdapterHost } from '@nestjs/core';
import replyFrom from '@fastify/reply-from';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { AppConfig } from '../../platform/config/app-config';
import { contextForRawRequest } from '../../platform/context/raw-request-context';
import { ContractError } from '../../platform/errors/contract-error';
import { AppLogger, type ContextLogger } from '../../platform/logging/app-logger';
import { MetricsService } from '../../platform/metrics/metrics.service';
import type { HttpAnswer } from '../compare';
import { SHADOW_RUN_HEADER } from '../shadow/shadow-marker';
import { RecordingSampler } from '../recording/recording-sampler';
import { copyAnswer, type ByteBudget } from './answer-copy';
import { DROPPED_FORWARDING_HEADERS, forwardingHeaders } from './forwarded-headers';
import { withoutHopByHop } from './hop-by-hop';

/** Legacy answers larger than this are passed on but not kept for a shadow comparison. */
const MAX_CAPTURED_BYTES = 5 * 1024 * 1024;

export interface ShadowCapture {
  /** Bytes of held answers; each copied chunk is taken from it first. */
  budget: ByteBudget;
  /**
   * Called after the partner got the whole answer, with a copy of it (whose bytes are then the callee's to
   * give back), or why there is none; not when the answer failed.
   */
  onAnswered: (answer: HttpAnswer | 'too_large' | 'over_budget') => void;
}

export interface ForwardOptions {
  /** Keep a copy of legacy's answer for a shadow comparison. */
  capture?: ShadowCapture;
}

interface UpstreamResponse {
  statusCode: number;
  headers: IncomingHttpHeaders;
  stream: NodeJS.ReadableStream;
}

/**
 * Passes a request unchanged to `LEGACY_BASE_URL` with @fastify/reply-from: body streamed, method,
 * path, query and headers kept (hop-by-hop dropped, `x-correlation-id` set), legacy's status, headers
 * and bytes returned as they are. Legacy down → 502 `upstream_unavailable`; no answer within
 * `LEGACY_TIMEOUT_MS` → 504 `upstream_timeout` (rendered by the platform's error filter).
 */
@Injectable()
export class LegacyProxy implements OnModuleInit {
  private readonly logger: ContextLogger;
  private readonly basePath: string;

  constructor(
    private readonly config: AppConfig,
    private readonly adapterHost: HttpAdapterHost,
    private readonly metrics: MetricsService,
    private readonly sampler: RecordingSampler,
    appLogger: AppLogger,
  ) {
    this.logger = appLogger.forContext('LegacyProxy');
    this.basePath = config.LEGACY_BASE_URL
      ? new URL(config.LEGACY_BASE_URL).pathname.replace(/\/+$/, '')
      : '';
  }

  onModuleInit(): void {
    if (!this.config.LEGACY_BASE_URL) return;
    const fastify = this.adapterHost.httpAdapter.getInstance<FastifyInstance>();
    void fastify.register(replyFrom, {
      base: new URL(this.config.LEGACY_BASE_URL).origin,
      // Never repeat a partner's request: legacy decides, the partner retries.
      retryMethods: [],
      disableRequestLogging: true,
      undici: { connections: 128, pipelining: 1, keepAliveTimeout: 30_000 },
    });
  }

  get configured(): boolean {
    return Boolean(this.config.LEGACY_BASE_URL);
  }

  /** Resolves once the partner's answer is finished (or the connection closed). */
  forward(request: FastifyRequest, reply: FastifyReply, options: ForwardOptions = {}): Promise<void> {
    const ctx = contextForRawRequest(request.raw);
    ctx.migration = 'proxied';
    return new Promise<void>((resolve) => {
      reply.raw.once('finish', resolve);
      // A partner gone before legacy's answer was written: the request is still taken, or Fastify would go on
      // to run it in the BFF as well (a second 12go call for a client that is not ours to serve).
      reply.raw.once('close', () => {
        if (!reply.sent) reply.hijack();
        resolve();
      });
      if (!this.configured) {
        reply.send(new ContractError('upstream_unavailable'));
        return;
      }
      // The body was not read (this runs before body parsing): reply-from streams the request itself.
      if (request.method !== 'GET' && request.method !== 'HEAD')
        (request as { body?: unknown }).body = this.sampler.proxiedBody(request.raw);
      const queryAt = request.url.indexOf('?');
      const path = queryAt >= 0 ? request.url.slice(0, queryAt) : request.url;
      try {
        reply.from(`${this.basePath}${path}`, {
          timeout: this.config.LEGACY_TIMEOUT_MS,
          rewriteRequestHeaders: (_req, headers) => ({
            ...withoutHopByHop(headers, [SHADOW_RUN_HEADER, ...DROPPED_FORWARDING_HEADERS]),
            ...forwardingHeaders(request),
            'x-correlation-id': ctx.correlationId,
          }),
          rewriteHeaders: (headers) => withoutHopByHop(headers),
          onResponse: options.capture
            ? (_req, rep, res) =>
                this.sendAndCapture(rep as FastifyReply, res as unknown as UpstreamResponse, options.capture!)
            : undefined,
          onError: (rep, { error }) =>
            this.fail(rep as FastifyReply, error as Error & { statusCode?: number }, ctx.clientId),
        });
      } catch (e) {
        // reply-from refuses paths with `..` segments or bad percent-encoding before any call.
        this.logger.warn({
          msg: 'legacy.proxy_refused',
          client_id: ctx.clientId,
          error: (e as Error).message,
        });
        reply.send(new ContractError('not_found'));
      }
    });
  }

  private sendAndCapture(reply: FastifyReply, res: UpstreamResponse, capture: ShadowCapture) {
    const copy = copyAnswer(res.stream, MAX_CAPTURED_BYTES, capture.budget);
    reply.raw.once('finish', () => {
      const outcome = copy.outcome();
      if (outcome.kind === 'failed') return copy.discard();
      // From here the answer's bytes are the shadow job's to give back.
      capture.onAnswered(
        outcome.kind === 'copied'
          ? { status: res.statusCode, headers: { ...res.headers }, body: outcome.body }
          : outcome.kind,
      );
    });
    // The partner gone before the end: nothing to compare.
    reply.raw.once('close', () => reply.raw.writableFinished || copy.discard());
    reply.send(copy.stream);
  }

  private fail(reply: FastifyReply, error: Error & { statusCode?: number }, clientId?: string): void {
    const timeout = error.statusCode === 504;
    const cause = (error.cause as { code?: string } | undefined)?.code;
    this.logger.warn({
      msg: 'legacy.proxy_failed',
      client_id: clientId,
      reason: timeout ? 'timeout' : 'unavailable',
      error: cause ?? error.message,
    });
    this.metrics.increment('legacy.errors', {
      client_id: clientId ?? 'unknown',
      kind: timeout ? 'timeout' : 'network',
    });
    reply.send(new ContractError(timeout ? 'upstream_timeout' : 'upstream_unavailable'));
  }
}
