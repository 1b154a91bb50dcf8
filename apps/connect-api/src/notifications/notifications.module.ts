import { Module } from '@nestjs/common';
import { BookingIdsModule } from '../booking-ids/booking-ids.module';
import { BookingOwnerModule } from '../booking-owner/booking-owner.module';
import { IdsModule } from '../ids/ids.module';
import { DeadLettersService } from './admin/dead-letters.service';
import { NotificationsAdminController } from './admin/notifications-admin.controller';
import { QueueBoardRoute } from './admin/queue-board.route';
import { WebhookTestController } from './admin/webhook-test.controller';
import { DeliveryJobProcessor } from './delivery/delivery-job.processor';
import { InboundJobProcessor } from './inbound/inbound-job.processor';
import { InboundWebhookRoute } from './inbound/inbound-webhook.route';
import { InboundWebhookService } from './inbound/inbound-webhook.service';
import { OwnerResolverService } from './inbound/owner-resolver.service';
import { WebhookStoreReadiness } from './inbound/webhook-store.readiness';
import { notificationsSettingsProvider } from './notifications.settings.provider';
import { BookingReconciler } from './reconcile/booking-reconciler.service';
import { ReconcileScheduler } from './reconcile/reconcile-scheduler';
import { ReconcileTelemetry } from './reconcile/reconcile-telemetry';
import { BookingEventBuilder } from './inbound/booking-event.builder';
import { NotificationQueues } from './queueing/notification-queues';
import { NotificationTelemetry } from './queueing/notification-telemetry';
import { NotificationWorkers } from './notification-workers';

/**
 * 12go webhooks → durable, signed, retried partner webhooks (docs/contract/webhooks.md). Needs the global
 * platform providers (AppConfig, RedisService, ClientRegistry) and the global TwelveGoClient.
 */
@Module({
  imports: [BookingOwnerModule, BookingIdsModule, IdsModule],
  controllers: [NotificationsAdminController, WebhookTestController],
  providers: [
    notificationsSettingsProvider,
    NotificationQueues,
    NotificationTelemetry,
    InboundWebhookService,
    InboundWebhookRoute,
    OwnerResolverService,
    BookingEventBuilder,
    InboundJobProcessor,
    DeliveryJobProcessor,
    NotificationWorkers,
    DeadLettersService,
    ReconcileTelemetry,
    BookingReconciler,
    ReconcileScheduler,
    QueueBoardRoute,
    WebhookStoreReadiness,
  ],
})
export class NotificationsModule {}
