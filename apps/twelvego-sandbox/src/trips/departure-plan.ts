import {
  ClassSeed,
  DEPARTURES,
  DepartureSeed,
  OperatorSeed,
  SegmentSeed,
  Vehicle,
  classById,
  operatorById,
  stationById,
  stationProvince,
} from '../catalog/seed-data';
import { buildTripKey } from './trip-key';

/**
 * Date-independent facts of one timetable departure (docs/upstream-12go.md#seed-data-and-trips), with scenario overrides (docs/upstream-12go.md#scenario-trips) applied.
 * Built once at module load.
 */
export interface DeparturePlan {
  index: number;
  seed: DepartureSeed;
  tripKey: string;
  routeName: string;
  from: number;
  to: number;
  time: string;
  durationMin: number;
  /** Leg trip keys, aligned with `seed.segments` (`''` for waits). */
  legKeys: string[];
  operators: OperatorSeed[];
  firstOperator: OperatorSeed;
  firstClass: ClassSeed;
  vehicles: Vehicle[];
  capacity: number;
  sellerId: number;
  agfeeRate: number;
  confirmationTime: number;
  cancellation: 0 | 1 | 2;
  liveChecked: boolean;
  priceRestriction: number;
  /** Air fares keep 2 decimals; all others are whole THB. */
  decimalFares: boolean;
  scenario?: string;
  /** Scenario seats override (SOLDOU 0, LASTST 1, others 40). */
  fixedSeats?: number;
  /** Scenario net overrides in THB cents: [search, validated]. */
  fixedNetCents?: [number, number];
}

const SCENARIO_PENDING = new Set(['OKPEND', 'PENDFL']);
const SCENARIO_LIVE = new Set(['RECHK1', 'RECHKN']);

function rides(seed: DepartureSeed): Array<Extract<SegmentSeed, { type: 'route' }>> {
  return seed.segments.filter((s): s is Extract<SegmentSeed, { type: 'route' }> => s.type === 'route');
}

function mustClass(id: number): ClassSeed {
  const c = classById.get(id);
  if (!c) throw new Error(`seed: unknown class ${id}`);
  return c;
}

function mustOperator(id: number): OperatorSeed {
  const o = operatorById.get(id);
  if (!o) throw new Error(`seed: unknown operator ${id}`);
  return o;
}

function addMinutes(hhmm: string, minutes: number): string {
  const [h, m] = hhmm.split(':').map(Number);
  const total = (((h * 60 + m + minutes) % 1440) + 1440) % 1440;
  return `${String(Math.floor(total / 60)).padStart(2, '0')}:${String(total % 60).padStart(2, '0')}`;
}

function buildPlan(seed: DepartureSeed, index: number): DeparturePlan {
  const legs = rides(seed);
  const first = legs[0];
  const last = legs[legs.length - 1];
  const firstOperator = mustOperator(first.operatorId);
  const firstClass = mustClass(first.classId);
  const operators = [...new Map(legs.map((l) => [l.operatorId, mustOperator(l.operatorId)])).values()];
  const country = stationProvince(first.from).country;
  const from = first.from;
  const to = last.to;
  const tripKey = buildTripKey({
    country,
    fromStationId: from,
    toStationId: to,
    operatorId: firstOperator.id,
    vehicle: seed.connection ? 'connection' : firstOperator.vehicle,
    classId: firstClass.id,
    departure: seed.time,
    scenario: seed.scenario,
  });
  let offset = 0;
  const legKeys = seed.segments.map((segment) => {
    const start = offset;
    offset += segment.durationMin;
    if (segment.type === 'wait') return '';
    if (seed.segments.length === 1) return tripKey;
    const op = mustOperator(segment.operatorId);
    return buildTripKey({
      country: stationProvince(segment.from).country,
      fromStationId: segment.from,
      toStationId: segment.to,
      operatorId: op.id,
      vehicle: op.vehicle,
      classId: segment.classId,
      departure: addMinutes(seed.time, start),
    });
  });
  const scenario = seed.scenario;
  const vehicles = [...new Set(legs.map((l) => mustOperator(l.operatorId).vehicle))];
  return {
    index,
    seed,
    tripKey,
    routeName: `${stationProvince(from).name} - ${stationProvince(to).name}`,
    from,
    to,
    time: seed.time,
    durationMin: offset,
    legKeys,
    operators,
    firstOperator,
    firstClass,
    vehicles,
    capacity: Math.min(...legs.map((l) => mustClass(l.classId).capacity)),
    sellerId: firstOperator.sellerId,
    agfeeRate: firstOperator.agfeeRate,
    confirmationTime: scenario ? (SCENARIO_PENDING.has(scenario) ? 30 : 0) : firstOperator.confirmationTime,
    cancellation: scenario ? (scenario === 'NONREF' ? 0 : 1) : firstOperator.cancellation,
    liveChecked: scenario ? SCENARIO_LIVE.has(scenario) : firstOperator.liveChecked,
    priceRestriction: firstOperator.priceRestriction,
    decimalFares: legs.every((l) => mustOperator(l.operatorId).vehicle === 'avia'),
    scenario,
    fixedSeats: scenario ? (scenario === 'SOLDOU' ? 0 : scenario === 'LASTST' ? 1 : 40) : undefined,
    fixedNetCents: scenario ? [30000, scenario === 'PRICUP' ? 33000 : 30000] : undefined,
  };
}

export const DEPARTURE_PLANS: DeparturePlan[] = DEPARTURES.map(buildPlan);

export const planByTripKey = new Map(DEPARTURE_PLANS.map((p) => [p.tripKey, p]));

/** Stations of each seed station id, for validation of the plan table. */
export function assertSeedConsistency(): void {
  for (const plan of DEPARTURE_PLANS) {
    for (const s of plan.seed.segments) {
      if (!stationById.has(s.from) || !stationById.has(s.to))
        throw new Error(`seed: route ${plan.seed.routeId} has unknown stations`);
    }
  }
  if (planByTripKey.size !== DEPARTURE_PLANS.length) throw new Error('seed: duplicate trip keys');
}
