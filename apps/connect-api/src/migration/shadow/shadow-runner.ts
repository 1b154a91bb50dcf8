import { promisify } from 'node:util';
import { brotliDecompress, gunzip, inflate } from 'node:zlib';
import { Injectable, OnApplicationShutdown } from '@nestjs/common';
import { HttpAdapterHost } from '@nestjs/core';
import type { FastifyInstance } from 'fastify';
import * as fastq from 'fastq';
import { AppConfig } from '../../platform/config/app-config';
import { AppLogger, type ContextLogger } from '../../platform/logging/app-logger';
import { MetricsService } from '../../platform/metrics/metrics.service';
import type { EndpointKind, HttpAnswer } from '../compare';
import { CompareWorkerClient } from './compare-worker.client';
import type { ByteBudget } from '../routing/answer-copy';
import { withoutHopByHop } from '../routing/hop-by-hop';
import { SHADOW_RUN_HEADER, ShadowMarker } from './shadow-marker';
import { ShadowReportStore } from './shadow-report.store';

/** A shadowed request whose legacy answer the partner already has. */
export interface ShadowJob {
  clientId: string;
  endpoint: EndpointKind;
  correlationId: string;
  method: 'GET';
  url: string;
  headers: Record<string, string | string[] | undefined>;
  legacy: HttpAnswer;
}

/** Why a shadowed request was not compared (`shadow.dropped`, tag `reason`). */
export type ShadowDropReason = 'queue_full' | 'over_budget' | 'timeout' | 'too_large' | 'error';

/** Differences written to the log line of one differing answer. */
const LOGGED_DIFFERENCES = 20;

const DECODERS: Record<string, (b: Buffer) => Promise<Buffer>> = {
  gzip: promisify(gunzip),
  br: promisify(brotliDecompress),
  deflate: promisify(inflate),
};

/**
 * Runs shadowed requests through the BFF in the background (Fastify inject on this same instance, marked
 * so it is answered here and not proxied again) and compares the answer with legacy's. The partner never
 * waits for it: a bounded queue (SHADOW_QUEUE_SIZE, overflow dropped and counted), SHADOW_CONCURRENCY
 * runs at once, each abandoned after SHADOW_TIMEOUT_MS.
 */
@Injectable()
export class ShadowRunner implements OnApplicationShutdown {
  private readonly logger: ContextLogger;
  private readonly queue: fastq.queueAsPromised<ShadowJob, void>;
  private stopped = false;
  private reserved = 0;
  private readonly comparer: CompareWorkerClient;
  /** Bytes of legacy answers being copied, waiting or being compared (SHADOW_QUEUE_BYTES). */
  readonly bytes: ByteBudget & { readonly held: number };

  constructor(
    private readonly config: AppConfig,
    private readonly adapterHost: HttpAdapterHost,
    private readonly marker: ShadowMarker,
    private readonly store: ShadowReportStore,
    private readonly metrics: MetricsService,
    appLogger: AppLogger,
  ) {
    this.logger = appLogger.forContext('ShadowRunner');
    this.bytes = byteBudget(config.SHADOW_QUEUE_BYTES);
    this.queue = fastq.promise((job: ShadowJob) => this.runBounded(job), config.SHADOW_CONCURRENCY);
    this.comparer = new CompareWorkerClient((message) =>
      this.logger.warn({ msg: 'shadow.compare_worker', message }),
    );
  }

  async onApplicationShutdown(): Promise<void> {
    this.stopped = true;
    this.queue.kill();
    await this.comparer.stop();
  }

  /**
   * Holds a queue place while legacy's answer is copied, so no answer (up to 5 MiB) is copied that has no place
   * to go. False when the queue (waiting jobs + places held) is full or the app is stopping.
   */
  reserve(): boolean {
    if (this.stopped || this.queue.length() + this.reserved >= this.config.SHADOW_QUEUE_SIZE) return false;
    this.reserved++;
    return true;
  }

  release(): void {
    this.reserved = Math.max(0, this.reserved - 1);
  }

  /**
   * Takes a job unless the queue is full or the app is stopping (then it is counted as dropped). The job's
   * legacy bytes were taken from `bytes` while they were copied; they are given back when it is done or dropped.
   */
  enqueue(job: ShadowJob): void {
    if (this.stopped || this.queue.length() >= this.config.SHADOW_QUEUE_SIZE) {
      this.bytes.give(Buffer.byteLength(job.legacy.body));
      this.dropped(job.clientId, job.endpoint, 'queue_full');
      return;
    }
    this.queue.push(job).catch(() => undefined);
  }

  dropped(clientId: string, endpoint: EndpointKind, reason: ShadowDropReason): void {
    this.metrics.increment('shadow.dropped', { client: clientId, endpoint, reason });
  }

  /** Resolves when comparisons can run (the worker thread has started, or none is used). */
  comparerReady(): Promise<void> {
    if (!this.config.LEGACY_BASE_URL) return Promise.resolve();
    this.startComparer();
    return this.comparer.ready;
  }

  /**
   * The worker thread (its own V8 isolate, ≈ 10 MiB resident) starts with the first comparison, so an instance
   * with LEGACY_BASE_URL but no `shadow` client never pays for it (docs/adr/0234-compare-worker-on-first-use.md).
   * Only an app that can shadow uses it (legacy routing needs LEGACY_BASE_URL); `stop()` is final.
   */
  private startComparer(): void {
    if (this.config.LEGACY_BASE_URL && !this.stopped) this.comparer.start();
  }

  /** Whether the comparison worker thread was started (it starts with the first comparison). */
  get comparerStarted(): boolean {
    return this.comparer.started;
  }

  /** Waiting jobs (tests, admin). */
  get pending(): number {
    return this.queue.length() + this.queue.running();
  }

  private async runBounded(job: ShadowJob): Promise<void> {
    let timer: NodeJS.Timeout | undefined;
    const run = { abandoned: false };
    const timedOut = new Promise<'timeout'>((resolve) => {
      timer = setTimeout(() => resolve('timeout'), this.config.SHADOW_TIMEOUT_MS);
      timer.unref();
    });
    try {
      const outcome = await Promise.race([this.run(job, run), timedOut]);
      if (outcome === 'timeout') {
        // The BFF's own upstream timeouts end the abandoned run; its answer is ignored.
        run.abandoned = true;
        this.dropped(job.clientId, job.endpoint, 'timeout');
      }
    } catch (e) {
      this.dropped(job.clientId, job.endpoint, 'error');
      this.logger.warn({
        msg: 'shadow.failed',
        client_id: job.clientId,
        endpoint: job.endpoint,
        correlation_id: job.correlationId,
        error: (e as Error).message,
      });
    } finally {
      clearTimeout(timer);
      this.bytes.give(Buffer.byteLength(job.legacy.body));
    }
  }

  private async run(job: ShadowJob, run: { abandoned: boolean }): Promise<'done'> {
    if (this.stopped) return 'done';
    const fastify = this.adapterHost.httpAdapter.getInstance<FastifyInstance>();
    const headers = withoutHopByHop(job.headers, [
      'content-length',
      'accept-encoding',
      'x-request-id',
      SHADOW_RUN_HEADER,
    ]);
    const res = await fastify.inject({
      method: job.method,
      url: job.url,
      headers: { ...headers, [SHADOW_RUN_HEADER]: this.marker.headerValue() } as Record<string, string>,
    });
    if (run.abandoned || this.stopped) return 'done';
    const candidate: HttpAnswer = { status: res.statusCode, headers: res.headers, body: res.rawPayload };
    this.startComparer();
    const comparison = await this.comparer.compare(await decoded(job.legacy), candidate, job.endpoint);
    if (run.abandoned || this.stopped) return 'done';
    const tags = { client: job.clientId, endpoint: job.endpoint };
    this.metrics.increment('shadow.compared', {
      ...tags,
      result: comparison.total > 0 ? 'different' : 'same',
    });
    for (const [kind, count] of Object.entries(comparison.byKind))
      this.metrics.increment('shadow.differences', { ...tags, kind }, count);
    if (comparison.total > 0)
      this.logger.warn({
        msg: 'shadow.differences',
        client_id: job.clientId,
        endpoint: job.endpoint,
        correlation_id: job.correlationId,
        legacy_status: job.legacy.status,
        bff_status: candidate.status,
        total: comparison.total,
        differences: comparison.differences.slice(0, LOGGED_DIFFERENCES),
      });
    await this.store
      .record(job.clientId, job.endpoint, comparison)
      .catch((e: Error) =>
        this.logger.warn({ msg: 'shadow.report_unavailable', client_id: job.clientId, error: e.message }),
      );
    return 'done';
  }
}

function byteBudget(limit: number): ByteBudget & { readonly held: number } {
  let held = 0;
  return {
    get held() {
      return held;
    },
    take(bytes) {
      if (held + bytes > limit) return false;
      held += bytes;
      return true;
    },
    give(bytes) {
      held = Math.max(0, held - bytes);
    },
  };
}

/** Legacy's bytes as sent (maybe compressed for the partner), decoded for the comparison. */
async function decoded(answer: HttpAnswer): Promise<HttpAnswer> {
  const encoding = String(answer.headers['content-encoding'] ?? '')
    .toLowerCase()
    .trim();
  const decode = DECODERS[encoding];
  if (!decode) return answer;
  const body = await decode(Buffer.isBuffer(answer.body) ? answer.body : Buffer.from(answer.body));
  const headers = { ...answer.headers };
  delete headers['content-encoding'];
  return { ...answer, headers, body };
}
