import * as ipaddr from 'ipaddr.js';

/** operations.md §8.5: address ranges a webhook may not target unless private targets are allowed. */
const BLOCKED_CIDRS = [
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
  '::/128',
  '::1/128',
  'fc00::/7',
  'fe80::/10',
  'ff00::/8',
  '2001:db8::/32',
].map((c) => ipaddr.parseCIDR(c));

export function isBlockedAddress(address: string): boolean {
  let ip: ipaddr.IPv4 | ipaddr.IPv6;
  try {
    ip = ipaddr.parse(address);
  } catch {
    return false;
  }
  if (ip.kind() === 'ipv6') {
    const v6 = ip as ipaddr.IPv6;
    if (v6.isIPv4MappedAddress()) return isBlockedAddress(v6.toIPv4Address().toString());
    if (v6.match(ipaddr.parseCIDR('64:ff9b::/96'))) {
      const bytes = v6.toByteArray().slice(12);
      return isBlockedAddress(bytes.join('.'));
    }
  }
  return BLOCKED_CIDRS.some(
    ([range, bits]) => range.kind() === ip.kind() && ip.match([range, bits] as [typeof ip, number]),
  );
}

/** Rule 4 of operations.md §1.3; returns the problems found (empty = valid). */
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
