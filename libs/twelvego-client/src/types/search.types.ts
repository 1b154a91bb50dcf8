import type { TwelveGoMap, TwelveGoPrice } from './common.types';

/** docs/upstream-12go.md#search — GET /search/{from}/{to}/{date}; also the shape of GET /trip (docs/upstream-12go.md#trip-details). */
export interface TwelveGoSearchResponse {
  trips: TwelveGoTrip[];
  operators: TwelveGoMap<TwelveGoOperator>;
  stations: TwelveGoMap<TwelveGoStation>;
  classes: TwelveGoMap<TwelveGoClass>;
  recheck: string[];
}

export type TwelveGoTripDetailsResponse = TwelveGoSearchResponse;

export interface TwelveGoTrip {
  id: string;
  chunk_key: string;
  route_name: string;
  params: TwelveGoTripParams;
  segments: TwelveGoSegment[];
  travel_options: TwelveGoTravelOption[];
}

export type TwelveGoVehclass = 'bus' | 'train' | 'ferry' | 'van' | 'avia' | 'charter' | string;

export interface TwelveGoTripParams {
  vehclasses: TwelveGoVehclass[];
  bookable: number;
  operators: number[];
  duration: number;
  dep_time: string;
  arr_time: string;
  min_price: TwelveGoPrice;
  from: number;
  to: number;
  stops: number;
  min_rating: number | null;
  rating_count: number;
  hide: boolean | null;
  date: string;
}

export interface TwelveGoSegment {
  type: 'route' | 'wait' | string;
  trip_id: string;
  official_id: string;
  vehclasses: TwelveGoVehclass[];
  connection_guaranteed: boolean;
  from: number;
  to: number;
  duration: number;
  dep_time: string;
  arr_time: string;
  class: number;
  operator: number;
  rating: number | null;
  search_results_marker: string;
  show_map: boolean;
  price: number | null;
}

export interface TwelveGoBuy {
  trip_id: string;
  godate: string;
  class: number;
  operator: number;
  seller_id: number;
}

export interface TwelveGoBaggage {
  value: number;
  icon: string;
  message: string;
}

export type TwelveGoTicketType = 'paper' | 'mobile' | 'pickup' | string;

export interface TwelveGoTravelOption {
  id: string;
  bookable: number;
  price: TwelveGoPrice;
  netprice: TwelveGoPrice;
  agfee: TwelveGoPrice;
  sysfee: TwelveGoPrice;
  buy: TwelveGoBuy[];
  class: number;
  amenities: string[];
  ticket_type: TwelveGoTicketType;
  confirmation_time: number;
  confirmation_message: string;
  cancellation: number;
  cancellation_message: string;
  baggage: TwelveGoBaggage;
  rating: number | null;
  is_bookable: number;
  reason: string;
  booking_uri: string;
  /** 0 recommended, 1 exact, 2 minimum, 3 maximum (sandbox decision). */
  price_restriction: number;
  full_refund_until: string | null;
  dep_datetime: string | null;
  arr_datetime: string | null;
  approximate?: boolean;
}

export interface TwelveGoOperator {
  id: number;
  name: string;
  slug: string;
  /** Zero or one URL string; production may send objects with a `url` member. */
  logo: Array<string | { url: string }>;
}

export interface TwelveGoStation {
  station_id: number;
  province_id: number;
  station_name: string;
  station_name_full: string;
  station_code: string;
  station_slug: string;
  station_lat: number;
  station_lng: number;
  weight: number;
}

export interface TwelveGoClass {
  id: number;
  name: string;
  is_multi_pax: boolean;
}
