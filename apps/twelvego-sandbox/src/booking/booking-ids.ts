import { fnv1a32, hmacHex, toBase62 } from '../core/hashing';

/** Identifier formats of docs/upstream-12go.md#identifiers, docs/upstream-12go.md#state-and-timers (pure). */

export const FIRST_BID = 70000001;

/** Cart id for the n-th cart since reset: 6 base-62 digits of FNV-1a(`cart|{seed}|{n}`) + n mod 3844 in 2 digits. */
export function cartId(seed: number, n: number): string {
  return toBase62(fnv1a32(`cart|${seed}|${n}`), 6) + toBase62(n % 3844, 2);
}

/** Upper-case base-36 of FNV-1a-32(`tracker|{bid}`), left-padded to 8. */
export function trackerFor(bid: number): string {
  return fnv1a32(`tracker|${bid}`).toString(36).toUpperCase().padStart(8, '0');
}

export function ticketHash(secret: string, bid: number): string {
  return hmacHex(secret, `ticket|${bid}`).slice(0, 6);
}

export function ticketUrl(publicUrl: string, secret: string, bid: number): string {
  return `${publicUrl}/en/ticket/${bid}?h=${ticketHash(secret, bid)}`;
}
