import * as ipaddr from 'ipaddr.js';

/** operations.md §8.5 — ranges a partner webhook may not reach unless private targets are allowed. */
const BLOCKED_V4 = [
  '0.0.0.0/8',
  '10.0.0.0/8',
  '100.64.0.0/10',
  '127.0.0.0/8',
  '169.254.0.0/16',
  '172.16.0.0/12',
  '192.0.0.0/24',
  '192.0.2.0/24',
  '192.168.0.0/16',
  '198.18.0.0/15',
  '198.51.100.0/24',
  '203.0.113.0/24',
  '224.0.0.0/4',
  '240.0.0.0/4',
].map((c) => ipaddr.IPv4.parseCIDR(c));

const BLOCKED_V6 = ['::/128', '::1/128', 'fc00::/7', 'fe80::/10', 'ff00::/8', '2001:db8::/32'].map((c) =>
  ipaddr.IPv6.parseCIDR(c),
);

const MAPPED_V4 = ipaddr.IPv6.parseCIDR('::ffff:0:0/96');
const NAT64 = ipaddr.IPv6.parseCIDR('64:ff9b::/96');

function v4Blocked(ip: ipaddr.IPv4): boolean {
  return BLOCKED_V4.some((range) => ip.match(range));
}

/** True when `address` (IPv4 or IPv6 literal) lies in a blocked range; unparseable input counts as blocked. */
export function isBlockedAddress(address: string): boolean {
  const bare = address.startsWith('[') && address.endsWith(']') ? address.slice(1, -1) : address;
  if (!ipaddr.isValid(bare)) return true;
  const ip = ipaddr.parse(bare);
  if (ip.kind() === 'ipv4') return v4Blocked(ip as ipaddr.IPv4);
  const v6 = ip as ipaddr.IPv6;
  if (BLOCKED_V6.some((range) => v6.match(range))) return true;
  if (v6.match(MAPPED_V4) || v6.match(NAT64)) {
    const bytes = v6.toByteArray().slice(12);
    return v4Blocked(ipaddr.fromByteArray(bytes) as ipaddr.IPv4);
  }
  return false;
}

export interface WebhookUrlPolicy {
  requireHttps: boolean;
  /** WEBHOOK_ALLOW_PRIVATE_TARGETS && client.webhook.allow_private_target */
  allowPrivate: boolean;
}

export type WebhookUrlCheck =
  { ok: true; url: URL; literalIp: string | null } | { ok: false; reason: string };

/** Static URL checks (§1.3 rule 4, §8.5): absolute http(s), no userinfo, no fragment, https when required, literal IPs vetted. */
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

/** Picks the address to connect to: every resolved address must be allowed (§8.5: "all returned addresses are checked"). */
export function pickAllowedAddress(
  addresses: { address: string; family: number }[],
  allowPrivate: boolean,
): { address: string; family: number } | null {
  if (addresses.length === 0) return null;
  if (!allowPrivate && addresses.some((a) => isBlockedAddress(a.address))) return null;
  return addresses[0];
}
