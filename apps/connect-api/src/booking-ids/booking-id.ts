import { normaliseInboundId } from '../ids/percent-encoding';
import { parseKlv } from '../ids/klv';
import {
  CIPHER_ALPHABET,
  CIPHER_ALPHABET_VARIANTS,
  decipher,
  encipher,
  ENCIPHERED_KLV_PREFIX,
  PLAIN_KLV_PREFIX,
} from '../ids/shift-cipher';

/** docs/contract/ids.md#booking-ids. */
const CONTRACT_ID_RE = /^[A-Za-z0-9_=-]{1,512}$/;
/** Enciphered KLV ids of the previous platform may hold `+` and `/` (cipher alphabet A, docs/contract/ids.md#cipher-and-klv). */
const ENCIPHERED_ID_RE = /^XYXZ4Y[A-Za-z0-9_=+/-]{0,506}$/;
/** docs/contract/ids.md#booking-ids. */
export const NATIVE_BOOKING_ID_RE = /^[1-9][0-9]{0,18}$/;

/**
 * Path parameter → the id as the partner meant it (docs/contract/ids.md#cipher-and-klv inbound normalisation), or null
 * when malformed (→ 400 validation_error).
 */
export function normaliseBookingIdParam(raw: string | undefined): string | null {
  if (typeof raw !== 'string' || raw === '') return null;
  const id = normaliseInboundId(raw);
  if (id === null) return null;
  return CONTRACT_ID_RE.test(id) || ENCIPHERED_ID_RE.test(id) ? id : null;
}

/** Forward lookup in the legacy mapping file, scoped to the calling client. */
export type LegacyForwardLookup = (clientId: string, legacyBookingId: string) => string | undefined;

export type BookingIdSource = 'mapping' | 'native' | 'klv';

export interface ResolvedBookingId {
  bid: string;
  source: BookingIdSource;
}

function bidFromKlvText(plain: string, clientId: string): string | null {
  const klv = parseKlv(plain);
  if (!klv) return null;
  const integration = klv.get('03');
  const bid = klv.get('04');
  if (!integration || integration.toLowerCase() !== 'onetwogo') return null;
  if (!bid || !/^[0-9]{1,19}$/.test(bid) || /^0+$/.test(bid)) return null;
  if (klv.get('05') !== clientId) return null;
  return bid.replace(/^0+/, '');
}

/** docs/contract/ids.md#booking-ids step 4: decode a (plain or enciphered) KLV booking id owned by `clientId`. */
export function decodeKlvBookingId(id: string, clientId: string): string | null {
  if (id.startsWith(PLAIN_KLV_PREFIX)) return bidFromKlvText(id, clientId);
  if (!id.startsWith(ENCIPHERED_KLV_PREFIX)) return null;
  for (const alphabet of CIPHER_ALPHABET_VARIANTS) {
    const bid = bidFromKlvText(decipher(id, alphabet), clientId);
    if (bid) return bid;
  }
  return null;
}

/**
 * docs/contract/ids.md#booking-ids steps 2–5 on a normalised id: mapping file (plain KLV enciphered first, since the
 * file holds the partner-visible form), then native bid, then KLV decoding. null → 404 booking_not_found.
 */
export function resolveBookingId(
  id: string,
  clientId: string,
  lookup: LegacyForwardLookup,
): ResolvedBookingId | null {
  const fileKey = id.startsWith(PLAIN_KLV_PREFIX) ? encipher(id, CIPHER_ALPHABET) : id;
  const mapped = lookup(clientId, fileKey) ?? (fileKey !== id ? lookup(clientId, id) : undefined);
  if (mapped) return { bid: mapped, source: 'mapping' };
  if (NATIVE_BOOKING_ID_RE.test(id)) return { bid: id, source: 'native' };
  const klvBid = decodeKlvBookingId(id, clientId);
  return klvBid ? { bid: klvBid, source: 'klv' } : null;
}
