import { Controller, HttpCode, Inject, Param, Post, UseGuards } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import { AdminGuard } from '../../platform/admin/admin.guard';
import { maskUrlQuery } from '../../platform/admin/admin-client.view';
import { ClientRegistry } from '../../platform/clients/client-registry';
import { ContractError } from '../../platform/errors/contract-error';
import { AppLogger, ContextLogger } from '../../platform/logging/app-logger';
import { sendSignedWebhook } from '../delivery/signed-delivery';
import { NOTIFICATIONS_SETTINGS } from '../notifications.settings.provider';
import type { NotificationsSettings } from '../notifications.settings';
import { buildWebhookTestEvent } from './webhook-test.event';

/**
 * `POST /admin/clients/{client_id}/webhook/test` (docs/operations.md#admin-api): one signed `webhook.test` event to the
 * client's current URL with its current secrets, through the same sender as deliveries (SSRF rules, timeouts,
 * no redirects). Sent once, never queued or retried; also while the client or its webhook is disabled, so
 * operations can check a URL before re-enabling it.
 */
@ApiExcludeController()
@Controller('admin/clients')
@UseGuards(AdminGuard)
export class WebhookTestController {
  private readonly logger: ContextLogger;

  constructor(
    private readonly registry: ClientRegistry,
    @Inject(NOTIFICATIONS_SETTINGS) private readonly settings: NotificationsSettings,
    appLogger: AppLogger,
  ) {
    this.logger = appLogger.forContext('WebhookTest');
  }

  @Post(':client_id/webhook/test')
  @HttpCode(200)
  async test(@Param('client_id') clientId: string) {
    const client = this.registry.get(clientId);
    if (!client) throw new ContractError('not_found', 'No such client.');
    const webhook = client.webhook;
    if (!webhook?.url) throw new ContractError('conflict', 'This client has no webhook URL.');

    const event = buildWebhookTestEvent(client.clientId, Date.now());
    const body = JSON.stringify(event);
    const result = await sendSignedWebhook(webhook, event.id, body, this.settings);
    const answer = {
      client_id: client.clientId,
      event_id: event.id,
      url: maskUrlQuery(webhook.url),
      delivered: result.outcome === 'success',
      outcome: result.outcome,
      status_code: result.status ?? null,
      latency_ms: Math.round(result.durationMs),
      detail: result.detail,
    };
    this.logger.log({ msg: 'webhook.test_sent', ...answer, url: undefined });
    return answer;
  }
}
