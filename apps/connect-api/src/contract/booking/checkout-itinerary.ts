import type { Itinerary, Segment, Vehicle } from '../itinerary/search-response';

/** A JSON Schema document as the contract carries it (`booking_schema`). */
export type JsonSchema = Record<string, unknown>;

/** docs/contract/endpoints.md#getitinerary CheckoutItinerary: the Search itinerary plus the checkout fields (D14). */
export type CheckoutItinerary = Itinerary & {
  booking_token: string;
  booking_schema: JsonSchema;
  to_segments: string[];
  from_segments: string[];
  number_available_seats?: number;
};

export interface GetItineraryResponse {
  itineraries: [CheckoutItinerary];
  segments: Segment[];
  vehicles: Vehicle[];
}
