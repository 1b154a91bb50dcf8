import { SegmentSeed, stationProvince } from '../catalog/seed-data';
import { tripStream } from '../core/hashing';
import {
  MINUTE_MS,
  formatDateTime,
  instantToNaive,
  minutesOfDay,
  naiveToInstant,
  parseDate,
} from '../core/local-time';
import type { DeparturePlan } from './departure-plan';

export interface DatedSegment {
  seed: SegmentSeed;
  legKey: string;
  depInstant: number;
  arrInstant: number;
  /** Local wall-clock strings (departure at `from`, arrival at `to`). */
  depText: string;
  arrText: string;
}

/** One departure of a plan on one date with its generated price and inventory (docs/upstream-12go.md#seed-data-and-trips). */
export interface DatedDeparture {
  plan: DeparturePlan;
  date: string;
  depNaive: number;
  depInstant: number;
  arrInstant: number;
  depText: string;
  arrText: string;
  segments: DatedSegment[];
  /** Per-seat net in THB cents as search shows it while unvalidated. */
  searchNetCents: number;
  /** Per-seat net after a live check (purpose `recheck`); used by trip details, carts and bookings. */
  validatedNetCents: number;
  /** Seats before sandbox holds. */
  searchSeats: number;
  validatedSeats: number;
}

const offsetOf = (stationId: number): number => stationProvince(stationId).utcOffsetHours;

function roundNet(value: number, decimals: boolean): number {
  return decimals ? Math.round(value * 100) : Math.round(value) * 100;
}

/** Pure: depends only on (seed, plan, date). */
export function generateDatedDeparture(seed: number, plan: DeparturePlan, date: string): DatedDeparture {
  const day = parseDate(date);
  if (day === null) throw new Error(`invalid date ${date}`);
  const depNaive = day + minutesOfDay(plan.time) * MINUTE_MS;
  const depInstant = naiveToInstant(depNaive, offsetOf(plan.from));
  let cursor = depInstant;
  const segments = plan.seed.segments.map((segment, i): DatedSegment => {
    const start = cursor;
    cursor += segment.durationMin * MINUTE_MS;
    return {
      seed: segment,
      legKey: plan.legKeys[i],
      depInstant: start,
      arrInstant: cursor,
      depText: formatDateTime(instantToNaive(start, offsetOf(segment.from))),
      arrText: formatDateTime(instantToNaive(cursor, offsetOf(segment.to))),
    };
  });
  const draw = (purpose: string) => tripStream(seed, plan.tripKey, date, purpose);

  let searchNetCents: number;
  let validatedNetCents: number;
  let searchSeats: number;
  let validatedSeats: number;
  if (plan.fixedNetCents && plan.fixedSeats !== undefined) {
    [searchNetCents, validatedNetCents] = plan.fixedNetCents;
    searchSeats = validatedSeats = plan.fixedSeats;
  } else {
    searchNetCents = roundNet(plan.seed.baseNet * (0.92 + 0.16 * draw('price')()), plan.decimalFares);
    searchSeats = draw('soldout')() < 0.05 ? 0 : Math.floor(plan.capacity * (0.15 + 0.85 * draw('seats')()));
    if (plan.liveChecked) {
      const recheck = draw('recheck');
      validatedNetCents = roundNet((searchNetCents / 100) * (0.95 + 0.1 * recheck()), plan.decimalFares);
      validatedSeats = Math.max(0, searchSeats - Math.floor(recheck() * 4));
    } else {
      validatedNetCents = searchNetCents;
      validatedSeats = searchSeats;
    }
  }
  return {
    plan,
    date,
    depNaive,
    depInstant,
    arrInstant: cursor,
    depText: segments[0].depText,
    arrText: segments[segments.length - 1].arrText,
    segments,
    searchNetCents,
    validatedNetCents,
    searchSeats,
    validatedSeats,
  };
}

/** Memoises generated departures per (seed, plan, date) — generation never depends on request order. */
export class DatedDepartureCache {
  private readonly cache = new Map<string, DatedDeparture>();

  constructor(private readonly maxEntries = 50_000) {}

  get(seed: number, plan: DeparturePlan, date: string): DatedDeparture {
    const key = `${seed}|${plan.index}|${date}`;
    let hit = this.cache.get(key);
    if (!hit) {
      if (this.cache.size >= this.maxEntries) this.cache.clear();
      hit = generateDatedDeparture(seed, plan, date);
      this.cache.set(key, hit);
    }
    return hit;
  }
}
