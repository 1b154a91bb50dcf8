import { createHmac, timingSafeEqual } from 'node:crypto';
import type { StaticDocumentName } from '../documents/static-document.types';

export interface StaticLinkClaims {
  clientId: string;
  document: StaticDocumentName;
  locale: string;
  /** Unix seconds. */
  expires: number;
}

export type StaticLinkCheck = 'valid' | 'expired' | 'bad_signature';

/**
 * HMAC-SHA256 over client, document, locale and expiry (docs/contract/endpoints.md#master-data): a link is bound to one client's
 * document in one locale and stops working at `expires`. Pure (the clock is an argument).
 */
export function signStaticLink(claims: StaticLinkClaims, key: string): string {
  return createHmac('sha256', key).update(payload(claims)).digest('base64url');
}

export function verifyStaticLink(
  claims: StaticLinkClaims,
  sig: string,
  key: string,
  nowSec: number,
): StaticLinkCheck {
  const expected = Buffer.from(signStaticLink(claims, key));
  const given = Buffer.from(sig);
  if (given.length !== expected.length || !timingSafeEqual(given, expected)) return 'bad_signature';
  return claims.expires > nowSec ? 'valid' : 'expired';
}

/** Path and query of the link; the caller puts the public origin in front. */
export function staticLinkPath(claims: StaticLinkClaims, key: string): string {
  const query = new URLSearchParams({
    locale: claims.locale,
    expires: String(claims.expires),
    sig: signStaticLink(claims, key),
  });
  return `/v1/${encodeURIComponent(claims.clientId)}/static/${claims.document}.json?${query.toString()}`;
}

function payload(c: StaticLinkClaims): string {
  return ['static-link-v1', c.clientId, c.document, c.locale, String(c.expires)].join('\n');
}
