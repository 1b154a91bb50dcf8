import { SCENARIO_CODES } from './seed-data';

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

/** The funnel step at which a scenario shows its behaviour. */
export type ScenarioStep = 'search' | 'itinerary' | 'booking' | 'confirm' | 'after confirm' | 'cancel';

export interface ScenarioTripGuide {
  code: string;
  /** Local departure time on route 9001 → 9002 (every day in the sandbox's horizon). */
  departs: string;
  step: ScenarioStep;
  effect: string;
}

const EFFECTS: Record<string, { step: ScenarioStep; effect: string }> = {
  OKINST: { step: 'confirm', effect: 'Happy path: confirmation is instant (status confirmed).' },
  OKPEND: {
    step: 'confirm',
    effect: 'Confirmation goes through pending, then confirmed after the confirm delay.',
  },
  PENDFL: { step: 'confirm', effect: 'Confirmation goes through pending, then the operator declines.' },
  SOLDOU: { step: 'search', effect: 'Sold out: listed by 12go as unbookable, so search omits it.' },
  LASTST: { step: 'search', effect: 'One seat left: bookable for 1 passenger, omitted for 2 or more.' },
  GONE40: { step: 'itinerary', effect: 'Listed in search, then the trip is gone (12go answers 404).' },
  CART40: {
    step: 'itinerary',
    effect: 'Listed, but the operator no longer sells it: adding it to a cart is refused.',
  },
  CHKBAD: {
    step: 'itinerary',
    effect: 'The booking form (checkout) is refused: the trip is no longer available.',
  },
  RSVTNA: {
    step: 'booking',
    effect: 'Reservation refused (trip no longer available); no booking is created.',
  },
  RSV500: {
    step: 'booking',
    effect: '12go fails the reservation with a 500; no booking, the seat lock stays usable.',
  },
  RSVPRC: {
    step: 'booking',
    effect: 'The reserved booking costs 5 % more than the seat lock quoted (price change).',
  },
  CNFSLO: { step: 'confirm', effect: 'Confirmation answers late (SANDBOX_SLOW_CONFIRM_MS) but confirms.' },
  CNF500: {
    step: 'confirm',
    effect: 'Confirmation answers 500 although the booking is confirmed (webhook sent).',
  },
  RECHK1: {
    step: 'search',
    effect: 'Live-checked trip: search returns incomplete results until the recheck validates it.',
  },
  RECHKN: { step: 'search', effect: 'Live-checked trip whose recheck never validates it.' },
  PRICUP: {
    step: 'itinerary',
    effect: 'Search shows 300 THB net; trip details and the booking show 330 THB.',
  },
  ALLFLD: { step: 'itinerary', effect: 'The booking form asks for every known field (seat map layout D).' },
  PTSALT: {
    step: 'itinerary',
    effect: 'The booking form uses the alternative points_{trip}[pickup] field names.',
  },
  NONREF: { step: 'cancel', effect: 'Non-refundable: cancellation offers no refund option.' },
  RFDDLY: { step: 'cancel', effect: 'Refund accepted with a 120-minute delay.' },
  RFDFAI: { step: 'cancel', effect: 'Refund request fails at 12go.' },
  MALFRM: { step: 'itinerary', effect: 'Trip details answer 200 with a truncated (malformed) JSON body.' },
  OPCANC: {
    step: 'after confirm',
    effect: 'Confirmed, then cancelled by the operator after the confirm delay.',
  },
};

export const SCENARIO_TRIPS: ScenarioTripGuide[] = SCENARIO_CODES.map(([departs, code]) => {
  const entry = EFFECTS[code];
  if (!entry) throw new Error(`scenario ${code} has no description in scenario-guide.ts`);
  return { code, departs, ...entry };
});

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
