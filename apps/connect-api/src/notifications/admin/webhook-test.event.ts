import { randomBytes } from 'node:crypto';
import { isoSeconds } from '../shared/partner-event.mapper';

/** The `webhook.test` event of operations.md §5.2: the BookingEvent envelope (client-api.md §4.13) without a booking. */
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
