/**
 * The sandbox seed catalogue (docs/upstream-12go.md#seed-data-and-trips): the data lives in `seed/*.json`, this
 * file gives it types and lookups. The scenario route's departures (R16) come from seed/scenario-trips.json.
 */
import provincesJson from './seed/provinces.json';
import stationsJson from './seed/stations.json';
import operatorsJson from './seed/operators.json';
import classesJson from './seed/classes.json';
import departuresJson from './seed/departures.json';
import scenarioTripsJson from './seed/scenario-trips.json';

export type Vehicle = 'bus' | 'train' | 'ferry' | 'van' | 'avia' | 'charter';

export interface ProvinceSeed {
  id: number;
  name: string;
  country: string;
  utcOffsetHours: number;
  timeZone: string;
}

export interface StationSeed {
  id: number;
  provinceId: number;
  name: string;
  code: string;
  lat: number;
  lng: number;
  weight: number;
}

export interface OperatorSeed {
  id: number;
  name: string;
  vehicle: Vehicle;
  sellerId: number;
  agfeeRate: number;
  confirmationTime: number;
  cancellation: 0 | 1 | 2;
  rating: number;
  ratingCount: number;
  liveChecked: boolean;
  priceRestriction: number;
}

export type SeatLayoutVariant = 'A' | 'B' | 'C' | 'D';

export interface BaggageOptionSeed {
  value: string;
  text: string;
  priceThb: number;
}

export interface ClassSeed {
  id: number;
  name: string;
  capacity: number;
  amenities: string[];
  seatMap: SeatLayoutVariant | null;
  baggageOptions: BaggageOptionSeed[];
  ticketType: 'paper' | 'mobile' | 'pickup';
}

export const PROVINCES = provincesJson as ProvinceSeed[];
export const STATIONS = stationsJson as StationSeed[];
/** Operator 9999 is the scenario operator: confirmation, cancellation and live checks are set per scenario. */
export const OPERATORS = operatorsJson as OperatorSeed[];
export const CLASSES = classesJson as ClassSeed[];

/** One leg (ride) or a wait inside a departure; times are minutes after the departure's first leg. */
export type SegmentSeed =
  | {
      type: 'route';
      from: number;
      to: number;
      operatorId: number;
      classId: number;
      durationMin: number;
      officialId: string;
    }
  | { type: 'wait'; from: number; to: number; durationMin: number };

/** One daily departure of a route (docs/upstream-12go.md#seed-data-and-trips "Routes and timetables"). */
export interface DepartureSeed {
  routeId: string;
  time: string;
  /** Base net price per seat in THB (air fares with 2 decimals). */
  baseNet: number;
  segments: SegmentSeed[];
  /** A 12go-assembled multi-operator connection (only when `direct` is not true). */
  connection?: boolean;
  /** Scenario code of route R16 (docs/upstream-12go.md#scenario-trips). */
  scenario?: string;
}

/** The funnel step at which a scenario shows its behaviour. */
export type ScenarioStep = 'search' | 'itinerary' | 'booking' | 'confirm' | 'after confirm' | 'cancel';

/** One scenario trip of route R16 (docs/upstream-12go.md#scenario-trips): departure time, code, what it does. */
export interface ScenarioSeed {
  code: string;
  departs: string;
  step: ScenarioStep;
  effect: string;
}

export const SCENARIOS = scenarioTripsJson as ScenarioSeed[];

/** The scenario route's 9999 operator sells each scenario as one 120-minute ride 9001 → 9002 at 300 THB. */
const scenarioDeparture = ({ departs, code }: ScenarioSeed): DepartureSeed => ({
  routeId: 'R16',
  time: departs,
  baseNet: 300,
  scenario: code,
  segments: [
    {
      type: 'route',
      from: 9001,
      to: 9002,
      operatorId: 9999,
      classId: 2057,
      durationMin: 120,
      officialId: '',
    },
  ],
});

export const DEPARTURES: DepartureSeed[] = [
  ...(departuresJson as DepartureSeed[]),
  ...SCENARIOS.map(scenarioDeparture),
];

export const provinceById = new Map(PROVINCES.map((p) => [p.id, p]));
export const stationById = new Map(STATIONS.map((s) => [s.id, s]));
export const operatorById = new Map(OPERATORS.map((o) => [o.id, o]));
export const classById = new Map(CLASSES.map((c) => [c.id, c]));

/**
 * (operator, class) pairs whose inside photo the catalogue lists; the other classes have none, so searches
 * show both cases (route R01 sells classes 12 and 5894 with a photo, 14 and 16 without).
 */
export const CLASS_IMAGE_PAIRS: Array<[operatorId: number, classId: number]> = [
  [16779, 12],
  [16779, 5894],
  [231, 4],
  [5, 21],
];

/** 12go's CDN address of a class's inside photo. */
export const classInsideImageUrl = (operatorId: number, classId: number): string =>
  `https://cdn5.12go.asia/static/images/operator/${operatorId}/class/${classId}-inside.jpeg`;

export function stationProvince(stationId: number): ProvinceSeed {
  const station = stationById.get(stationId);
  const province = station && provinceById.get(station.provinceId);
  if (!province) throw new Error(`seed: unknown station ${stationId}`);
  return province;
}

export const stationSlug = (name: string): string => name.toLowerCase().replace(/[^a-z0-9]/g, '-');
