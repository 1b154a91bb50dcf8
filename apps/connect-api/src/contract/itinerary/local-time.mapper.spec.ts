import { isoDurationFromMinutes, minutesBetween, parseWallClock, toLocalMinutes } from './local-time.mapper';
import { toConfirmationType, toPriceType, toTicketType, toTransportationType } from './trip-enums.mapper';

describe('local time', () => {
  it('drops seconds and keeps local wall-clock time', () => {
    expect(toLocalMinutes('2026-04-01 18:57:00')).toBe('2026-04-01T18:57');
    expect(toLocalMinutes('2026-04-01T18:57:30')).toBe('2026-04-01T18:57');
    expect(toLocalMinutes('2026-04-01 18:57')).toBe('2026-04-01T18:57');
    expect(toLocalMinutes('18:57')).toBeNull();
    expect(parseWallClock(null)).toBeNull();
  });
  it('reads the usual form without a regex exactly as the full grammar does', () => {
    expect(parseWallClock('2026-04-01 18:57:00')).toEqual({ date: '2026-04-01', time: '18:57' });
    expect(parseWallClock('2026-04-01T18:57:00')).toEqual({ date: '2026-04-01', time: '18:57' });
    expect(parseWallClock(' 2026-04-01 18:57:00 ')).toEqual({ date: '2026-04-01', time: '18:57' });
    expect(parseWallClock('2026-04-01 18:57:00.250')).toEqual({ date: '2026-04-01', time: '18:57' });
    for (const bad of [
      '2026-04-01x18:57:00',
      '2026-04-01 18:57:0x',
      '2026/04/01 18:57:00',
      '2026-04-01 18-57-00',
      '２026-04-01 18:57:00',
    ])
      expect(parseWallClock(bad)).toBeNull();
  });
  it('formats durations in hours and minutes only', () => {
    expect(isoDurationFromMinutes(738)).toBe('PT12H18M');
    expect(isoDurationFromMinutes(45)).toBe('PT45M');
    expect(isoDurationFromMinutes(2880)).toBe('PT48H');
    expect(isoDurationFromMinutes(1565)).toBe('PT26H5M');
    expect(isoDurationFromMinutes(0)).toBe('PT0M');
  });
  it('measures minutes between two wall-clock times of one station', () => {
    expect(minutesBetween('2026-05-12 07:00:00', '2026-05-14 07:00:00')).toBe(2880);
    expect(minutesBetween('bad', '2026-05-14 07:00:00')).toBeNull();
  });
});

describe('enumerations (docs/contract/values.md#enumerations)', () => {
  it('maps vehicle classes to the closed transportation set', () => {
    expect(
      ['bus', 'train', 'ferry', 'van', 'avia', 'charter', 'AVIA', 'zeppelin', undefined].map(
        toTransportationType,
      ),
    ).toEqual(['Bus', 'Train', 'Ferry', 'Van', 'Airplane', 'Van', 'Airplane', 'Bus', 'Bus']);
  });
  it('maps ticket, confirmation and price types', () => {
    expect(['paper', 'mobile', 'pickup', 'unknown', ''].map(toTicketType)).toEqual([
      'PaperTicket',
      'ShowOnScreen',
      'PickUp',
      undefined,
      undefined,
    ]);
    expect([0, 30, null].map(toConfirmationType)).toEqual(['Instant', 'Pending', 'Instant']);
    expect([0, 1, 2, 3, 9].map(toPriceType)).toEqual(['Recommended', 'Exact', 'Min', 'Max', 'Recommended']);
  });
});
