import type {
  TwelveGoClass,
  TwelveGoMap,
  TwelveGoOperator,
  TwelveGoSearchResponse,
  TwelveGoSegment,
  TwelveGoStation,
  TwelveGoTrip,
  TwelveGoTravelOption,
} from '@app/twelvego-client';
import {
  OperatorSeed,
  Vehicle,
  classById,
  operatorById,
  stationById,
  stationSlug,
  provinceById,
} from '../catalog/seed-data';
import { HOUR_MS, formatDateTime, formatPathDateTime } from '../core/local-time';
import { SeatAmounts, convertSeatAmounts, grossOf, price, seatAmountsFromNet } from '../core/money';
import type { DatedDeparture } from './dated-departure';

/** Pure builders of the docs/upstream-12go.md#search search/trip JSON from generated departures. */

export type UnbookableReason = '' | 'sold_out' | 'not_enough_seats' | 'sales_closed';

export interface TripViewInput {
  departure: DatedDeparture;
  /** Net per seat in THB cents actually offered (search or validated value). */
  netThbCents: number;
  availableSeats: number;
  requestedSeats: number;
  salesClosed: boolean;
  approximate: boolean;
  currency: string;
}

export const CANCELLATION_MESSAGES: Record<0 | 1 | 2, string> = {
  0: 'Non-refundable',
  1: 'Full refund until 48 hours before departure',
  2: 'Full refund until 72 hours before departure, 50% until 24 hours before departure',
};

export function unbookableReason(
  available: number,
  requested: number,
  salesClosed: boolean,
): UnbookableReason {
  if (available <= 0) return 'sold_out';
  if (available < requested) return 'not_enough_seats';
  if (salesClosed) return 'sales_closed';
  return '';
}

/** Per-seat amounts in the account currency for a THB net. */
export function seatAmountsFor(d: DatedDeparture, netThbCents: number, currency: string): SeatAmounts {
  return convertSeatAmounts(seatAmountsFromNet(netThbCents, d.plan.agfeeRate), currency);
}

/** docs/upstream-12go.md#seed-data-and-trips, docs/upstream-12go.md#refunds: last moment of a full refund, departure-local. */
export function fullRefundUntil(d: DatedDeparture): string | null {
  const hours = d.plan.cancellation === 1 ? 48 : d.plan.cancellation === 2 ? 72 : null;
  return hours === null ? null : formatDateTime(d.depNaive - hours * HOUR_MS);
}

const roundHalfUp = (x: number): number => Math.floor(x + 0.5);

function baggageFor(vehicle: Vehicle, classId: number): { value: number; icon: string; message: string } {
  if (classId === 21) return { value: 7, icon: 'bag', message: '7 kg cabin baggage included' };
  const kg =
    vehicle === 'train' ? 30 : vehicle === 'bus' || vehicle === 'van' || vehicle === 'ferry' ? 20 : 0;
  return kg > 0
    ? { value: kg, icon: 'bag', message: `${kg} kg baggage included` }
    : { value: 0, icon: 'no-bag', message: 'No baggage included' };
}

function mustOperator(id: number): OperatorSeed {
  const op = operatorById.get(id);
  if (!op) throw new Error(`unknown operator ${id}`);
  return op;
}

export function buildTrip(input: TripViewInput): TwelveGoTrip {
  const { departure: d, currency } = input;
  const plan = d.plan;
  const amounts = seatAmountsFor(d, input.netThbCents, currency);
  const reason = unbookableReason(input.availableSeats, input.requestedSeats, input.salesClosed);
  const oneOperator = plan.operators.length === 1;
  const routeSegments = d.segments.filter((s) => s.seed.type === 'route');

  const segments: TwelveGoSegment[] = d.segments.map((s) => {
    const base = {
      connection_guaranteed: oneOperator,
      from: s.seed.from,
      to: s.seed.to,
      duration: s.seed.durationMin,
      dep_time: s.depText,
      arr_time: s.arrText,
      search_results_marker: '',
      show_map: false,
      price: null,
    };
    if (s.seed.type === 'wait') {
      return {
        type: 'wait',
        trip_id: '',
        official_id: '',
        vehclasses: [],
        ...base,
        class: 0,
        operator: 0,
        rating: null,
      };
    }
    const op = mustOperator(s.seed.operatorId);
    return {
      type: 'route',
      trip_id: s.legKey,
      official_id: s.seed.officialId,
      vehclasses: [op.vehicle],
      ...base,
      class: s.seed.classId,
      operator: op.id,
      rating: roundHalfUp(op.rating),
    };
  });

  const first = plan.firstOperator;
  const cls = plan.firstClass;
  const gross = price(grossOf(amounts), currency);
  const option: TwelveGoTravelOption = {
    id: plan.tripKey,
    bookable: Math.max(0, input.availableSeats),
    price: gross,
    netprice: price(amounts.net, currency),
    agfee: price(amounts.agfee, currency),
    sysfee: price(amounts.sysfee, currency),
    buy: routeSegments.map((s) => {
      const seg = s.seed as Extract<typeof s.seed, { type: 'route' }>;
      return {
        trip_id: s.legKey,
        godate: s.depText,
        class: seg.classId,
        operator: seg.operatorId,
        seller_id: mustOperator(seg.operatorId).sellerId,
      };
    }),
    class: cls.id,
    amenities: [...cls.amenities],
    ticket_type: cls.ticketType,
    confirmation_time: plan.confirmationTime,
    confirmation_message:
      plan.confirmationTime === 0
        ? 'Instant confirmation'
        : `Confirmed by the operator within ${plan.confirmationTime} minutes`,
    cancellation: plan.cancellation,
    cancellation_message: CANCELLATION_MESSAGES[plan.cancellation],
    baggage: baggageFor(first.vehicle, cls.id),
    rating: first.rating,
    is_bookable: reason === '' ? 1 : 0,
    reason,
    booking_uri: `/en/booking/${plan.tripKey}/${formatPathDateTime(d.depNaive)}?seats=${input.requestedSeats}`,
    price_restriction: plan.priceRestriction,
    full_refund_until: fullRefundUntil(d),
    dep_datetime: d.depText,
    arr_datetime: d.arrText,
    approximate: input.approximate,
  };

  return {
    id: plan.tripKey,
    chunk_key: `${plan.from}-${plan.to}-${d.date}`,
    route_name: plan.routeName,
    params: {
      vehclasses: [...plan.vehicles],
      bookable: option.bookable,
      operators: plan.operators.map((o) => o.id),
      duration: plan.durationMin,
      dep_time: d.depText,
      arr_time: d.arrText,
      min_price: gross,
      from: plan.from,
      to: plan.to,
      stops: routeSegments.length - 1,
      min_rating: Math.min(...plan.operators.map((o) => o.rating)),
      rating_count: first.ratingCount,
      hide: false,
      date: d.date,
    },
    segments,
    travel_options: [option],
  };
}

function operatorJson(id: number): TwelveGoOperator {
  const op = mustOperator(id);
  return {
    id,
    name: op.name,
    slug: stationSlug(op.name),
    logo: [`https://cdn5.12go.asia/static/images/operator/${id}/logo.png`],
  };
}

export function stationJson(id: number): TwelveGoStation {
  const s = stationById.get(id);
  if (!s) throw new Error(`unknown station ${id}`);
  const province = provinceById.get(s.provinceId);
  return {
    station_id: s.id,
    province_id: s.provinceId,
    station_name: s.name,
    station_name_full: `${s.name}, ${province?.name ?? ''}`,
    station_code: s.code,
    station_slug: stationSlug(s.name),
    station_lat: s.lat,
    station_lng: s.lng,
    weight: s.weight,
  };
}

function classJson(id: number): TwelveGoClass {
  const c = classById.get(id);
  if (!c) throw new Error(`unknown class ${id}`);
  return { id, name: c.name, is_multi_pax: false };
}

/** PHP-style map: `[]` when empty (docs/upstream-12go.md#json-quirks). */
function phpMap<T>(ids: number[], build: (id: number) => T): TwelveGoMap<T> {
  if (ids.length === 0) return [];
  const out: Record<string, T> = {};
  for (const id of ids) out[String(id)] = build(id);
  return out;
}

/** Assembles the docs/upstream-12go.md#search response around trips, collecting the referenced operators, stations and classes. */
export function buildSearchResponse(trips: TwelveGoTrip[], recheck: string[]): TwelveGoSearchResponse {
  const operators = new Set<number>();
  const stations = new Set<number>();
  const classes = new Set<number>();
  for (const trip of trips) {
    trip.params.operators.forEach((o) => operators.add(o));
    stations.add(trip.params.from);
    stations.add(trip.params.to);
    for (const s of trip.segments) {
      stations.add(s.from);
      stations.add(s.to);
      if (s.type === 'route') {
        classes.add(s.class);
        operators.add(s.operator);
      }
    }
    trip.travel_options.forEach((o) => classes.add(o.class));
  }
  return {
    trips,
    operators: phpMap([...operators], operatorJson),
    stations: phpMap([...stations], stationJson),
    classes: phpMap([...classes], classJson),
    recheck,
  };
}
