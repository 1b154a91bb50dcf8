import { createHash, timingSafeEqual } from 'node:crypto';
import * as ipaddr from 'ipaddr.js';

/** Constant-time comparison with every configured path secret (no early exit, equal-length digests). */
export function matchesPathSecret(presented: string, secrets: readonly string[]): boolean {
  const digest = createHash('sha256').update(presented, 'utf8').digest();
  let match = false;
  for (const s of secrets) {
    if (timingSafeEqual(digest, createHash('sha256').update(s, 'utf8').digest())) match = true;
  }
  return match;
}

/** Empty allow-list = check off; otherwise the source must lie in one of the ranges. */
export function sourceAllowed(ip: string, cidrs: readonly [ipaddr.IPv4 | ipaddr.IPv6, number][]): boolean {
  if (cidrs.length === 0) return true;
  if (!ipaddr.isValid(ip)) return false;
  const addr = ipaddr.process(ip);
  return cidrs.some(([range, bits]) => range.kind() === addr.kind() && addr.match(range, bits));
}
