import { randomUUID } from 'node:crypto';
import { Injectable, Logger } from '@nestjs/common';
import { MetricsService } from '../../platform/metrics/metrics.service';

type Fields = Record<string, unknown>;

/**
 * Metrics (operations.md §4.5) and business events (§4.6) of the notification pipeline in one place.
 * Business events are JSON log lines at info carrying `evt.*`; they hold ids and statuses only.
 */
@Injectable()
export class NotificationTelemetry {
  private readonly events = new Logger('BusinessEvent');

  constructor(private readonly metrics: MetricsService) {}

  inbound(result: 'accepted' | 'duplicate' | 'invalid' | 'rejected' | 'unavailable', type?: string): void {
    this.metrics.increment('webhook.inbound', { result, type });
  }

  ownerResolution(method: 'record' | 'legacy_map' | 'probe' | 'unresolved' | 'ambiguous'): void {
    this.metrics.increment('notify.owner_resolution', { method });
  }

  deliveryAttempt(clientId: string, result: string, durationMs: number): void {
    this.metrics.increment('webhook.delivery.attempts', { client_id: clientId, result });
    this.metrics.distribution('webhook.delivery.duration', durationMs, { client_id: clientId });
  }

  delivered(clientId: string, type: string, endToEndMs: number): void {
    this.metrics.increment('webhook.delivered', { client_id: clientId, type });
    this.metrics.distribution('webhook.end_to_end', endToEndMs, { client_id: clientId });
  }

  deadLettered(clientId: string | undefined, queue: string, reason: string): void {
    this.metrics.increment('webhook.dead_lettered', { client_id: clientId ?? 'unresolved', queue, reason });
  }

  queueDepth(queue: string, counts: Record<string, number>, oldestWaitingS: number): void {
    for (const state of ['waiting', 'active', 'delayed', 'failed'] as const) {
      this.metrics.gauge('queue.depth', counts[state] ?? 0, { queue, state });
    }
    this.metrics.gauge('queue.oldest_waiting_s', oldestWaitingS, { queue });
  }

  /** `notification.received` / `notification.delivered` / `notification.dead_lettered`. */
  event(name: string, outcome: 'success' | 'failure', fields: Fields): void {
    this.events.log({
      msg: name,
      evt: { name, version: 1, id: randomUUID(), outcome },
      time: new Date().toISOString(),
      ...fields,
    });
  }
}
