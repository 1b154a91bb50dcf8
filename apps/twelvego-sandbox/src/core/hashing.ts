import { createHmac } from 'node:crypto';

/** Deterministic primitives of docs/upstream-12go.md#identifiers, docs/upstream-12go.md#clock-and-determinism: FNV-1a-32, base 62, mulberry32, HMAC. */

const FNV_OFFSET_BASIS = 2166136261;
const FNV_PRIME = 16777619;
const BASE62 = '0123456789abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ';

/** FNV-1a 32-bit over the UTF-8 bytes of `text`, as an unsigned integer. */
export function fnv1a32(text: string): number {
  let hash = FNV_OFFSET_BASIS;
  for (const byte of Buffer.from(text, 'utf8')) {
    hash ^= byte;
    hash = Math.imul(hash, FNV_PRIME) >>> 0;
  }
  return hash >>> 0;
}

/** Non-negative integer in base 62 (`0-9a-zA-Z`), left-padded with `0` to `width`. */
export function toBase62(value: number, width = 0): string {
  if (!Number.isInteger(value) || value < 0)
    throw new RangeError(`base62 needs a non-negative integer, got ${value}`);
  let out = '';
  let rest = value;
  do {
    out = BASE62[rest % 62] + out;
    rest = Math.floor(rest / 62);
  } while (rest > 0);
  return out.padStart(width, '0');
}

/** mulberry32 PRNG: returns a function yielding uniform numbers in [0, 1). */
export function mulberry32(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** A mulberry32 stream seeded by the FNV-1a hash of `label`. */
export function seededStream(label: string): () => number {
  return mulberry32(fnv1a32(label));
}

/** The docs/upstream-12go.md#clock-and-determinism stream for one trip departure and purpose: `"{seed}|{tripKey}|{yyyy-MM-dd}|{purpose}"`. */
export function tripStream(seed: number, tripKey: string, date: string, purpose: string): () => number {
  return seededStream(`${seed}|${tripKey}|${date}|${purpose}`);
}

/** Lower-case hex HMAC-SHA256. */
export function hmacHex(secret: string, message: string): string {
  return createHmac('sha256', secret).update(message).digest('hex');
}
