import { createHmac, randomInt, timingSafeEqual } from 'node:crypto';
import { encodeKlv, parseKlv } from '../../ids/klv';
import { normaliseInboundId } from '../../ids/percent-encoding';
import {
  CIPHER_ALPHABET_VARIANTS,
  decipher,
  encipher,
  ENCIPHERED_KLV_PREFIX,
  PLAIN_KLV_PREFIX,
} from '../../ids/shift-cipher';

/** What a booking token carries (docs/contract/ids.md#booking-tokens). */
export interface BookingTokenClaims {
  contractCode: string;
  cartId: string;
  seats: number;
  uniqueId: string;
  clientId: string;
  issuedAt: number;
}

export interface BookingTokenKeys {
  /** First key signs, every key verifies (rotation). */
  hmacKeys: string[];
  maxAgeSec: number;
  acceptLegacy: boolean;
}

export type TokenDecodeResult =
  | {
      ok: true;
      cartId: string;
      seats: number;
      clientId: string | null;
      legacy: boolean;
      issuedAt: number | null;
    }
  | { ok: false; error: 'invalid' | 'expired' | 'foreign_client'; reason: string };

export function signatureOf(klvText: string, key: string): string {
  return createHmac('sha256', key).update(klvText, 'utf8').digest('hex').slice(0, 32);
}

export function bookingTokenKlv(claims: BookingTokenClaims, key: string): string {
  const unsigned = encodeKlv([
    ['01', 'V1'],
    ['02', claims.contractCode],
    ['03', 'onetwogo'],
    ['04', claims.cartId],
    ['05', String(claims.seats)],
    ['06', claims.uniqueId],
    ['07', claims.clientId],
    ['08', String(claims.issuedAt)],
  ]);
  return unsigned + encodeKlv([['09', signatureOf(unsigned, key)]]);
}

export function encodeBookingToken(claims: BookingTokenClaims, key: string): string {
  return encipher(bookingTokenKlv(claims, key));
}

const UNIQUE_ALPHABET = 'abcdefghijklmnopqrstuvwxyz0123456789';

export function newUniqueId(): string {
  let out = '';
  for (let i = 0; i < 12; i++) out += UNIQUE_ALPHABET[randomInt(UNIQUE_ALPHABET.length)];
  return out;
}

/**
 * Decodes and verifies a token for `pathClientId` at `nowSec` (docs/contract/ids.md#booking-tokens). Undecodable or tampered → `invalid`
 * (400 invalid_booking_token); too old → `expired`; bound to another client → `foreign_client`
 * (both 404 booking_token_expired, indistinguishable from an unknown token, docs/contract/README.md D1).
 */
export function decodeBookingToken(
  received: string,
  pathClientId: string,
  nowSec: number,
  keys: BookingTokenKeys,
): TokenDecodeResult {
  const normalised = normaliseInboundId(received);
  if (normalised === null) return { ok: false, error: 'invalid', reason: 'undecodable_percent_encoding' };
  let candidates: string[];
  if (normalised.startsWith(ENCIPHERED_KLV_PREFIX)) {
    candidates = CIPHER_ALPHABET_VARIANTS.map((alphabet) => decipher(normalised, alphabet));
  } else if (normalised.startsWith(PLAIN_KLV_PREFIX)) {
    candidates = [normalised];
  } else {
    return { ok: false, error: 'invalid', reason: 'unrecognised_format' };
  }
  let last: TokenDecodeResult = { ok: false, error: 'invalid', reason: 'bad_klv' };
  for (const klv of candidates) {
    const result = checkCandidate(klv, pathClientId, nowSec, keys);
    if (result.ok) return result;
    // A structurally valid and signed token that is expired or foreign is final: no other variant can differ.
    if (result.error !== 'invalid') return result;
    last = result;
  }
  return last;
}

function checkCandidate(
  klv: string,
  pathClientId: string,
  nowSec: number,
  keys: BookingTokenKeys,
): TokenDecodeResult {
  const records = parseKlv(klv);
  if (!records) return { ok: false, error: 'invalid', reason: 'bad_klv' };
  if (records.get('01') !== 'V1') return { ok: false, error: 'invalid', reason: 'bad_version' };
  if ((records.get('03') ?? '').toLowerCase() !== 'onetwogo')
    return { ok: false, error: 'invalid', reason: 'foreign_integration' };
  const cartId = records.get('04') ?? '';
  if (cartId === '') return { ok: false, error: 'invalid', reason: 'no_cart' };
  const seatsText = records.get('05') ?? '';
  if (!/^[1-9][0-9]{0,2}$/.test(seatsText) || Number(seatsText) > 100)
    return { ok: false, error: 'invalid', reason: 'bad_seats' };
  const seats = Number(seatsText);
  const signature = records.get('09');
  if (signature === undefined) {
    if (!keys.acceptLegacy) return { ok: false, error: 'invalid', reason: 'legacy_token_rejected' };
    return { ok: true, cartId, seats, clientId: null, legacy: true, issuedAt: null };
  }
  const sigIndex = signedPartEnd(klv);
  if (sigIndex < 0) return { ok: false, error: 'invalid', reason: 'bad_klv' };
  const signed = klv.slice(0, sigIndex);
  const valid = keys.hmacKeys.some((key) => safeEqual(signatureOf(signed, key), signature));
  if (!valid) return { ok: false, error: 'invalid', reason: 'bad_signature' };
  const clientId = records.get('07') ?? null;
  if (clientId !== null && clientId !== pathClientId)
    return { ok: false, error: 'foreign_client', reason: 'foreign_client' };
  const issuedText = records.get('08');
  if (issuedText === undefined || !/^\d{1,12}$/.test(issuedText))
    return { ok: false, error: 'invalid', reason: 'bad_issue_time' };
  const issuedAt = Number(issuedText);
  if (nowSec - issuedAt > keys.maxAgeSec) return { ok: false, error: 'expired', reason: 'expired' };
  return { ok: true, cartId, seats, clientId, legacy: false, issuedAt };
}

/** The signature covers the KLV text of keys 01–08, i.e. everything before the `09` record (the last one). */
function signedPartEnd(klv: string): number {
  let i = 0;
  while (i + 4 <= klv.length) {
    if (klv.slice(i, i + 2) === '09') return i;
    i += 4 + Number(klv.slice(i + 2, i + 4));
  }
  return -1;
}

function safeEqual(a: string, b: string): boolean {
  const x = Buffer.from(a);
  const y = Buffer.from(b);
  return x.length === y.length && timingSafeEqual(x, y);
}
