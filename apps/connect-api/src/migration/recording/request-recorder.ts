import { createWriteStream, type WriteStream } from 'node:fs';
import { Injectable, OnApplicationShutdown, OnModuleInit } from '@nestjs/common';
import { HttpAdapterHost } from '@nestjs/core';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { AppConfig } from '../../platform/config/app-config';
import { contextForRawRequest } from '../../platform/context/raw-request-context';
import { AppLogger, type ContextLogger } from '../../platform/logging/app-logger';
import { MetricsService } from '../../platform/metrics/metrics.service';
import { toRecordedRequest } from './recorded-request';
import { RecordingSampler } from './recording-sampler';

/** Lines waiting for the disk beyond this are dropped (counted) rather than buffered without bound. */
const MAX_BUFFERED_BYTES = 4 * 1024 * 1024;

/**
 * Writes a sample (RECORD_REQUESTS_SAMPLE) of authenticated partner requests to RECORD_REQUESTS_PATH as
 * JSONL for the replay CLI: API key → key id, PII → fakes of the same shape. Answered and refused
 * requests alike; the BFF's own shadow runs never.
 */
@Injectable()
export class RequestRecorder implements OnModuleInit, OnApplicationShutdown {
  private out?: WriteStream;
  private readonly logger: ContextLogger;

  constructor(
    private readonly config: AppConfig,
    private readonly adapterHost: HttpAdapterHost,
    private readonly metrics: MetricsService,
    private readonly sampler: RecordingSampler,
    appLogger: AppLogger,
  ) {
    this.logger = appLogger.forContext('RequestRecorder');
  }

  onModuleInit(): void {
    const path = this.config.RECORD_REQUESTS_PATH;
    if (!this.sampler.enabled || !path) return;
    this.out = createWriteStream(path, { flags: 'a', mode: 0o600 });
    this.out.on('error', (e) => {
      this.logger.error({ msg: 'recording.failed', error: e.message });
      this.out = undefined;
    });
    const fastify = this.adapterHost.httpAdapter.getInstance<FastifyInstance>();
    fastify.addHook('onResponse', (request, _reply, done) => {
      try {
        this.maybeRecord(request);
      } catch (e) {
        this.logger.warn({ msg: 'recording.failed', error: (e as Error).message });
      }
      done();
    });
  }

  async onApplicationShutdown(): Promise<void> {
    const out = this.out;
    this.out = undefined;
    if (out) await new Promise<void>((resolve) => out.end(resolve));
  }

  private maybeRecord(request: FastifyRequest): void {
    if (!this.out) return;
    const ctx = contextForRawRequest(request.raw);
    if (!ctx.clientId || !ctx.keyId || ctx.migration === 'shadow_run') return;
    if (!(request.routeOptions.url ?? '').startsWith('/v1/')) return;
    if (!this.sampler.isSampled(request.raw)) return;
    if (this.out.writableLength > MAX_BUFFERED_BYTES) {
      this.metrics.increment('recording.dropped', { client_id: ctx.clientId });
      return;
    }
    const body = (request as { body?: unknown }).body;
    const line = toRecordedRequest({
      at: new Date(),
      clientId: ctx.clientId,
      keyId: ctx.keyId,
      method: request.method,
      url: request.url,
      headers: request.headers,
      // A proxied request's body was streamed to legacy, not parsed: the sampler kept a copy of its bytes.
      body: ctx.migration === 'proxied' ? this.sampler.proxiedJson(request.raw) : body,
    });
    this.out.write(`${JSON.stringify(line)}\n`);
    this.metrics.increment('recording.written', { client_id: ctx.clientId });
  }
}
