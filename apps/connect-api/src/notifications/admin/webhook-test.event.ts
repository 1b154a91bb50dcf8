import { randomBytes } from 'node:crypto';
import { isoSeconds } from '../queueing/partner-event.mapper';

/** The `webhook.test` event of docs/operations.md#admin-api: the BookingEvent envelope (docs/contract/webhooks.md#outbound-events) without a booking. */
export interface WebhookTestEvent {
  id: string;
  type: 'webhook.test';
  timestamp: string;
  data: { client_id: string; message: string };
}

export function buildWebhookTestEvent(
  clientId: string,
  nowMs: number,
  idHex: string = randomBytes(16).toString('hex'),
): WebhookTestEvent {
  return {
    id: `evt_${idHex}`,
    type: 'webhook.test',
    timestamp: isoSeconds(nowMs),
    data: {
      client_id: clientId,
      message: 'Test event sent by Travelier Connect operations; no booking changed.',
    },
  };
}
