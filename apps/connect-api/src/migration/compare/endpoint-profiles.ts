import {
  BOOKING_STATUSES,
  CONFIRMATION_TYPES,
  IMAGE_TYPES,
  PRICE_TYPES,
  STATION_TRANSPORTATION_TYPES,
  TICKET_TYPES,
  TRANSPORTATION_TYPES,
} from '../../contract/openapi/schemas/enums.schemas';

/**
 * What the comparison knows about each endpoint's answer: which string fields are enums (and their
 * members), which values are stable enough to compare, and how items of object arrays are paired.
 */
export type EndpointKind =
  'search' | 'get_itinerary' | 'static_data' | 'booking_details' | 'ticket' | 'other';

export const ENDPOINT_KINDS: readonly EndpointKind[] = [
  'search',
  'get_itinerary',
  'static_data',
  'booking_details',
  'ticket',
  'other',
];

/** Enum fields by the last segments of their normalised path (a suffix match). */
const ENUMS: Record<EndpointKind, Array<[string, readonly string[]]>> = {
  search: [
    ['pricing.gross_price.price_type', PRICE_TYPES],
    ['pricing.net_price.price_type', PRICE_TYPES],
    ['itineraries[].confirmation_type', CONFIRMATION_TYPES],
    ['itineraries[].ticket_type', TICKET_TYPES],
    ['segments[].transportation_types[]', TRANSPORTATION_TYPES],
    ['images[].type', IMAGE_TYPES],
  ],
  get_itinerary: [
    ['price_type', PRICE_TYPES],
    ['confirmation_type', CONFIRMATION_TYPES],
    ['ticket_type', TICKET_TYPES],
    ['transportation_types[]', TRANSPORTATION_TYPES],
    ['images[].type', IMAGE_TYPES],
  ],
  static_data: [
    ['transportation_types[]', STATION_TRANSPORTATION_TYPES],
    ['images[].type', IMAGE_TYPES],
  ],
  booking_details: [
    ['status', BOOKING_STATUSES],
    ['ticket_type', TICKET_TYPES],
  ],
  ticket: [],
  other: [],
};

/** Fields whose values (not only shapes) must agree; everything else may legitimately differ. */
const STABLE: Record<EndpointKind, readonly string[]> = {
  search: [
    'segments[].from_station',
    'segments[].to_station',
    'segments[].departure_time',
    'segments[].arrival_time',
    'segments[].travel_duration',
    'segments[].operating_carrier_id',
    'segments[].seat_class_id',
    'itineraries[].pricing.gross_price.currency',
    'itineraries[].pricing.net_price.currency',
    'itineraries[].pricing.taxes_and_fees.currency',
  ],
  get_itinerary: [],
  static_data: [],
  booking_details: ['status'],
  ticket: [],
  other: [],
};

export interface EndpointProfile {
  kind: EndpointKind;
  enumAt(path: string): readonly string[] | undefined;
  isStable(path: string): boolean;
}

const PROFILES = new Map<EndpointKind, EndpointProfile>();
/** Distinct paths remembered per profile (answers have few); beyond it lookups are just not memoised. */
const MAX_MEMO_PATHS = 5000;

export function endpointProfile(kind: EndpointKind): EndpointProfile {
  const known = PROFILES.get(kind);
  if (known) return known;
  const enums = ENUMS[kind];
  const stable = new Set(STABLE[kind]);
  const enumByPath = new Map<string, readonly string[] | undefined>();
  const profile: EndpointProfile = {
    kind,
    enumAt: (path) => {
      if (enumByPath.has(path)) return enumByPath.get(path);
      const members = enums.find(([suffix]) => path === suffix || path.endsWith(`.${suffix}`))?.[1];
      if (enumByPath.size < MAX_MEMO_PATHS) enumByPath.set(path, members);
      return members;
    },
    isStable: (path) => stable.has(path),
  };
  PROFILES.set(kind, profile);
  return profile;
}

/**
 * Which endpoint a request is, from its method and raw path (`/v1/{client_id}/…`, query ignored).
 * Used by shadow mode (safe reads only) and the replay CLI (profile choice).
 */
export function endpointOf(method: string, rawPath: string): EndpointKind {
  const path = rawPath.split('?')[0];
  const m = /^\/v1\/[^/]+\/(.*)$/.exec(path);
  if (!m) return 'other';
  const rest = m[1];
  const get = method.toUpperCase() === 'GET';
  if (!get) return 'other';
  if (rest === 'itineraries') return 'search';
  if (rest.startsWith('itineraries/')) return 'get_itinerary';
  if (/^(stations|operating_carriers|pois)(\/GetList)?$/.test(rest)) return 'static_data';
  if (/^bookings\/[^/]+$/.test(rest)) return 'booking_details';
  if (/^bookings\/[^/]+\/ticket$/.test(rest)) return 'ticket';
  return 'other';
}

/** Reads that never write upstream and may run a second time through the BFF (GetItinerary creates a cart). */
export const SHADOW_SAFE_ENDPOINTS: ReadonlySet<EndpointKind> = new Set([
  'search',
  'static_data',
  'booking_details',
  'ticket',
]);
