/**
 * KLV strings (docs/contract/ids.md#cipher-and-klv): records `KK LL V…` — two-digit key, two-digit length, value.
 * The first record is always `01 02 V1`; keys are unique; the string is consumed exactly.
 */
export type KlvRecords = ReadonlyArray<readonly [key: string, value: string]>;

const KEY_RE = /^\d{2}$/;
// Printable ASCII only: the values are ids, dates and codes.
const ASCII_VALUE_RE = /^[\x20-\x7e]*$/;

export class KlvEncodeError extends Error {}

export function encodeKlv(records: KlvRecords): string {
  const seen = new Set<string>();
  let out = '';
  for (const [key, value] of records) {
    if (!KEY_RE.test(key)) throw new KlvEncodeError(`bad KLV key "${key}"`);
    if (seen.has(key)) throw new KlvEncodeError(`duplicate KLV key ${key}`);
    if (value.length > 99 || !ASCII_VALUE_RE.test(value))
      throw new KlvEncodeError(`bad KLV value for key ${key}`);
    seen.add(key);
    out += key + String(value.length).padStart(2, '0') + value;
  }
  return out;
}

/** Parses a KLV string; `null` when malformed (truncated, duplicate key, bad length, trailing bytes). */
export function parseKlv(text: string): Map<string, string> | null {
  const records = new Map<string, string>();
  let i = 0;
  while (i < text.length) {
    if (i + 4 > text.length) return null;
    const key = text.slice(i, i + 2);
    const lenText = text.slice(i + 2, i + 4);
    if (!KEY_RE.test(key) || !/^\d{2}$/.test(lenText)) return null;
    const len = Number(lenText);
    const start = i + 4;
    if (start + len > text.length) return null;
    if (records.has(key)) return null;
    const value = text.slice(start, start + len);
    if (!ASCII_VALUE_RE.test(value)) return null;
    records.set(key, value);
    i = start + len;
  }
  if (records.size === 0 || !text.startsWith('01')) return null;
  return records;
}
