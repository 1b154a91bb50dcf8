import { Injectable } from '@nestjs/common';
import { MetricsService } from '../../platform/metrics/metrics.service';

/** What one look at a watched booking ended with (`reconcile.polls{result}`). */
export type PollResult =
  | 'in_sync'
  | 'recorded'
  | 'emitted'
  | 'webhook_seen'
  | 'not_found'
  | 'no_owner'
  | 'client_removed'
  | 'skipped_no_webhook'
  | 'upstream_error'
  | 'unusable'
  | 'error';

/** Metrics of the reconciler (listed in docs/operations.md). */
@Injectable()
export class ReconcileTelemetry {
  constructor(private readonly metrics: MetricsService) {}

  tickStarted(watched: number, due: number, pruned: number): void {
    this.metrics.gauge('reconcile.watched', watched);
    this.metrics.gauge('reconcile.due', due);
    if (pruned > 0) this.metrics.increment('reconcile.pruned', {}, pruned);
  }

  tickFinished(durationMs: number): void {
    this.metrics.distribution('reconcile.tick.duration', durationMs);
  }

  poll(result: PollResult): void {
    this.metrics.increment('reconcile.polls', { result });
  }

  emitted(clientId: string, type: string): void {
    this.metrics.increment('reconcile.emitted', { client_id: clientId, type });
  }
}
