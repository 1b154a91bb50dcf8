import type { ClientWebhookSettings } from '../../platform/clients/client-snapshot';
import type { NotificationsSettings } from '../notifications.settings';
import { sendWebhook, type DeliveryResult } from './webhook-sender';
import { webhookHeaders } from './webhook-signature';

/**
 * One signed POST of `body` to a client's webhook with the configured timeouts and target rules
 * (docs/contract/webhooks.md#signing, docs/contract/webhooks.md#target-url-safety): the queued delivery and the admin test event.
 */
export function sendSignedWebhook(
  webhook: Readonly<ClientWebhookSettings>,
  eventId: string,
  body: string,
  settings: NotificationsSettings,
): Promise<DeliveryResult> {
  return sendWebhook({
    url: webhook.url,
    headers: webhookHeaders(webhook.secrets, eventId, Math.floor(Date.now() / 1000), body),
    body,
    timeoutMs: settings.deliveryTimeoutMs,
    connectTimeoutMs: settings.connectTimeoutMs,
    requireHttps: settings.requireHttps,
    allowPrivate: settings.allowPrivateTargets && webhook.allowPrivateTarget,
  });
}
