/** The business events of docs/platform.md#business-events (MVP rows and the optional ones). */
export type BusinessEventName =
  | 'search.completed'
  | 'checkout.completed'
  | 'booking.created'
  | 'booking.confirmed'
  | 'booking.cancelled'
  | 'notification.received'
  | 'notification.delivered'
  | 'notification.dead_lettered'
  | 'seats.locked'
  | 'booking.details.retrieved'
  | 'ticket.retrieved';

/**
 * The funnel routes that emit exactly one event per attempt, failures included (`evt.outcome: failure`),
 * keyed `METHOD route-template`. The feature adds the specific fields with `BusinessEvents.record()`.
 */
export const ROUTE_EVENTS: Readonly<Record<string, BusinessEventName>> = {
  'GET /v1/:client_id/itineraries': 'search.completed',
  'GET /v1/:client_id/itineraries/*': 'checkout.completed',
  'POST /v1/:client_id/bookings': 'booking.created',
  'POST /v1/:client_id/bookings/:booking_id/confirm': 'booking.confirmed',
  'POST /v1/:client_id/bookings/:booking_id/cancel': 'booking.cancelled',
  'POST /v1/:client_id/seats': 'seats.locked',
};
