import * as ipaddr from 'ipaddr.js';

/** docs/contract/webhooks.md#target-url-safety — ranges a partner webhook may not reach unless private targets are allowed. */
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

/**
 * IPv6 forms that carry an IPv4 address: the embedded addresses are checked against the IPv4 ranges, so no
 * spelling of a blocked IPv4 address gets through (docs/adr/0105-ssrf-embedded-ipv4.md).
 */
const EMBEDDED_V4: Array<{ range: [ipaddr.IPv6, number]; embedded: (b: number[]) => number[][] }> = [
  // IPv4-compatible ::a.b.c.d (deprecated), IPv4-mapped ::ffff:a.b.c.d, IPv4-translated ::ffff:0:a.b.c.d
  { range: ipaddr.IPv6.parseCIDR('::/96'), embedded: (b) => [b.slice(12)] },
  { range: ipaddr.IPv6.parseCIDR('::ffff:0:0/96'), embedded: (b) => [b.slice(12)] },
  { range: ipaddr.IPv6.parseCIDR('::ffff:0:0:0/96'), embedded: (b) => [b.slice(12)] },
  // NAT64 well-known prefix
  { range: ipaddr.IPv6.parseCIDR('64:ff9b::/96'), embedded: (b) => [b.slice(12)] },
  // 6to4: the IPv4 address follows the 2002::/16 prefix
  { range: ipaddr.IPv6.parseCIDR('2002::/16'), embedded: (b) => [b.slice(2, 6)] },
  // Teredo: server IPv4 at bits 32-63, client IPv4 as the bitwise NOT of the last 32 bits
  {
    range: ipaddr.IPv6.parseCIDR('2001::/32'),
    embedded: (b) => [b.slice(4, 8), b.slice(12).map((x) => ~x & 0xff)],
  },
];

/** Local-use NAT64 prefixes (RFC 8215) can embed IPv4 at several offsets: the whole range is blocked. */
const LOCAL_NAT64 = ipaddr.IPv6.parseCIDR('64:ff9b:1::/48');

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
  if (BLOCKED_V6.some((range) => v6.match(range)) || v6.match(LOCAL_NAT64)) return true;
  const bytes = v6.toByteArray();
  return EMBEDDED_V4.some(
    (form) =>
      v6.match(form.range) &&
      form.embedded(bytes).some((v4) => v4Blocked(ipaddr.fromByteArray(v4) as ipaddr.IPv4)),
  );
}

/** Rule 4 of docs/platform.md#client-registry; returns the problems found (empty = valid). */
export function webhookUrlProblems(
  url: string,
  opts: { requireHttps: boolean; allowPrivate: boolean },
): string[] {
  let u: URL;
  try {
    u = new URL(url);
  } catch {
    return ['webhook.url must be an absolute URL'];
  }
  const problems: string[] = [];
  if (u.protocol !== 'https:' && u.protocol !== 'http:') problems.push('webhook.url must be http(s)');
  if (opts.requireHttps && u.protocol !== 'https:') problems.push('webhook.url must use https');
  if (u.username || u.password) problems.push('webhook.url must not contain userinfo');
  if (u.hash) problems.push('webhook.url must not contain a fragment');
  const host = u.hostname.replace(/^\[|\]$/g, '');
  if (ipaddr.isValid(host) && isBlockedAddress(host) && !opts.allowPrivate)
    problems.push('webhook.url targets a blocked address range');
  return problems;
}
