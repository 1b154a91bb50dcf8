import { encodeKlv, parseKlv } from './klv';
import { percentEncode, normaliseInboundId } from './percent-encoding';
import {
  CIPHER_ALPHABET,
  CIPHER_ALPHABET_VARIANTS,
  ENCIPHERED_KLV_PREFIX,
  PLAIN_KLV_PREFIX,
  decipher,
  encipher,
} from './shift-cipher';

/**
 * Itinerary ids (docs/contract/ids.md#itinerary-ids D10).
 * - `native` (default): the bare 12go product id `{tripKey}-{yyyy-MM-dd}-{HH:mm}`, plus `~{N}` for N ≥ 2.
 * - `cipher`: the previous platform's enciphered KLV (keys 01–06), raw in JSON.
 * - `plain`: the KLV unenciphered, percent-encoded in JSON.
 * Decoding accepts every form for every client.
 */
export type ItineraryIdMode = 'native' | 'cipher' | 'plain';

export interface ItineraryRef {
  tripKey: string;
  /** Local departure date of the first segment, `yyyy-MM-dd`. */
  departureDate: string;
  /** Local departure time of the first segment, `HH:mm`. */
  departureTime: string;
  /** Seat count N (1–100). */
  seats: number;
}

export interface ItineraryIdEncodeInput extends ItineraryRef {
  mode: ItineraryIdMode;
  /** KLV key 02; default `12go`. */
  contractCode?: string;
  /** KLV key 06, UTC `yyyy-MM-ddTHH:mm:ssZ`; required for `cipher`/`plain`. */
  searchTime?: string;
}

export interface EncodedItineraryId {
  /** The identifier itself (native string, enciphered or plain KLV). */
  id: string;
  /** What the JSON response carries for this client mode. */
  jsonValue: string;
  /** The percent-encoded form a client puts into a URL path. */
  pathSegment: string;
}

export type ItineraryIdForm = 'native' | 'cipher' | 'plain';

export interface DecodedItineraryId extends ItineraryRef {
  form: ItineraryIdForm;
  /** KLV key 02 (KLV forms only). */
  contractCode?: string;
  /** KLV key 06, or null when absent (KLV forms only). */
  searchTime?: string | null;
}

export type ItineraryIdRejectReason =
  | 'undecodable_percent_encoding'
  | 'bad_klv'
  | 'bad_version'
  | 'foreign_integration'
  | 'internal_variant_unsupported'
  | 'bad_product_id'
  | 'bad_seats'
  | 'unrecognised_format'
  | 'bad_pax';

export type ItineraryIdDecodeResult =
  | { ok: true; value: DecodedItineraryId }
  /** `status` 404 → `itinerary_not_found`; 400 (only `bad_pax`) → `validation_error` on `pax`. */
  | { ok: false; status: 404 | 400; reason: ItineraryIdRejectReason };

export const DEFAULT_CONTRACT_CODE = '12go';
export const INTEGRATION_ID = 'onetwogo';
const MAX_SEATS = 100;

const PRODUCT_ID_RE = /^([A-Za-z0-9]{1,80})-([0-9]{4}-[0-9]{2}-[0-9]{2})-([0-9]{2}:[0-9]{2})$/;
const NATIVE_ID_RE =
  /^([A-Za-z0-9]{1,80})-([0-9]{4}-[0-9]{2}-[0-9]{2})-([0-9]{2}:[0-9]{2})(?:~([0-9]{1,3}))?$/;
const SEATS_RE = /^[1-9][0-9]{0,2}$/;
const TRIP_KEY_RE = /^[A-Za-z0-9]{1,80}$/;

/** `{tripKey}-{yyyy-MM-dd}-{HH:mm}`: 12go's own product id. */
export function formatProductId(
  ref: Pick<ItineraryRef, 'tripKey' | 'departureDate' | 'departureTime'>,
): string {
  return `${ref.tripKey}-${ref.departureDate}-${ref.departureTime}`;
}

/** The native id: product id plus `~{N}` when N ≥ 2. */
export function formatNativeItineraryId(ref: ItineraryRef): string {
  const product = formatProductId(ref);
  return ref.seats >= 2 ? `${product}~${ref.seats}` : product;
}

/**
 * Only what the JSON response carries for this client mode (`jsonValue` of encodeItineraryId); search
 * maps every trip through this, so it skips the path form nobody reads there.
 */
export function encodeItineraryIdJsonValue(input: ItineraryIdEncodeInput): string {
  if (input.mode !== 'native') return encodeItineraryId(input).jsonValue;
  assertEncodable(input);
  return formatNativeItineraryId(input);
}

export function encodeItineraryId(input: ItineraryIdEncodeInput): EncodedItineraryId {
  assertEncodable(input);
  if (input.mode === 'native') {
    const id = formatNativeItineraryId(input);
    return { id, jsonValue: id, pathSegment: percentEncode(id) };
  }
  if (!input.searchTime) throw new RangeError('searchTime is required for KLV itinerary ids');
  const klv = encodeKlv([
    ['01', 'V1'],
    ['02', input.contractCode || DEFAULT_CONTRACT_CODE],
    ['03', INTEGRATION_ID],
    ['04', formatProductId(input)],
    ['05', String(input.seats)],
    ['06', input.searchTime],
  ]);
  if (input.mode === 'plain')
    return { id: klv, jsonValue: percentEncode(klv), pathSegment: percentEncode(klv) };
  const id = encipher(klv, CIPHER_ALPHABET);
  return { id, jsonValue: id, pathSegment: percentEncode(id) };
}

/**
 * Decodes an itinerary id as the web framework hands it over (one layer of percent-encoding already removed).
 * `queryPax` is the optional `pax` query parameter, used only for bare product ids without `~N`.
 */
export function decodeItineraryId(
  received: string,
  queryPax?: string | number | null,
): ItineraryIdDecodeResult {
  const value = normaliseInboundId(received);
  if (value === null) return reject('undecodable_percent_encoding');

  if (value.startsWith(ENCIPHERED_KLV_PREFIX)) {
    let first: ItineraryIdDecodeResult | undefined;
    for (const alphabet of CIPHER_ALPHABET_VARIANTS) {
      const result = checkKlv(decipher(value, alphabet), 'cipher');
      if (result.ok) return result;
      first ??= result;
    }
    return first!;
  }
  if (value.startsWith(PLAIN_KLV_PREFIX)) return checkKlv(value, 'plain');

  const m = NATIVE_ID_RE.exec(value);
  if (!m) return reject('unrecognised_format');
  let seats: number;
  if (m[4] !== undefined) {
    if (!SEATS_RE.test(m[4]) || Number(m[4]) > MAX_SEATS) return reject('bad_seats');
    seats = Number(m[4]);
  } else if (queryPax !== undefined && queryPax !== null && queryPax !== '') {
    const pax = String(queryPax).trim();
    if (!/^[0-9]{1,3}$/.test(pax) || Number(pax) < 1 || Number(pax) > MAX_SEATS) {
      return { ok: false, status: 400, reason: 'bad_pax' };
    }
    seats = Number(pax);
  } else {
    seats = 1;
  }
  if (!isRealDateTime(m[2], m[3])) return reject('bad_product_id');
  return {
    ok: true,
    value: { form: 'native', tripKey: m[1], departureDate: m[2], departureTime: m[3], seats },
  };
}

/** The datetime path part of 12go's trip-details and add-to-cart calls: `yyyy-MM-dd-HH-mm-00`. */
export function toTwelveGoDateTime(ref: Pick<ItineraryRef, 'departureDate' | 'departureTime'>): string {
  return `${ref.departureDate}-${ref.departureTime.replace(':', '-')}-00`;
}

function checkKlv(plain: string, form: 'cipher' | 'plain'): ItineraryIdDecodeResult {
  const klv = parseKlv(plain);
  if (!klv) return reject('bad_klv');
  if (klv.get('01') !== 'V1') return reject('bad_version');
  const integration = klv.get('03');
  if (integration === undefined || integration.toLowerCase() !== INTEGRATION_ID)
    return reject('foreign_integration');
  const product = klv.get('04');
  if (product === undefined) return reject('bad_product_id');
  if (product.startsWith('internal_')) return reject('internal_variant_unsupported');
  const m = PRODUCT_ID_RE.exec(product);
  if (!m || !isRealDateTime(m[2], m[3])) return reject('bad_product_id');
  const seatsText = klv.get('05');
  if (seatsText === undefined || !SEATS_RE.test(seatsText) || Number(seatsText) > MAX_SEATS)
    return reject('bad_seats');
  return {
    ok: true,
    value: {
      form,
      tripKey: m[1],
      departureDate: m[2],
      departureTime: m[3],
      seats: Number(seatsText),
      contractCode: klv.get('02') ?? DEFAULT_CONTRACT_CODE,
      searchTime: klv.get('06') ?? null,
    },
  };
}

const DAYS_IN_MONTH = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

/** `yyyy-MM-dd` and `HH:mm`, already matched as digits by the caller: a real calendar date and clock time. */
function isRealDateTime(date: string, time: string): boolean {
  const mo = twoDigits(date, 5);
  const d = twoDigits(date, 8);
  if (twoDigits(time, 0) > 23 || twoDigits(time, 3) > 59 || mo < 1 || mo > 12 || d < 1) return false;
  if (d <= DAYS_IN_MONTH[mo - 1]) return true;
  if (mo !== 2 || d !== 29) return false;
  let y = twoDigits(date, 0) * 100 + twoDigits(date, 2);
  if (y < 100) y += 1900; // as Date.UTC reads two-digit years (the previous implementation)
  return y % 4 === 0 && (y % 100 !== 0 || y % 400 === 0);
}

function twoDigits(text: string, at: number): number {
  return (text.charCodeAt(at) - 48) * 10 + (text.charCodeAt(at + 1) - 48);
}

function assertEncodable(input: ItineraryIdEncodeInput): void {
  if (!TRIP_KEY_RE.test(input.tripKey))
    throw new RangeError(`trip key is not [A-Za-z0-9]{1,80}: "${input.tripKey}"`);
  if (
    !/^[0-9]{4}-[0-9]{2}-[0-9]{2}$/.test(input.departureDate) ||
    !/^[0-9]{2}:[0-9]{2}$/.test(input.departureTime) ||
    !isRealDateTime(input.departureDate, input.departureTime)
  ) {
    throw new RangeError(`bad departure ${input.departureDate} ${input.departureTime}`);
  }
  if (!Number.isInteger(input.seats) || input.seats < 1 || input.seats > MAX_SEATS)
    throw new RangeError(`bad seat count ${input.seats}`);
}

function reject(reason: ItineraryIdRejectReason): ItineraryIdDecodeResult {
  return { ok: false, status: 404, reason };
}
