import { ownerRecordTtlSeconds } from './booking-owner.ttl';

const DAY = 86_400;
const now = new Date('2026-05-01T00:00:00Z');

describe('ownerRecordTtlSeconds', () => {
  it('lives until departure + grace days', () => {
    expect(ownerRecordTtlSeconds('2026-06-10 12:00:00', now, 30)).toBe(40 * DAY + 12 * 3600 + 30 * DAY);
    expect(ownerRecordTtlSeconds('2026-06-10T12:00:00', now, 30)).toBe(70 * DAY + 12 * 3600);
  });
  it('never goes below 30 days', () => {
    expect(ownerRecordTtlSeconds('2026-04-01 08:00:00', now, 30)).toBe(30 * DAY);
    expect(ownerRecordTtlSeconds(null, now, 0)).toBe(30 * DAY);
  });
  it('never goes above 400 days', () => {
    expect(ownerRecordTtlSeconds('2028-01-01 00:00:00', now, 30)).toBe(400 * DAY);
    // 370 days ahead + 30 grace is exactly the ceiling; one day more is clamped to it
    expect(ownerRecordTtlSeconds('2027-05-06 00:00:00', now, 30)).toBe(400 * DAY);
    expect(ownerRecordTtlSeconds('2027-05-05 00:00:00', now, 30)).toBe(399 * DAY);
  });
  it('treats an unknown departure as now', () => {
    expect(ownerRecordTtlSeconds('soon', now, 60)).toBe(60 * DAY);
  });
});
