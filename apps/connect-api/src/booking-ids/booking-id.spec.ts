import { decodeKlvBookingId, normaliseBookingIdParam, resolveBookingId } from './booking-id';
import { encipher } from '../ids/shift-cipher';

// docs/contract/ids.md#cipher-and-klv worked example 4 (a legacy booking id of client `acme`, bid 1234567890)
const PLAIN = '0102V1020412go0308onetwogo041012345678900504acme';
const ENCIPHERED = 'XYXZ4YXZXbYZDLXaXfLKBQTLDLXbYXYZabcdefgXXcXb9/JB';

const noMap = () => undefined;

describe('normaliseBookingIdParam', () => {
  it.each(['7305521', 'A7fK2pQ9xZ', 'a-b_c=d', 'x'.repeat(512), ENCIPHERED])('accepts %s', (id) => {
    expect(normaliseBookingIdParam(id)).toBe(id);
  });

  it('percent-decodes up to twice', () => {
    expect(normaliseBookingIdParam('XYXZ4YXZXbYZDLXaXfLKBQTLDLXbYXYZabcdefgXXcXb9%2FJB')).toBe(ENCIPHERED);
    expect(normaliseBookingIdParam('XYXZ4YXZXbYZDLXaXfLKBQTLDLXbYXYZabcdefgXXcXb9%252FJB')).toBe(ENCIPHERED);
  });

  it.each(['', 'abc$', 'a b', 'x'.repeat(513), '12%ZZ', '%25252F', 'ab/cd', 'a+b', 'a.b', '12345\u00e9'])(
    'rejects %j',
    (id) => {
      expect(normaliseBookingIdParam(id)).toBeNull();
    },
  );
});

describe('decodeKlvBookingId', () => {
  it('decodes the spec example for its own client only', () => {
    expect(encipher(PLAIN)).toBe(ENCIPHERED);
    expect(decodeKlvBookingId(ENCIPHERED, 'acme')).toBe('1234567890');
    expect(decodeKlvBookingId(PLAIN, 'acme')).toBe('1234567890');
    expect(decodeKlvBookingId(ENCIPHERED, 'other')).toBeNull();
  });

  it('decodes an id enciphered with a fallback alphabet', () => {
    const urlSafe = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_';
    const id = encipher(PLAIN, urlSafe);
    expect(id).not.toBe(ENCIPHERED);
    expect(decodeKlvBookingId(id, 'acme')).toBe('1234567890');
  });

  it.each([
    ['another integration', '0102V1020412go0308otherint041012345678900504acme'],
    ['a non-numeric 04', '0102V1020412go0308onetwogo0410123456789X0504acme'],
    ['trailing bytes', `${PLAIN}9`],
    ['no 05', '0102V1020412go0308onetwogo04101234567890'],
  ])('rejects %s', (_n, plain) => {
    expect(decodeKlvBookingId(plain, 'acme')).toBeNull();
    expect(decodeKlvBookingId(encipher(plain), 'acme')).toBeNull();
  });

  it('accepts the integration name in any case', () => {
    expect(decodeKlvBookingId('0102V1020412go0308OneTwoGo041012345678900504acme', 'acme')).toBe('1234567890');
  });
});

describe('resolveBookingId', () => {
  const map = new Map([
    ['acme|A7fK2pQ9xZ', '51234876'],
    ['acme|1234567890', '999'], // an all-digit short id
    [`acme|${ENCIPHERED}`, '777'],
  ]);
  const lookup = (c: string, id: string) => map.get(`${c}|${id}`);

  it('resolves a native bid', () => {
    expect(resolveBookingId('7305521', 'acme', noMap)).toEqual({ bid: '7305521', source: 'native' });
  });

  it('resolves a mapped short id for its own client only', () => {
    expect(resolveBookingId('A7fK2pQ9xZ', 'acme', lookup)).toEqual({ bid: '51234876', source: 'mapping' });
    expect(resolveBookingId('A7fK2pQ9xZ', 'other', lookup)).toBeNull();
  });

  it('looks up the mapping file before treating digits as a native bid', () => {
    expect(resolveBookingId('1234567890', 'acme', lookup)).toEqual({ bid: '999', source: 'mapping' });
    expect(resolveBookingId('1234567890', 'other', lookup)).toEqual({ bid: '1234567890', source: 'native' });
  });

  it('enciphers a plain KLV id before the file lookup', () => {
    expect(resolveBookingId(PLAIN, 'acme', lookup)).toEqual({ bid: '777', source: 'mapping' });
  });

  it('decodes KLV when the file has no row', () => {
    expect(resolveBookingId(ENCIPHERED, 'acme', noMap)).toEqual({ bid: '1234567890', source: 'klv' });
    expect(resolveBookingId(ENCIPHERED, 'other', noMap)).toBeNull();
  });

  it.each(['0123', 'A7fK2pQ9xZ', '12345678901234567890', 'XYXZ4Ygarbage'])(
    'answers not found for %s',
    (id) => {
      expect(resolveBookingId(id, 'acme', noMap)).toBeNull();
    },
  );
});
