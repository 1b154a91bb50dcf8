import { Inject, Injectable, Logger } from '@nestjs/common';
import type { Job } from 'bullmq';
import { ClientRegistry } from '../../platform/clients/client-registry';
import { NOTIFICATIONS_SETTINGS } from '../notifications.settings.provider';
import type { NotificationsSettings } from '../notifications.settings';
import { DeliveryAttemptError, notificationFailure, type DeliverJobData } from '../queueing/notification-jobs';
import { sendSignedWebhook } from './signed-delivery';
import { NotificationTelemetry } from '../queueing/notification-telemetry';

export interface DeliveryJobResult {
  status: number;
  attempts: number;
  skipped?: 'no_webhook';
}

/**
 * `notify-deliver` worker: one signed POST per attempt to the client's *current* URL and secrets
 * (docs/platform.md#client-registry, docs/contract/webhooks.md#delivery-and-retries, docs/contract/webhooks.md#signing). Only a 2xx completes the job; everything else is retried on the
 * schedule, except the immediate dead letters (blocked target, client disabled / removed, webhook off).
 */
@Injectable()
export class DeliveryJobProcessor {
  private readonly logger = new Logger('NotifyDeliver');

  constructor(
    private readonly registry: ClientRegistry,
    @Inject(NOTIFICATIONS_SETTINGS) private readonly settings: NotificationsSettings,
    private readonly telemetry: NotificationTelemetry,
  ) {}

  async process(job: Job<DeliverJobData>): Promise<DeliveryJobResult> {
    const data = job.data;
    const attempt = job.attemptsMade + 1;
    const client = this.registry.get(data.clientId);
    if (!client)
      throw notificationFailure('client_removed', `client ${data.clientId} is not configured`, true);
    if (!client.enabled) throw notificationFailure('client_disabled', 'client is disabled', true);
    const webhook = client.webhook;
    if (!webhook?.url) {
      this.logger.warn({
        msg: 'notification.skipped',
        event_id: data.eventId,
        client_id: data.clientId,
        outcome: 'skipped_no_webhook',
      });
      return { status: 0, attempts: attempt, skipped: 'no_webhook' };
    }
    if (!webhook.enabled)
      throw notificationFailure('client_webhook_disabled', 'webhook deliveries are disabled', true);

    const result = await sendSignedWebhook(webhook, data.eventId, data.body, this.settings);
    const line = {
      event_id: data.eventId,
      client_id: data.clientId,
      booking_id: data.bookingId,
      type: data.type,
      attempt,
      result: result.outcome,
      status: result.status,
      duration_ms: result.durationMs,
    };
    this.telemetry.deliveryAttempt(data.clientId, result.outcome, result.durationMs);
    await job
      .log(
        JSON.stringify({
          at: new Date().toISOString(),
          attempt,
          outcome: result.outcome,
          status: result.status ?? null,
          detail: result.detail,
          duration_ms: result.durationMs,
        }),
      )
      .catch(() => undefined);
    if (result.outcome === 'success') {
      const endToEndMs = Date.now() - data.receivedAtMs;
      // debug: the `notification.delivered` business event carries the same facts at info
      this.logger.debug({ msg: 'webhook.delivery_succeeded', ...line, end_to_end_ms: endToEndMs });
      this.telemetry.delivered(data.clientId, data.type, endToEndMs);
      this.telemetry.deliveredEvent(
        {
          event_id: data.eventId,
          booking_id: data.bookingId,
          type: data.type,
          attempts: attempt,
          end_to_end_ms: endToEndMs,
          status_code: result.status,
        },
        { clientId: data.clientId, correlationId: data.correlationId },
      );
      return { status: result.status ?? 200, attempts: attempt };
    }
    if (result.outcome === 'blocked_target') {
      this.logger.error({ msg: 'webhook.blocked_target', ...line, reason: result.detail });
      throw notificationFailure('blocked_target', result.detail, true);
    }
    this.logger.warn({ msg: 'webhook.delivery_failed', ...line, retry_after_ms: result.retryAfterMs });
    throw new DeliveryAttemptError(`${result.outcome}: ${result.detail}`, result.retryAfterMs, result.status);
  }
}
