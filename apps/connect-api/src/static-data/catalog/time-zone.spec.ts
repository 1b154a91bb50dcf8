import { normaliseTimeZone } from './time-zone';

describe('normaliseTimeZone', () => {
  it.each([
    ['Asia/Bangkok', null, 'Asia/Bangkok'],
    ['UTC+7', 'TH', 'Asia/Bangkok'],
    ['UTC+8', 'MY', 'Asia/Kuala_Lumpur'],
    ['+07:00', 'LA', 'Asia/Vientiane'],
    ['UTC+7', 'MY', 'Etc/GMT-7'],
    ['GMT-3', null, 'Etc/GMT+3'],
    ['UTC', null, 'UTC'],
    ['GMT', null, 'Etc/UTC'],
    [7, 'KH', 'Asia/Phnom_Penh'],
    [undefined, 'TH', 'Asia/Bangkok'],
    [undefined, null, null],
    ['Mars/Olympus', null, null],
    ['UTC+5:30', null, null],
  ])('%j (%s) → %s', (value, country, expected) => {
    expect(normaliseTimeZone(value, country)).toBe(expected);
  });
});
