import { hourBucket, hourBuckets, mergeShadowBuckets, pathMember } from './shadow-report.view';

describe('shadow report view', () => {
  it('names hourly buckets in UTC and lists them bounded', () => {
    expect(hourBucket(new Date('2026-12-02T13:59:59Z'))).toBe('2026120213');
    expect(hourBuckets(new Date('2026-12-02T11:30:00Z'), new Date('2026-12-02T13:05:00Z'), 10)).toEqual([
      '2026120211',
      '2026120212',
      '2026120213',
    ]);
    expect(hourBuckets(new Date('2026-01-01T00:00:00Z'), new Date('2026-12-02T13:05:00Z'), 5)).toHaveLength(
      5,
    );
  });

  it('merges buckets per endpoint, sums counts, keeps the first example and the top paths', () => {
    const a = pathMember('search', 'format', 'itineraries[].id');
    const b = pathMember('search', 'missing_key', 'vehicles[].name');
    const report = mergeShadowBuckets(
      [
        {
          counts: { 'search:compared': '3', 'search:differing': '2' },
          paths: [[a, 2]],
          examples: {
            [a]: JSON.stringify({ baseline: 'itinerary-id:native', candidate: 'itinerary-id:cipher' }),
          },
        },
        {
          counts: { 'search:compared': '1', 'static_data:compared': '4' },
          paths: [
            [a, 1],
            [b, 1],
          ],
          examples: {},
        },
      ],
      1,
    );
    expect(report).toEqual([
      {
        endpoint: 'search',
        compared: 4,
        differing: 2,
        top_paths: [
          {
            path: 'itineraries[].id',
            kind: 'format',
            count: 3,
            example: { baseline: 'itinerary-id:native', candidate: 'itinerary-id:cipher' },
          },
        ],
      },
      { endpoint: 'static_data', compared: 4, differing: 0, top_paths: [] },
    ]);
  });
});
