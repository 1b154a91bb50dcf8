import * as ipaddr from 'ipaddr.js';

export type Cidr = [ipaddr.IPv4 | ipaddr.IPv6, number];

/** `10.0.0.0/8, 127.0.0.1, ::1` → CIDRs (a single address is a /32 or /128); throws on the first bad entry. */
export function parseCidrList(value: string): Cidr[] {
  return value
    .split(',')
    .map((c) => c.trim())
    .filter((c) => c.length > 0)
    .map((c) => {
      try {
        return c.includes('/')
          ? ipaddr.parseCIDR(c)
          : [ipaddr.parse(c), ipaddr.parse(c).kind() === 'ipv4' ? 32 : 128];
      } catch {
        throw new Error(`TWELVEGO_WEBHOOK_ALLOWED_CIDRS: invalid CIDR "${c}"`);
      }
    });
}
