import { randomInt } from 'node:crypto';
import { isPiiKey } from '../compare';

const LOWER = 'abcdefghijklmnopqrstuvwxyz';
const UPPER = LOWER.toUpperCase();
const pick = (alphabet: string) => alphabet[randomInt(alphabet.length)];

/** A random valid date (1950–2005) in the same `YYYY-MM-DD` shape. */
function fakeDate(): string {
  const year = 1950 + randomInt(56);
  const month = String(1 + randomInt(12)).padStart(2, '0');
  const day = String(1 + randomInt(28)).padStart(2, '0');
  return `${year}-${month}-${day}`;
}

/**
 * A random value of the same shape: letters stay letters of the same case, digits stay digits, every
 * other character (`@ . + - space /`) is kept; dates stay valid dates. Not derived from the input.
 */
export function shapePreservingFake(value: string): string {
  if (/^\d{4}-\d{2}-\d{2}$/.test(value)) return fakeDate();
  let out = '';
  for (const ch of value) {
    if (ch >= 'a' && ch <= 'z') out += pick(LOWER);
    else if (ch >= 'A' && ch <= 'Z') out += pick(UPPER);
    else if (ch >= '0' && ch <= '9') out += pick('0123456789');
    else out += ch;
  }
  return out;
}

const MAX_DEPTH = 32;

/** A copy of a JSON body with every value under a PII key (names, e-mail, phones, documents, birth dates) faked. */
export function withFakePii(value: unknown, underPii = false, depth = 0): unknown {
  if (depth > MAX_DEPTH) return null;
  if (Array.isArray(value)) return value.map((v) => withFakePii(v, underPii, depth + 1));
  if (value !== null && typeof value === 'object') {
    const out: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(value)) out[k] = withFakePii(v, underPii || isPiiKey(k), depth + 1);
    return out;
  }
  if (!underPii) return value;
  if (typeof value === 'string') return shapePreservingFake(value);
  if (typeof value === 'number') return Number(shapePreservingFake(String(Math.abs(Math.trunc(value))))) || 0;
  return value;
}
