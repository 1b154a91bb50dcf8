import * as ipaddr from 'ipaddr.js';
import { isBlockedAddress } from '../../platform/clients/webhook-url.rules';

export interface WebhookUrlPolicy {
  requireHttps: boolean;
  /** WEBHOOK_ALLOW_PRIVATE_TARGETS && client.webhook.allow_private_target */
  allowPrivate: boolean;
}

export type WebhookUrlCheck =
  { ok: true; url: URL; literalIp: string | null } | { ok: false; reason: string };

/** Static URL checks (docs/platform.md#client-registry rule 4, docs/contract/webhooks.md#target-url-safety): absolute http(s), no userinfo, no fragment, https when required, literal IPs vetted. */
export function checkWebhookUrl(raw: string, policy: WebhookUrlPolicy): WebhookUrlCheck {
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    return { ok: false, reason: 'invalid_url' };
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:')
    return { ok: false, reason: 'unsupported_scheme' };
  if (policy.requireHttps && url.protocol !== 'https:') return { ok: false, reason: 'https_required' };
  if (url.username || url.password) return { ok: false, reason: 'userinfo_not_allowed' };
  if (url.hash) return { ok: false, reason: 'fragment_not_allowed' };
  const host = url.hostname.startsWith('[') ? url.hostname.slice(1, -1) : url.hostname;
  const literalIp = ipaddr.isValid(host) ? host : null;
  if (literalIp && !policy.allowPrivate && isBlockedAddress(literalIp))
    return { ok: false, reason: 'private_target' };
  return { ok: true, url, literalIp };
}

/** Picks the address to connect to: every resolved address must be allowed (docs/contract/webhooks.md#target-url-safety: "all returned addresses are checked"). */
export function pickAllowedAddress(
  addresses: { address: string; family: number }[],
  allowPrivate: boolean,
): { address: string; family: number } | null {
  if (addresses.length === 0) return null;
  if (!allowPrivate && addresses.some((a) => isBlockedAddress(a.address))) return null;
  return addresses[0];
}
