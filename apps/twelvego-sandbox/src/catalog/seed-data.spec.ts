import {
  CLASS_IMAGE_PAIRS,
  DEPARTURES,
  SCENARIOS,
  classById,
  operatorById,
  provinceById,
  stationById,
  STATIONS,
} from './seed-data';

/** The seed is JSON (seed/*.json), which the compiler does not check: this does. */
describe('sandbox seed data', () => {
  it('every station lies in a known province', () => {
    expect(STATIONS.filter((s) => !provinceById.has(s.provinceId)).map((s) => s.id)).toEqual([]);
  });

  it('every departure rides between known stations with a known operator and class', () => {
    const broken = DEPARTURES.flatMap((d) =>
      d.segments
        .filter((s) =>
          s.type === 'route'
            ? !stationById.has(s.from) ||
              !stationById.has(s.to) ||
              !operatorById.has(s.operatorId) ||
              !classById.has(s.classId)
            : !stationById.has(s.from) || !stationById.has(s.to),
        )
        .map(() => `${d.routeId} ${d.time}`),
    );
    expect(broken).toEqual([]);
    expect(
      DEPARTURES.every((d) => /^\d{2}:\d{2}$/.test(d.time) && d.baseNet > 0 && d.segments.length > 0),
    ).toBe(true);
  });

  it('scenario trips have unique six-character codes, distinct times and a known funnel step', () => {
    const steps = new Set(['search', 'itinerary', 'booking', 'confirm', 'after confirm', 'cancel']);
    expect(
      SCENARIOS.every((s) => /^[A-Z0-9]{6}$/.test(s.code) && steps.has(s.step) && s.effect.length > 0),
    ).toBe(true);
    expect(new Set(SCENARIOS.map((s) => s.code)).size).toBe(SCENARIOS.length);
    expect(new Set(SCENARIOS.map((s) => s.departs)).size).toBe(SCENARIOS.length);
    expect(DEPARTURES.filter((d) => d.scenario).map((d) => d.scenario)).toEqual(SCENARIOS.map((s) => s.code));
  });

  it('class photos name known operator and class pairs', () => {
    expect(CLASS_IMAGE_PAIRS.every(([o, c]) => operatorById.has(o) && classById.has(c))).toBe(true);
  });
});
