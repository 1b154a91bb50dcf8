import { DEPARTURE_PLANS, assertSeedConsistency, planByTripKey } from './departure-plan';
import { generateDatedDeparture } from './dated-departure';

const plan = (key: string) => {
  const p = planByTripKey.get(key);
  if (!p) throw new Error(`no plan ${key}`);
  return p;
};

describe('trip generation (docs/upstream-12go.md#seed-data-and-trips)', () => {
  it('has a consistent seed with unique trip keys', () => {
    expect(() => assertSeedConsistency()).not.toThrow();
    expect(DEPARTURE_PLANS.length).toBe(35 + 23);
  });

  it('is a pure function of (seed, plan, date)', () => {
    const p = plan('TH013p030l03Jb004030KpBe');
    expect(generateDatedDeparture(12, p, '2026-05-14')).toEqual(generateDatedDeparture(12, p, '2026-05-14'));
    const other = DEPARTURE_PLANS.map((x) => generateDatedDeparture(13, x, '2026-05-14').searchNetCents);
    const base = DEPARTURE_PLANS.map((x) => generateDatedDeparture(12, x, '2026-05-14').searchNetCents);
    expect(other).not.toEqual(base);
  });

  it('prices within base × [0.92, 1.08]: whole THB for ground transport, 2 decimals for air', () => {
    for (const p of DEPARTURE_PLANS.filter((x) => !x.scenario)) {
      for (const date of ['2026-05-14', '2026-06-01', '2026-07-01']) {
        const d = generateDatedDeparture(12, p, date);
        expect(d.searchNetCents).toBeGreaterThanOrEqual(Math.floor(p.seed.baseNet * 92) - 100);
        expect(d.searchNetCents).toBeLessThanOrEqual(Math.ceil(p.seed.baseNet * 108) + 100);
        if (!p.decimalFares) expect(d.searchNetCents % 100).toBe(0);
        expect(d.searchSeats).toBeLessThanOrEqual(p.capacity);
        if (d.searchSeats > 0) expect(d.searchSeats).toBeGreaterThanOrEqual(Math.floor(p.capacity * 0.15));
        if (p.liveChecked) {
          expect(Math.abs(d.validatedNetCents - d.searchNetCents)).toBeLessThanOrEqual(
            Math.ceil(d.searchNetCents * 0.05) + 100,
          );
          expect(d.searchSeats - d.validatedSeats).toBeLessThanOrEqual(3);
          expect(d.validatedSeats).toBeGreaterThanOrEqual(0);
        } else {
          expect(d.validatedNetCents).toBe(d.searchNetCents);
        }
      }
    }
  });

  it('converts arrivals into the arrival station time zone (R14 to Penang, UTC+8)', () => {
    const r14 = DEPARTURE_PLANS.find((p) => p.seed.routeId === 'R14' && p.time === '08:00');
    const d = generateDatedDeparture(12, r14!, '2026-05-14');
    expect([d.depText, d.arrText]).toEqual(['2026-05-14 08:00:00', '2026-05-14 12:30:00']);
    expect(d.arrInstant - d.depInstant).toBe(210 * 60_000);
  });

  it('builds the multi-leg flight with a wait and its own leg keys', () => {
    const d = generateDatedDeparture(12, plan('TH01xL01xN005a00l02kCl7Z'), '2026-05-14');
    expect(d.segments.map((s) => [s.seed.type, s.legKey, s.depText, s.arrText])).toEqual([
      ['route', 'TH01xL01xR005a00l03nAAWE', '2026-05-14 06:40:00', '2026-05-14 07:45:00'],
      ['wait', '', '2026-05-14 07:45:00', '2026-05-14 08:55:00'],
      ['route', 'TH01xR01xN005a00l02eGh1a', '2026-05-14 08:55:00', '2026-05-14 09:50:00'],
    ]);
  });

  it('applies scenario overrides', () => {
    const ok = generateDatedDeparture(12, plan('TH02lb02lc2Bhb0xbZOKINST'), '2026-05-14');
    expect([ok.searchNetCents, ok.validatedNetCents, ok.searchSeats]).toEqual([30000, 30000, 40]);
    expect(generateDatedDeparture(12, plan('TH02lb02lc2Bhb0xbZPRICUP'), '2026-05-14').validatedNetCents).toBe(
      33000,
    );
    expect(generateDatedDeparture(12, plan('TH02lb02lc2Bhb0xbZSOLDOU'), '2026-05-14').searchSeats).toBe(0);
    expect(generateDatedDeparture(12, plan('TH02lb02lc2Bhb0xbZLASTST'), '2026-05-14').searchSeats).toBe(1);
    expect(plan('TH02lb02lc2Bhb0xbZOKPEND').confirmationTime).toBe(30);
    expect(plan('TH02lb02lc2Bhb0xbZNONREF').cancellation).toBe(0);
    expect(plan('TH02lb02lc2Bhb0xbZRECHK1').liveChecked).toBe(true);
  });
});
