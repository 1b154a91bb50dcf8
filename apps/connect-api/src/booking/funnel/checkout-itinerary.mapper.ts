import type { MappedTrip } from '../../contract/itinerary/search.mapper';
import type {
  CheckoutItinerary,
  GetItineraryResponse,
  JsonSchema,
} from '../../contract/booking/checkout-itinerary';

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
