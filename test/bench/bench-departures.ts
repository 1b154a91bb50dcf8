import { DEPARTURES, type DepartureSeed } from '../../apps/twelvego-sandbox/src/catalog/seed-data';

/** Bench route: Mo Chit (4055) → Chiang Mai Railway Station (4), operator 231, every 10 min, classes 4/6. */
export const BENCH_FROM_STATION = 4055;
export const BENCH_TO_STATION = 4;
export const BENCH_DEPARTURE_COUNT = 144;

function hhmm(minutes: number): string {
  return `${String(Math.floor(minutes / 60)).padStart(2, '0')}:${String(minutes % 60).padStart(2, '0')}`;
}

/**
 * The seed timetable has at most a dozen trips per search; P1 of the benchmarks needs ≥ 100. This adds a
 * bench-only route to the sandbox's in-memory seed before its departure plans are built (it must run
 * before anything imports the sandbox's trip modules). Only the bench sandbox process calls it.
 */
export function addBenchDepartures(): void {
  if (DEPARTURES.some((d) => d.routeId === 'RBENCH')) return;
  for (let i = 0; i < BENCH_DEPARTURE_COUNT; i++) {
    const classId = i % 2 === 0 ? 4 : 6;
    const seed: DepartureSeed = {
      routeId: 'RBENCH',
      time: hhmm(i * 10),
      baseNet: 400 + (i % 7) * 10,
      segments: [
        {
          type: 'route',
          from: BENCH_FROM_STATION,
          to: BENCH_TO_STATION,
          operatorId: 231,
          classId,
          durationMin: 600 + (i % 5) * 5,
          officialId: '',
        },
      ],
    };
    DEPARTURES.push(seed);
  }
}
