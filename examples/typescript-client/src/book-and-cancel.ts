/**
 * A partner's first booking with the typed client: search, GetItinerary, CreateBooking (booking_data built from
 * the returned booking_schema), ConfirmBooking, Cancel. Types come from docs/openapi.yaml
 * (`npm run client:types`); run with `npm run client:example` against `npm start`'s stack.
 */
import createClient from 'openapi-fetch';
import type { paths } from '../generated/api';
import { bookingDataFor, firstFreeSeat } from './booking-data';

const baseUrl = process.env.TC_BASE_URL ?? 'http://localhost:3000';
const clientId = process.env.TC_CLIENT_ID ?? 'demo';
const apiKey = process.env.TC_API_KEY ?? 'local-demo-key-a-0123456789abcdef0123';
/** The sandbox's instant-confirmation trip with a seat map (docs/sandbox.md). */
const TRIP_MARKER = process.env.TC_TRIP ?? 'ZALLFLD';

const api = createClient<paths>({ baseUrl, headers: { 'x-api-key': apiKey } });
const client_id = clientId;

function fail(step: string, status: number, body: unknown): never {
  throw new Error(`${step} answered ${status}: ${JSON.stringify(body)}`);
}

async function main(): Promise<void> {
  const departure_date = new Date(Date.now() + 3 * 86_400_000).toISOString().slice(0, 10);

  const search = await api.GET('/v1/{client_id}/itineraries', {
    params: {
      path: { client_id },
      query: { 'departures[]': ['9001'], 'arrivals[]': ['9002'], departure_date, pax: 1 },
    },
  });
  if (!search.data) fail('search', search.response.status, search.error);
  const trip = search.data.itineraries.find((i) => i.id.includes(TRIP_MARKER));
  if (!trip) throw new Error(`search (${search.response.status}) has no ${TRIP_MARKER} trip`);
  console.log(
    `search: ${search.data.itineraries.length} itineraries (${search.response.status}), booking ${trip.id}`,
  );

  const checkout = await api.GET('/v1/{client_id}/itineraries/{itinerary_id}', {
    params: { path: { client_id, itinerary_id: trip.id } },
  });
  if (!checkout.data) fail('GetItinerary', checkout.response.status, checkout.error);
  const itinerary = checkout.data.itineraries[0];
  const { amount, currency } = itinerary.pricing.net_price;
  console.log(`itinerary: ${amount} ${currency}, ${itinerary.confirmation_type} confirmation`);

  const seat = firstFreeSeat(itinerary.booking_schema);
  const booking = await api.POST('/v1/{client_id}/bookings', {
    params: { path: { client_id } },
    body: {
      booking_token: itinerary.booking_token,
      booking_data: bookingDataFor(itinerary.booking_schema, 1, seat ? [seat] : []),
      total_price: { amount, currency },
    },
  });
  if (booking.response.status !== 200 || !booking.data || !('status' in booking.data))
    fail('CreateBooking', booking.response.status, booking.error ?? booking.data);
  const booking_id = booking.data.id;
  console.log(`booking ${booking_id}: ${booking.data.status}`);

  const confirm = await api.POST('/v1/{client_id}/bookings/{booking_id}/confirm', {
    params: { path: { client_id, booking_id } },
  });
  if (confirm.response.status !== 200 || !confirm.data || !('status' in confirm.data))
    fail('ConfirmBooking', confirm.response.status, confirm.error ?? confirm.data);
  console.log(`confirm: ${confirm.data.status}`);
  if (confirm.data.status !== 'approved') throw new Error(`expected approved, got ${confirm.data.status}`);

  const cancel = await api.POST('/v1/{client_id}/bookings/{booking_id}/cancel', {
    params: { path: { client_id, booking_id } },
  });
  if (!cancel.data) fail('Cancel', cancel.response.status, cancel.error);
  console.log(`cancel: ${JSON.stringify(cancel.data)}`);

  const details = await api.GET('/v1/{client_id}/bookings/{booking_id}', {
    params: { path: { client_id, booking_id } },
  });
  if (!details.data) fail('GetBookingDetails', details.response.status, details.error);
  console.log(`booking ${booking_id}: ${details.data.status}`);
  if (details.data.status !== 'cancelled') throw new Error(`expected cancelled, got ${details.data.status}`);
}

main().catch((err: unknown) => {
  console.error(err instanceof Error ? err.message : err);
  process.exit(1);
});
