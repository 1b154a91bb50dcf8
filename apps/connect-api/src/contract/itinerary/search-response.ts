/**
 * SearchResponse of docs/contract/values.md#itinerary-segment-and-vehicle, docs/contract/endpoints.md#search, snake_case as on the wire. Keys are declared (and built)
 * in the documented order.
 */
export type TransportationType = 'Bus' | 'Ferry' | 'Van' | 'Train' | 'Airplane';
export type TicketType = 'PaperTicket' | 'ShowOnScreen' | 'PickUp';
export type ConfirmationType = 'Instant' | 'Pending';
export type PriceType = 'Max' | 'Min' | 'Exact' | 'Recommended';
export type ImageType =
  | 'TYPE_UNKNOWN'
  | 'TYPE_CLASS_INSIDE'
  | 'TYPE_CLASS_OUTSIDE'
  | 'TYPE_OPERATOR_LOGO'
  | 'TYPE_STATION'
  | 'TYPE_ROUTE';

export interface SearchMoney {
  amount: string;
  currency: string;
}

export interface GrossPrice {
  amount: string;
  currency: string;
  price_type: PriceType;
  amount_in_net_currency?: string;
}

export interface Pricing {
  gross_price?: GrossPrice;
  net_price: SearchMoney;
  taxes_and_fees?: SearchMoney;
}

export interface Penalty {
  percent?: number;
  amount?: SearchMoney;
}

export interface CancellationPolicy {
  from: string | null;
  penalty: Penalty;
}

export interface Image {
  url: string;
  width: number | null;
  height: number | null;
  type: ImageType;
}

export interface SeatClass {
  id: string;
  name: string;
  description: string;
  keywords: string[] | null;
  images: Image[] | null;
  amenities: string[];
}

export interface Vehicle {
  id: string;
  name: string;
  seat_classes: SeatClass[];
  images: Image[] | null;
  description: string | null;
  keywords: string[] | null;
  amenities: string[] | null;
}

export interface Segment {
  id: string;
  operator_designated_name?: string;
  from_station: string;
  to_station: string;
  departure_time: string;
  arrival_time: string;
  travel_duration: string;
  vehicle_id: string;
  operating_carrier_id: string;
  seat_class_id: string;
  transportation_types: TransportationType[];
}

export interface Itinerary {
  id: string;
  departure_segments: string[];
  connection_guaranteed: boolean;
  cancellation_policies: CancellationPolicy[];
  number_of_available_seats?: number;
  pricing: Pricing;
  confirmation_type: ConfirmationType;
  ticket_type?: TicketType;
  cut_off?: string;
}

export interface SearchResponse {
  vehicles: Vehicle[];
  segments: Segment[];
  itineraries: Itinerary[];
}
