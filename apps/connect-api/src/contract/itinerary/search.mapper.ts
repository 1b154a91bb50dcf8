import type {
  TwelveGoClass,
  TwelveGoMap,
  TwelveGoSearchResponse,
  TwelveGoSegment,
  TwelveGoTravelOption,
  TwelveGoTrip,
} from '@app/twelvego-client';
import { encodeItineraryIdJsonValue, type ItineraryIdMode } from '../../ids/itinerary-id';
import type { ClientMarkup } from '../../pricing';
import { mapCancellationPolicies } from './cancellation-policies.mapper';
import type { Itinerary, SeatClass, Segment, SearchResponse, Vehicle, Image } from './search-response';
import { mapItineraryPricing } from './itinerary-pricing.mapper';
import { isoDurationFromMinutes, parseWallClock, toLocalMinutes } from './local-time.mapper';
import { toConfirmationType, toTicketType, toTransportationType } from './trip-enums.mapper';

/** Everything besides the 12go payload that shapes a search result for one client and request. */
export interface SearchMappingContext {
  /** Passengers searched for (pricing totals, `~N` of native ids, KLV key 05). */
  pax: number;
  itineraryIdFormat: ItineraryIdMode;
  /** KLV key 02 for cipher/plain ids. */
  contractCode: string;
  /** UTC `yyyy-MM-ddTHH:mm:ssZ` (KLV key 06). */
  searchTime: string;
  markup: ClientMarkup | null;
  /** 12go station id → client station id (docs/contract/ids.md#station-operator-and-poi-ids). */
  clientStationId: (twelveGoStationId: number) => string;
  /** 12go operator id → client operator id. */
  clientOperatorId: (twelveGoOperatorId: number) => string;
  /** Seat-class photos when a catalogue knows them; 12go search carries none (→ `images: null`). */
  seatClassImages?: (twelveGoOperatorId: number, classId: number) => Image[] | null;
}

/** One mapped trip: the itinerary plus the segments and vehicles it references. */
export interface MappedTrip {
  itinerary: Itinerary;
  segments: Segment[];
  vehicles: Vehicle[];
}

/**
 * 12go search responses (one per searched place pair) → one contract SearchResponse (docs/contract/values.md#itinerary-segment-and-vehicle, docs/contract/endpoints.md#search).
 * Unsellable or hidden trips are omitted; itineraries, segments and vehicles are de-duplicated by id and
 * seat classes merged per vehicle.
 */
export function mapSearchResponses(
  responses: readonly TwelveGoSearchResponse[],
  ctx: SearchMappingContext,
): SearchResponse {
  const itineraries = new Map<string, Itinerary>();
  const segments = new Map<string, Segment>();
  const vehicles = new Map<string, Vehicle>();
  for (const response of responses) {
    for (const trip of response.trips ?? []) {
      const mapped = mapTrip(trip, response.classes, ctx);
      if (!mapped || itineraries.has(mapped.itinerary.id)) continue;
      itineraries.set(mapped.itinerary.id, mapped.itinerary);
      for (const s of mapped.segments) if (!segments.has(s.id)) segments.set(s.id, s);
      for (const v of mapped.vehicles) mergeVehicle(vehicles, v);
    }
  }
  return {
    vehicles: [...vehicles.values()],
    segments: [...segments.values()],
    itineraries: [...itineraries.values()],
  };
}

/** True when the search is incomplete (12go listed recheck URLs). */
export function hasPendingRecheck(responses: readonly TwelveGoSearchResponse[]): boolean {
  return responses.some((r) => Array.isArray(r.recheck) && r.recheck.length > 0);
}

/** One 12go trip → itinerary + segments + vehicles; null when it cannot be sold or shown. */
export function mapTrip(
  trip: TwelveGoTrip,
  classes: TwelveGoMap<TwelveGoClass> | undefined,
  ctx: SearchMappingContext,
): MappedTrip | null {
  if (trip.params?.hide === true) return null;
  const option = pickTravelOption(trip.travel_options);
  if (!option) return null;
  const pricing = mapItineraryPricing(option, ctx.pax, ctx.markup);
  if (!pricing) return null;

  const rides = (trip.segments ?? []).filter((s) => s.type === 'route');
  if (rides.length === 0) return null;
  const tripVehclass = trip.params?.vehclasses?.[0];
  const segments: Segment[] = [];
  const vehicles: Vehicle[] = [];
  for (const ride of rides) {
    const mapped = mapSegment(ride, option, tripVehclass, classes, ctx);
    if (!mapped) return null;
    segments.push(mapped.segment);
    vehicles.push(mapped.vehicle);
  }

  const departure = parseWallClock(rides[0].dep_time) ?? parseWallClock(trip.params?.dep_time);
  if (!departure) return null;
  let id: string;
  try {
    id = encodeItineraryIdJsonValue({
      mode: ctx.itineraryIdFormat,
      contractCode: ctx.contractCode,
      tripKey: trip.id,
      departureDate: departure.date,
      departureTime: departure.time,
      seats: ctx.pax,
      searchTime: ctx.searchTime,
    });
  } catch {
    return null; // a trip key we could not decode again later is not offered
  }

  const seats = Number.isInteger(option.bookable) && option.bookable >= 0 ? option.bookable : undefined;
  const ticketType = toTicketType(option.ticket_type);
  // Keys in the documented order (docs/contract/values.md#itinerary-segment-and-vehicle); optional ones omitted, never null. Assigned in
  // that order (insertion order is the JSON order) rather than spread: search builds one per trip.
  const itinerary = {
    id,
    departure_segments: segments.map((s) => s.id),
    connection_guaranteed:
      rides.length === 1 || (trip.segments ?? []).every((s) => s.connection_guaranteed !== false),
    cancellation_policies: mapCancellationPolicies(option, rides[0].dep_time),
  } as Itinerary;
  if (seats !== undefined) itinerary.number_of_available_seats = seats;
  itinerary.pricing = pricing;
  itinerary.confirmation_type = toConfirmationType(option.confirmation_time);
  if (ticketType) itinerary.ticket_type = ticketType;
  return { itinerary, segments, vehicles };
}

/** The cheapest sellable option (12go may list several; the sandbox lists one). */
export function pickTravelOption(
  options: readonly TwelveGoTravelOption[] | undefined,
): TwelveGoTravelOption | null {
  let best: TwelveGoTravelOption | null = null;
  for (const option of options ?? []) {
    if (!isSellable(option)) continue;
    if (!best || Number(option.netprice.value) < Number(best.netprice.value)) best = option;
  }
  return best;
}

function isSellable(option: TwelveGoTravelOption): boolean {
  const bookable = option.is_bookable as unknown;
  const flag = bookable === true || Number(bookable) === 1;
  return flag && !option.reason && option.netprice?.value !== null && option.netprice?.value !== undefined;
}

function mapSegment(
  ride: TwelveGoSegment,
  option: TwelveGoTravelOption,
  tripVehclass: string | undefined,
  classes: TwelveGoMap<TwelveGoClass> | undefined,
  ctx: SearchMappingContext,
): { segment: Segment; vehicle: Vehicle } | null {
  const departure = toLocalMinutes(ride.dep_time);
  const arrival = toLocalMinutes(ride.arr_time);
  if (!departure || !arrival) return null;
  const transport = toTransportationType(ride.vehclasses?.[0] ?? tripVehclass);
  const operatorId = ctx.clientOperatorId(ride.operator);
  const from = ctx.clientStationId(ride.from);
  const to = ctx.clientStationId(ride.to);
  const classId = String(ride.class);
  const vehicleId = `${operatorId}-${transport}`;
  const segment: Segment = {
    id: `${operatorId}-${from}-${to}-${departure}-${arrival}-${classId}`,
    from_station: from,
    to_station: to,
    departure_time: departure,
    arrival_time: arrival,
    travel_duration: isoDurationFromMinutes(ride.duration),
    vehicle_id: vehicleId,
    operating_carrier_id: operatorId,
    seat_class_id: classId,
    transportation_types: [transport],
  };
  const classInfo = lookup(classes, classId);
  const seatClass: SeatClass = {
    id: classId,
    name: classInfo?.name ?? '',
    description: '',
    keywords: null,
    images: ctx.seatClassImages?.(ride.operator, ride.class) ?? null,
    // Amenities are per travel option; they describe the option's class.
    amenities: ride.class === option.class ? [...(option.amenities ?? [])] : [],
  };
  const vehicle: Vehicle = {
    id: vehicleId,
    name: transport,
    seat_classes: [seatClass],
    images: null,
    description: null,
    keywords: null,
    amenities: null,
  };
  return { segment, vehicle };
}

function lookup<T>(map: TwelveGoMap<T> | undefined, key: string): T | undefined {
  if (!map || Array.isArray(map)) return undefined;
  return map[key];
}

function mergeVehicle(vehicles: Map<string, Vehicle>, incoming: Vehicle): void {
  const existing = vehicles.get(incoming.id);
  if (!existing) {
    vehicles.set(incoming.id, {
      ...incoming,
      seat_classes: incoming.seat_classes.map((c) => ({ ...c, amenities: [...c.amenities] })),
    });
    return;
  }
  for (const seatClass of incoming.seat_classes) {
    const known = existing.seat_classes.find((c) => c.id === seatClass.id);
    if (!known) {
      existing.seat_classes.push({ ...seatClass, amenities: [...seatClass.amenities] });
      continue;
    }
    for (const amenity of seatClass.amenities)
      if (!known.amenities.includes(amenity)) known.amenities.push(amenity);
    if (!known.name && seatClass.name) known.name = seatClass.name;
    if (known.images === null && seatClass.images) known.images = seatClass.images;
  }
}
