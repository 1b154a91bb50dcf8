import { forwardKey, LegacyBookingMapFileError, parseLegacyBookingMap } from './legacy-booking-map.parser';

const HEADER = 'legacy_booking_id,bid,client_id';

describe('parseLegacyBookingMap', () => {
  it('indexes the rows of the spec example both ways', () => {
    const idx = parseLegacyBookingMap(
      `${HEADER}\r\nXYXZ4YXZXbYZDLXaXfLKBQTLDLXbXfbfYcYdZaXcXfM9OQKBOU,48151623,partnerx\r\nA7fK2pQ9xZ,51234876,acme\r\n`,
    );
    expect(idx.errors).toEqual([]);
    expect(idx.forward.get(forwardKey('acme', 'A7fK2pQ9xZ'))).toBe('51234876');
    expect(
      idx.forward.get(forwardKey('partnerx', 'XYXZ4YXZXbYZDLXaXfLKBQTLDLXbXfbfYcYdZaXcXfM9OQKBOU')),
    ).toBe('48151623');
    expect(idx.forward.get(forwardKey('partnerx', 'A7fK2pQ9xZ'))).toBeUndefined();
    expect(idx.reverse.get('51234876')).toEqual({
      legacyBookingId: 'A7fK2pQ9xZ',
      bid: '51234876',
      clientId: 'acme',
    });
  });

  it('accepts the columns in another order', () => {
    const idx = parseLegacyBookingMap('client_id,legacy_booking_id,bid\nacme,SHORT00001,42\n');
    expect(idx.forward.get(forwardKey('acme', 'SHORT00001'))).toBe('42');
  });

  it('reports bad rows with their line numbers and still loads the rest', () => {
    const text = [
      HEADER, // 1
      'GOOD000001,1001,acme', // 2
      'BADBID0001,12a,acme', // 3
      ',1002,acme', // 4
      'NOCLIENT01,1003,', // 5
      'GOOD000001,1004,acme', // 6 duplicate pair
      'TOOFEW0001,1005', // 7
      'GOOD000001,1006,other', // 8 same legacy id, other client: fine
      '', // 9 blank
      'ZERO000001,000,acme', // 10
      `${'L'.repeat(513)},1007,acme`, // 11
      'GOOD000002,1001,acme', // 12 same bid: warning, loaded
      'GOOD000003,  0042 ,acme', // 13 leading zeros normalised
    ].join('\n');
    const idx = parseLegacyBookingMap(text);
    expect(idx.errors.map((e) => e.line)).toEqual([3, 4, 5, 6, 7, 10, 11]);
    expect(idx.errors.find((e) => e.line === 6)?.reason).toMatch(/duplicate.*line 2/);
    expect(idx.warnings).toEqual([{ line: 12, reason: expect.stringMatching(/line 2/) }]);
    expect(idx.forward.get(forwardKey('acme', 'GOOD000001'))).toBe('1001');
    expect(idx.forward.get(forwardKey('other', 'GOOD000001'))).toBe('1006');
    expect(idx.forward.get(forwardKey('acme', 'GOOD000002'))).toBe('1001');
    expect(idx.forward.get(forwardKey('acme', 'GOOD000003'))).toBe('42');
    expect(idx.forward.size).toBe(4);
    expect(idx.reverse.get('1001')?.legacyBookingId).toBe('GOOD000001');
  });

  it('never puts row content into problem reasons', () => {
    const idx = parseLegacyBookingMap(`${HEADER}\nSECRETISH1,notanumber,acme\n`);
    expect(JSON.stringify(idx.errors)).not.toContain('SECRETISH1');
    expect(JSON.stringify(idx.errors)).not.toContain('notanumber');
  });

  it('rejects a file without the required header', () => {
    expect(() => parseLegacyBookingMap('')).toThrow(LegacyBookingMapFileError);
    expect(() => parseLegacyBookingMap('legacy_booking_id,bid\nX,1\n')).toThrow(LegacyBookingMapFileError);
  });
});
