import { buildTripKey } from './trip-key';

describe('buildTripKey', () => {
  it('builds the documented Mo Chit → Chiang Mai Arcade key', () => {
    expect(
      buildTripKey({
        country: 'TH',
        fromStationId: 4055,
        toStationId: 11553,
        operatorId: 231,
        vehicle: 'bus',
        classId: 4,
        departure: '20:00',
      }),
    ).toBe('TH013p030l03Jb004030KpBe');
  });

  it('builds the multi-leg flight key and its leg keys like the fixture', () => {
    expect(
      buildTripKey({
        country: 'TH',
        fromStationId: 5937,
        toStationId: 5939,
        operatorId: 5,
        vehicle: 'avia',
        classId: 21,
        departure: '06:40',
      }),
    ).toBe('TH01xL01xN005a00l02kCl7Z');
    expect(
      buildTripKey({
        country: 'TH',
        fromStationId: 5937,
        toStationId: 5943,
        operatorId: 5,
        vehicle: 'avia',
        classId: 21,
        departure: '06:40',
      }),
    ).toBe('TH01xL01xR005a00l03nAAWE');
  });

  it('uses the Z + code suffix for scenario trips', () => {
    const key = buildTripKey({
      country: 'TH',
      fromStationId: 9001,
      toStationId: 9002,
      operatorId: 9999,
      vehicle: 'bus',
      classId: 2057,
      departure: '05:00',
      scenario: 'OKINST',
    });
    expect(key).toBe('TH02lb02lc2Bhb0xbZOKINST');
    expect(key).toHaveLength(24);
  });

  it('marks connections with x', () => {
    const key = buildTripKey({
      country: 'TH',
      fromStationId: 4055,
      toStationId: 20301,
      operatorId: 231,
      vehicle: 'connection',
      classId: 4,
      departure: '18:00',
    });
    expect(key[13]).toBe('x');
    expect(key).toMatch(/^[A-Za-z0-9]{24}$/);
  });
});
