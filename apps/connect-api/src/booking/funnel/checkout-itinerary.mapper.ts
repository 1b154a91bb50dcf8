import type { MappedTrip } from '../../search/search.mapper';
import type { Itinerary, Segment, Vehicle } from '../../search/dto/search-response';
import type { JsonSchema } from '../schema/checkout-schema.types';

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

/** Pure: a mapped trip + token + schema → the GetItinerary body, keys in the documented order. */
export function toGetItineraryResponse(
  trip: MappedTrip,
  bookingToken: string,
  bookingSchema: JsonSchema,
): GetItineraryResponse {
  const it = trip.itinerary;
  const itinerary: CheckoutItinerary = {
    ...it,
    booking_token: bookingToken,
    booking_schema: bookingSchema,
    to_segments: [...it.departure_segments],
    from_segments: [],
    ...(it.number_of_available_seats !== undefined
      ? { number_available_seats: it.number_of_available_seats }
      : {}),
  };
  return { itineraries: [itinerary], segments: trip.segments, vehicles: trip.vehicles };
}
