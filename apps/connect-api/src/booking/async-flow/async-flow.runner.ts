import { Injectable, Logger, OnApplicationShutdown } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import type { ClientSnapshot } from '../../platform/clients/client-snapshot';
import { AppConfig } from '../../platform/config/app-config';
import { getRequestContext } from '../../platform/context/request-context';
import { RedisService } from '../../platform/redis/redis.service';
import { IncompleteResultsStore, type AsyncOperation } from './incomplete-results.store';
import { renderFailure } from './outcome-renderer';

export type AsyncOutcome<T> = { kind: 'done'; value: T } | { kind: 'accepted'; id: string; location: string };

/**
 * The async booking flow (docs/contract/endpoints.md#incompleteresults-async-flow D20, docs/contract/endpoints.md#incompleteresults-async-flow): for clients with `asyncFlow`, an
 * operation still running after `ASYNC_FLOW_THRESHOLD_MS` is answered 202 and finished in the background;
 * its outcome is stored in `ir:{id}` for polling. Everyone else (and everyone while Redis is down) is served
 * synchronously.
 */
@Injectable()
export class AsyncFlowRunner implements OnApplicationShutdown {
  private readonly logger = new Logger('AsyncFlow');
  private readonly inflight = new Set<Promise<unknown>>();
  private readonly thresholdMs: number;

  constructor(
    private readonly store: IncompleteResultsStore,
    private readonly redis: RedisService,
    config: AppConfig,
  ) {
    this.thresholdMs = config.ASYNC_FLOW_THRESHOLD_MS;
  }

  async run<T>(
    client: ClientSnapshot,
    op: AsyncOperation,
    work: () => Promise<T>,
    bidOf: (value: T) => string,
    known: { bid?: string; bookingId?: string } = {},
  ): Promise<AsyncOutcome<T>> {
    if (!client.asyncFlow || !this.redis.isAvailable()) return { kind: 'done', value: await work() };
    const running = work();
    this.track(running);
    const early = await Promise.race([
      running.then(
        (value) => ({ settled: true as const, value }),
        (error: unknown) => ({ settled: true as const, error }),
      ),
      delay(this.thresholdMs).then(() => ({ settled: false as const })),
    ]);
    if (early.settled) {
      if ('error' in early) throw early.error;
      return { kind: 'done', value: early.value as T };
    }

    const rc = getRequestContext();
    const ids = { correlationId: rc?.correlationId ?? '', requestId: rc?.requestId ?? '' };
    const id = randomUUID();
    const now = Date.now();
    try {
      await this.store.create({
        id,
        clientId: client.clientId,
        op,
        statusCode: 202,
        result: '',
        headers: '{}',
        bid: known.bid ?? '',
        bookingId: known.bookingId ?? '',
        createdAt: now,
        updatedAt: now,
        correlationId: ids.correlationId,
      });
    } catch (err) {
      this.logger.warn({ event: 'incomplete_result_store_failed', op, err: (err as Error).message });
      return { kind: 'done', value: await running };
    }
    const completion = running.then(
      (value) => this.store.complete(id, 200, JSON.stringify(value), {}, bidOf(value), Date.now()),
      (error: unknown) => {
        const r = renderFailure(error, ids);
        return this.store.complete(
          id,
          r.status,
          JSON.stringify(r.body),
          r.headers,
          known.bid ?? '',
          Date.now(),
        );
      },
    );
    this.track(
      completion.catch((err: unknown) =>
        this.logger.error({
          event: 'incomplete_result_complete_failed',
          id,
          op,
          err: (err as Error).message,
        }),
      ),
    );
    this.logger.log({ event: 'async_flow_accepted', id, op });
    return { kind: 'accepted', id, location: `/v1/${client.clientId}/incomplete_results/${id}` };
  }

  /** Graceful shutdown waits for background completions like in-flight requests (docs/contract/endpoints.md#incompleteresults-async-flow step 5). */
  async onApplicationShutdown(): Promise<void> {
    await Promise.allSettled([...this.inflight]);
  }

  private track(p: Promise<unknown>): void {
    const guarded = p.catch(() => undefined);
    this.inflight.add(guarded);
    void guarded.finally(() => this.inflight.delete(guarded));
  }
}

function delay(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms).unref?.());
}
