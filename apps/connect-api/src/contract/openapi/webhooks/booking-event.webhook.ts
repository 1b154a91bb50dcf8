import type { PathItemObject } from '@nestjs/swagger/dist/interfaces/open-api-spec.interface';
import { schemaRef } from '../schemas/schema-ref';

/** The outbound notification (docs/contract/README.md#decisions-in-one-list): a POST the BFF sends, so a webhook, not a path. */
export function bookingEventWebhook(): PathItemObject {
  return {
    post: {
      tags: ['Notifications'],
      operationId: 'bookingEvent',
      summary: "Booking event POSTed by the BFF to the partner's registered URL (Standard Webhooks)",
      description:
        'Signed content `{webhook-id}.{webhook-timestamp}.{raw body}`, HMAC-SHA256 keyed with the base64-decoded ' +
        'part of the partner secret after `whsec_`. Success = any 2xx within 10 s; everything else is retried ' +
        '(11 attempts over ~24 h). At-least-once: deduplicate on `webhook-id`; ordering not guaranteed.',
      security: [],
      parameters: [
        {
          name: 'webhook-id',
          in: 'header',
          required: true,
          schema: { type: 'string', pattern: '^evt_[0-9a-f]{32}$' },
        },
        {
          name: 'webhook-timestamp',
          in: 'header',
          required: true,
          schema: { type: 'string', pattern: '^[0-9]+$' },
        },
        { name: 'webhook-signature', in: 'header', required: true, schema: { type: 'string' } },
        {
          name: 'user-agent',
          in: 'header',
          required: true,
          schema: { type: 'string', enum: ['TravelierConnect-Webhooks/1'] },
        },
      ],
      requestBody: { required: true, content: { 'application/json': { schema: schemaRef('BookingEvent') } } },
      responses: {
        '2XX': { description: 'Acknowledged; body ignored.' },
        default: { description: 'Any other outcome (or no answer within 10 s) triggers a retry.' },
      },
    },
  };
}
