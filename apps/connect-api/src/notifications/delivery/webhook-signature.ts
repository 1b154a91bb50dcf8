import { createHmac } from 'node:crypto';

const SECRET_PREFIX = 'whsec_';
const BASE64 = /^[A-Za-z0-9+/]+={0,2}$/;

/** Decodes a `whsec_<base64>` secret into its HMAC key (Standard Webhooks). */
export function decodeWebhookSecret(secret: string): Buffer {
  const encoded = secret.startsWith(SECRET_PREFIX) ? secret.slice(SECRET_PREFIX.length) : '';
  if (!encoded || !BASE64.test(encoded)) throw new Error('webhook secret must be whsec_<base64>');
  const key = Buffer.from(encoded, 'base64');
  if (key.length === 0) throw new Error('webhook secret must not be empty');
  return key;
}

/**
 * `webhook-signature` value: one `v1,<base64 HMAC-SHA256 of id.timestamp.body>` per secret, newest first,
 * separated by one space (docs/contract/webhooks.md#signing; two entries while a rotation is in progress).
 */
export function signWebhook(
  secrets: readonly string[],
  webhookId: string,
  timestampSec: number,
  body: string,
): string {
  if (secrets.length === 0) throw new Error('no webhook secret configured');
  const content = `${webhookId}.${timestampSec}.${body}`;
  return secrets
    .map((s) => `v1,${createHmac('sha256', decodeWebhookSecret(s)).update(content, 'utf8').digest('base64')}`)
    .join(' ');
}

export const WEBHOOK_USER_AGENT = 'TravelierConnect-Webhooks/1';

/** Headers of one delivery attempt (docs/contract/webhooks.md#signing). */
export function webhookHeaders(
  secrets: readonly string[],
  webhookId: string,
  timestampSec: number,
  body: string,
): Record<string, string> {
  return {
    'content-type': 'application/json',
    'user-agent': WEBHOOK_USER_AGENT,
    'webhook-id': webhookId,
    'webhook-timestamp': String(timestampSec),
    'webhook-signature': signWebhook(secrets, webhookId, timestampSec, body),
  };
}
