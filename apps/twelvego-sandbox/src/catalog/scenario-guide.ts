import { SCENARIOS, type ScenarioSeed } from './seed-data';

export type { ScenarioStep } from './seed-data';

/**
 * What every scenario trip and magic passenger name does, for partners (`GET /__sandbox/scenarios`,
 * docs/sandbox.md — test/sandbox/scenario-guide.e2e-spec.ts keeps the two equal). Pure data; the
 * behaviour itself lives where the code says (booking.service, checkout, refund.service, …).
 */

export const SCENARIO_ROUTE = {
  from_station_id: 9001,
  to_station_id: 9002,
  from_station: 'Sandbox Terminal A',
  to_station: 'Sandbox Terminal B',
  operator_id: 9999,
  operator: 'Sandbox Test Lines',
} as const;

/** A scenario trip as the guide lists it (its data: seed/scenario-trips.json). */
export type ScenarioTripGuide = ScenarioSeed;

export const SCENARIO_TRIPS: ScenarioTripGuide[] = SCENARIOS;

/** Last names (any case) of the first passenger that change what happens on any trip. */
export const MAGIC_PASSENGER_NAMES: Array<{ last_name: string; effect: string }> = [
  {
    last_name: 'SANDBOXPENDING',
    effect: 'Confirmation goes through pending, then confirmed, even on an instant trip.',
  },
  { last_name: 'SANDBOXDECLINE', effect: 'Confirmation goes through pending, then the operator declines.' },
  {
    last_name: 'SANDBOXCANCEL',
    effect: 'Confirmed, then cancelled by the operator after the confirm delay.',
  },
];

export const MAGIC_LAST_NAMES: ReadonlySet<string> = new Set(MAGIC_PASSENGER_NAMES.map((m) => m.last_name));

/** The `GET /__sandbox/scenarios` body. */
export function scenarioGuide(): {
  route: typeof SCENARIO_ROUTE;
  how_to_reach: string;
  trips: ScenarioTripGuide[];
  magic_passenger_names: typeof MAGIC_PASSENGER_NAMES;
} {
  return {
    route: SCENARIO_ROUTE,
    how_to_reach:
      'Search departures=9001, arrivals=9002 on any date in the sandbox horizon; each scenario is the departure at ' +
      'its time, and its code is the last six characters of the 12go trip key (itinerary ids contain "Z<code>"). ' +
      "Magic names work on any trip: use them as the first passenger's last name when booking.",
    trips: SCENARIO_TRIPS,
    magic_passenger_names: MAGIC_PASSENGER_NAMES,
  };
}
