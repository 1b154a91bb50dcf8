/* eslint-disable @typescript-eslint/no-explicit-any -- JSON documents of the API and the spec are walked dynamically */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import {
  decodeItineraryId,
  encodeItineraryId,
  encodeItineraryIdJsonValue,
  formatNativeItineraryId,
  toTwelveGoDateTime,
  ItineraryIdMode,
} from './itinerary-id';
import { CIPHER_ALPHABET, decipher, encipher } from './shift-cipher';
import { encodeKlv, parseKlv } from './klv';
import { normaliseInboundId, percentEncode } from './percent-encoding';

interface VectorCase {
  name: string;
  direction: 'encode' | 'decode';
  input: Record<string, any>;
  expected: Record<string, any>;
}
const VECTORS = JSON.parse(
  readFileSync(
    join(__dirname, '../../../../test/fixtures/booking-schema/itinerary-id-vectors.json'),
    'utf8',
  ),
) as {
  cipher: {
    alphabet_primary: string;
    shift: number;
    effective_shift: number;
    examples: { plain: string; enciphered: string }[];
  };
  cases: VectorCase[];
};

describe('itinerary-id vectors (fixtures/booking-schema/itinerary-id-vectors.json)', () => {
  it('has all 21 cases', () => expect(VECTORS.cases).toHaveLength(21));

  it('uses the documented alphabet and shift', () => {
    expect(VECTORS.cipher.alphabet_primary).toBe(CIPHER_ALPHABET);
    expect(VECTORS.cipher.shift % 64).toBe(VECTORS.cipher.effective_shift);
  });

  it.each(VECTORS.cipher.examples.map((e) => [e.plain, e.enciphered]))(
    'enciphers %s ↔ %s',
    (plain, enciphered) => {
      expect(encipher(plain)).toBe(enciphered);
      expect(decipher(enciphered)).toBe(plain);
    },
  );

  const encodeCases = VECTORS.cases.filter((c) => c.direction === 'encode');
  it.each(encodeCases.map((c) => [c.name, c]))('encode: %s', (_name, c) => {
    const input = c.input;
    const encoded = encodeItineraryId({
      mode: input.mode as ItineraryIdMode,
      contractCode: input.contract_code,
      tripKey: input.trip_key,
      departureDate: input.departure_date,
      departureTime: input.departure_time,
      seats: input.seats,
      searchTime: input.search_time,
    });
    expect(encoded.id).toBe(c.expected.id);
    expect(encoded.jsonValue).toBe(c.expected.json_value);
    expect(encoded.pathSegment).toBe(c.expected.path_segment);
    const plain = input.mode === 'cipher' ? decipher(encoded.id) : encoded.id;
    expect(plain).toBe(c.expected.klv);
    // Round trip: the framework removes one encoding layer from the path segment.
    const back = decodeItineraryId(decodeURIComponent(encoded.pathSegment));
    expect(back).toEqual({
      ok: true,
      value: expect.objectContaining({
        tripKey: input.trip_key,
        seats: input.seats,
        contractCode: input.contract_code,
        searchTime: input.search_time,
      }),
    });
  });

  const decodeCases = VECTORS.cases.filter((c) => c.direction === 'decode');
  it.each(decodeCases.map((c) => [c.name, c]))('decode: %s', (_name, c) => {
    const result = decodeItineraryId(c.input.path_segment_as_received, c.input.query_pax);
    if (c.expected.status === 200) {
      expect(result.ok).toBe(true);
      if (!result.ok) return;
      const v = result.value;
      expect(v.form).toBe(c.expected.form);
      expect(v.tripKey).toBe(c.expected.trip_key);
      expect(v.departureDate).toBe(c.expected.departure_date);
      expect(v.departureTime).toBe(c.expected.departure_time);
      expect(v.seats).toBe(c.expected.seats);
      if ('contract_code' in c.expected) expect(v.contractCode).toBe(c.expected.contract_code);
      if ('search_time' in c.expected) expect(v.searchTime).toBe(c.expected.search_time);
      expect(`/trip/${v.tripKey}/${toTwelveGoDateTime(v)}?seats=${v.seats}`).toBe(
        c.expected.twelvego_trip_details_path,
      );
    } else {
      expect(result).toEqual({ ok: false, status: c.expected.status, reason: c.expected.reason });
    }
  });
});

describe('native itinerary ids (docs/contract/README.md D10)', () => {
  const ref = { tripKey: 'TH000300044mDt00c01hdkRw', departureDate: '2026-04-01', departureTime: '18:57' };

  it('is the bare product id for one passenger and adds ~N for more', () => {
    expect(formatNativeItineraryId({ ...ref, seats: 1 })).toBe('TH000300044mDt00c01hdkRw-2026-04-01-18:57');
    expect(formatNativeItineraryId({ ...ref, seats: 2 })).toBe('TH000300044mDt00c01hdkRw-2026-04-01-18:57~2');
    expect(encodeItineraryId({ ...ref, seats: 100, mode: 'native' })).toEqual({
      id: 'TH000300044mDt00c01hdkRw-2026-04-01-18:57~100',
      jsonValue: 'TH000300044mDt00c01hdkRw-2026-04-01-18:57~100',
      pathSegment: 'TH000300044mDt00c01hdkRw-2026-04-01-18%3A57~100',
    });
  });

  it('decodes ~N, which wins over the pax query parameter', () => {
    expect(decodeItineraryId('TH000300044mDt00c01hdkRw-2026-04-01-18:57~2', '5')).toEqual({
      ok: true,
      value: { form: 'native', ...ref, seats: 2 },
    });
    expect(decodeItineraryId('TH000300044mDt00c01hdkRw-2026-04-01-18%3A57~3')).toMatchObject({
      ok: true,
      value: { seats: 3 },
    });
    expect(decodeItineraryId('TH000300044mDt00c01hdkRw-2026-04-01-18%253A57~3')).toMatchObject({
      ok: true,
      value: { seats: 3 },
    });
  });

  it('rejects bad native ids with 404', () => {
    for (const bad of [
      'TH000300044mDt00c01hdkRw-2026-04-01-18:57~0',
      'TH000300044mDt00c01hdkRw-2026-04-01-18:57~101',
      'TH000300044mDt00c01hdkRw-2026-02-30-18:57',
      'TH000300044mDt00c01hdkRw-2026-04-01-24:00',
      'TH000300044mDt00c01hdkRw-2026-04-01-18:57~',
      'TH0003-0044-2026-04-01-18:57',
      '',
    ]) {
      const r = decodeItineraryId(bad);
      expect({ bad, ok: r.ok, status: r.ok ? 200 : r.status }).toEqual({ bad, ok: false, status: 404 });
    }
  });

  it('treats pax 0, 101 and non-numbers as a 400', () => {
    for (const pax of ['0', '101', 'abc', '-1']) {
      expect(decodeItineraryId('TH000300044mDt00c01hdkRw-2026-04-01-18:57', pax)).toEqual({
        ok: false,
        status: 400,
        reason: 'bad_pax',
      });
    }
  });

  it('refuses to encode what it could not decode', () => {
    expect(() => encodeItineraryId({ ...ref, tripKey: 'a-b', seats: 1, mode: 'native' })).toThrow(RangeError);
    expect(() => encodeItineraryId({ ...ref, seats: 0, mode: 'native' })).toThrow(RangeError);
    expect(() => encodeItineraryId({ ...ref, seats: 1, mode: 'cipher' })).toThrow(RangeError); // no searchTime
  });
});

describe('primitives', () => {
  it('KLV round-trips and rejects malformed input', () => {
    const klv = encodeKlv([
      ['01', 'V1'],
      ['02', 'abc'],
    ]);
    expect(klv).toBe('0102V10203abc');
    expect(parseKlv(klv)).toEqual(
      new Map([
        ['01', 'V1'],
        ['02', 'abc'],
      ]),
    );
    expect(parseKlv('0102V10205abc')).toBeNull();
    expect(parseKlv('0102V10203abc0')).toBeNull();
    expect(parseKlv('0102V10102V2')).toBeNull();
    expect(() => encodeKlv([['01', 'x'.repeat(100)]])).toThrow();
    expect(() => encodeKlv([['01', 'é']])).toThrow();
  });

  it('percent-encodes strictly (RFC 3986 unreserved only, upper-case hex)', () => {
    expect(percentEncode("a+b/c:d!'()*~._-")).toBe('a%2Bb%2Fc%3Ad%21%27%28%29%2A~._-');
  });

  it('normalises inbound ids: at most two decode rounds, spaces to +', () => {
    expect(normaliseInboundId('a%252Bb')).toBe('a+b');
    expect(normaliseInboundId('a%25252Bb')).toBeNull();
    expect(normaliseInboundId('a b')).toBe('a+b');
    expect(normaliseInboundId('a%')).toBeNull();
    expect(normaliseInboundId('%E0%A4%A')).toBeNull();
  });
});

describe('calendar checks and the JSON-only encoder (performance changes)', () => {
  const ref = { tripKey: 'abc123', departureTime: '07:05', seats: 2 };
  it('accepts real dates only, leap years included', () => {
    for (const [date, ok] of [
      ['2024-02-29', true],
      ['2000-02-29', true],
      ['2100-02-29', false],
      ['2026-02-29', false],
      ['2026-02-28', true],
      ['2026-04-31', false],
      ['2026-12-31', true],
      ['2026-13-01', false],
      ['2026-00-10', false],
      ['2026-01-00', false],
    ] as const) {
      expect(decodeItineraryId(`abc123-${date}-07:05`).ok).toBe(ok);
      const encode = () => encodeItineraryId({ ...ref, mode: 'native', departureDate: date });
      if (ok) expect(encode).not.toThrow();
      else expect(encode).toThrow(RangeError);
    }
    expect(decodeItineraryId('abc123-2026-01-01-24:00').ok).toBe(false);
    expect(decodeItineraryId('abc123-2026-01-01-23:60').ok).toBe(false);
    expect(decodeItineraryId('abc123-2026-01-01-23:59').ok).toBe(true);
  });
  it('encodeItineraryIdJsonValue is the jsonValue of encodeItineraryId in every mode', () => {
    for (const mode of ['native', 'cipher', 'plain'] as const) {
      for (const seats of [1, 2, 100]) {
        const input = {
          ...ref,
          seats,
          mode,
          departureDate: '2026-03-05',
          searchTime: '2026-03-01T10:00:00Z',
        };
        expect(encodeItineraryIdJsonValue(input)).toBe(encodeItineraryId(input).jsonValue);
      }
    }
    expect(() => encodeItineraryIdJsonValue({ ...ref, mode: 'native', departureDate: '2026-02-30' })).toThrow(
      RangeError,
    );
  });
});
