/**
 * The previous platform's shift cipher (docs/contract/ids.md#cipher-and-klv): every character of the 64-symbol alphabet
 * moves 547 mod 64 = 35 places; other characters pass through unchanged.
 */
export const CIPHER_ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';

/** Decoders try these in order and keep the first one whose result passes the identifier's checks. */
export const CIPHER_ALPHABET_VARIANTS: readonly string[] = [
  CIPHER_ALPHABET,
  'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_',
  '+/ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789',
  '-_ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789',
];

export const CIPHER_SHIFT = 547 % 64;

/** `0102V1` enciphered: the prefix that marks an enciphered KLV string. */
export const ENCIPHERED_KLV_PREFIX = 'XYXZ4Y';
export const PLAIN_KLV_PREFIX = '0102V1';

function shift(text: string, alphabet: string, by: number): string {
  let out = '';
  for (const ch of text) {
    const i = alphabet.indexOf(ch);
    out += i < 0 ? ch : alphabet[(i + by + 64) % 64];
  }
  return out;
}

export function encipher(plain: string, alphabet: string = CIPHER_ALPHABET): string {
  return shift(plain, alphabet, CIPHER_SHIFT);
}

export function decipher(enciphered: string, alphabet: string = CIPHER_ALPHABET): string {
  return shift(enciphered, alphabet, -CIPHER_SHIFT);
}
