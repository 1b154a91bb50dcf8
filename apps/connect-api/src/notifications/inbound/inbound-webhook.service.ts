import { Inject, Injectable, Logger } from '@nestjs/common';
import { withTimeout } from '../../platform/async/with-timeout';
import { RedisService } from '../../platform/redis/redis.service';
import { NOTIFICATIONS_SETTINGS } from '../notifications.settings.provider';
import type { NotificationsSettings } from '../notifications.settings';
import { NotificationQueues } from '../queueing/notification-queues';
import { NotificationTelemetry } from '../queueing/notification-telemetry';
import { captureTraceContext, tagSpan, traced } from '../queueing/notification-tracing';
import type { InboundJobData } from '../queueing/notification-jobs';
import {
  inboundDedupKeyParts,
  inboundJobId,
  isUnknownUpstreamType,
  parseInboundNotification,
} from './inbound-notification';
import { redisKeys } from '../../platform/redis/redis-keys';

export type InboundAnswer =
  | { status: 200; result: 'accepted' | 'duplicate' }
  | { status: 400; code: 'invalid_json' | 'validation_error'; message: string }
  | { status: 503; code: 'upstream_unavailable'; message: string };

/**
 * Acceptance sequence of docs/contract/webhooks.md#receiving-12go-notifications: dedup check → durable job → dedup marker → 200.
 * Nothing is acknowledged that is not stored in Redis: any Redis failure before the job exists → 503.
 */
@Injectable()
export class InboundWebhookService {
  private readonly logger = new Logger('InboundWebhook');

  constructor(
    private readonly redis: RedisService,
    private readonly queues: NotificationQueues,
    @Inject(NOTIFICATIONS_SETTINGS) private readonly settings: NotificationsSettings,
    private readonly telemetry: NotificationTelemetry,
  ) {}

  accept(raw: Buffer, correlationId: string | undefined): Promise<InboundAnswer> {
    return traced('bff.notify.receive', 'POST /webhooks/12go', undefined, async (span) => {
      const answer = await this.acceptInSpan(raw, correlationId);
      tagSpan(span, {
        'tc.duplicate': answer.status === 200 && answer.result === 'duplicate',
        'http.status_code': answer.status,
      });
      return answer;
    });
  }

  private async acceptInSpan(raw: Buffer, correlationId: string | undefined): Promise<InboundAnswer> {
    const parsed = parseInboundNotification(raw);
    if (!parsed.ok) {
      this.logger.warn({ msg: 'webhook.inbound', result: 'invalid', reason: parsed.reason });
      this.telemetry.inbound('invalid');
      return parsed.reason === 'invalid_json'
        ? { status: 400, code: 'invalid_json', message: 'Request body is not valid JSON.' }
        : { status: 400, code: 'validation_error', message: 'Request body has no usable bid.' };
    }
    const n = parsed.notification;
    if (isUnknownUpstreamType(n)) {
      this.logger.warn({
        msg: 'webhook.unknown_type',
        bid: n.bid,
        upstream_type: String(n.upstreamType).slice(0, 100),
      });
    }
    const dedupKey = redisKeys.inboundDedup(this.redis.keyPrefix, inboundDedupKeyParts(n));
    const enqueueTimeout = this.settings.enqueueTimeoutMs;
    try {
      if ((await withTimeout(this.redis.client.exists(dedupKey), enqueueTimeout)) === 1) {
        this.logger.log({ msg: 'webhook.inbound', result: 'duplicate', bid: n.bid, type: n.type });
        this.telemetry.inbound('duplicate', n.type);
        this.telemetry.received(
          {
            bid: n.bid,
            upstream_type: typeof n.upstreamType === 'string' ? n.upstreamType.slice(0, 100) : null,
            stamp: n.stamp,
            resolution: null,
            owner_client_id: null,
            duplicate: true,
            new_status: n.newStatus,
            previous_status: n.previousStatus,
          },
          { correlationId },
        );
        return { status: 200, result: 'duplicate' };
      }
      const data: InboundJobData = {
        bid: n.bid,
        type: n.type,
        upstreamType: n.upstreamType ?? null,
        stamp: n.stamp,
        dedupStamp: n.dedupStamp,
        receivedAtMs: Date.now(),
        newStatus: n.newStatus,
        previousStatus: n.previousStatus,
        body: n.body,
        correlationId,
        trace: captureTraceContext(),
      };
      await withTimeout(
        this.queues.inbound.add('inbound', data, this.queues.inboundJobOptions(inboundJobId(n))),
        enqueueTimeout,
      );
    } catch (err) {
      this.logger.error({
        msg: 'webhook.inbound',
        result: 'unavailable',
        bid: n.bid,
        err: (err as Error).message,
      });
      this.telemetry.inbound('unavailable', n.type);
      return {
        status: 503,
        code: 'upstream_unavailable',
        message: 'Notification could not be stored; retry later.',
      };
    }
    try {
      await withTimeout(
        this.redis.client.set(dedupKey, '1', 'EX', this.settings.dedupTtlS, 'NX'),
        enqueueTimeout,
      );
    } catch (err) {
      // The job is stored under its deterministic id, which still de-duplicates while it is retained.
      this.logger.warn({ msg: 'webhook.dedup_write_failed', bid: n.bid, err: (err as Error).message });
    }
    // debug: the access line and `notification.received` already record every accepted webhook (bench P6)
    this.logger.debug({
      msg: 'webhook.inbound',
      result: 'accepted',
      bid: n.bid,
      type: n.type,
      stamp: n.stamp,
    });
    this.telemetry.inbound('accepted', n.type);
    return { status: 200, result: 'accepted' };
  }
}
