import type { ContractBookingStatus } from '../../booking/contract-booking';
import type { StationTransportationType } from '../../static-data/master-data';
import type {
  ConfirmationType,
  ImageType,
  PriceType,
  TicketType,
  TransportationType,
} from '../../itinerary/search-response';

/** Enum values of the contract; `satisfies` ties each list to the type the feature code emits. */
export const PRICE_TYPES = ['Max', 'Min', 'Exact', 'Recommended'] as const satisfies readonly PriceType[];
export const CONFIRMATION_TYPES = ['Instant', 'Pending'] as const satisfies readonly ConfirmationType[];
export const TICKET_TYPES = [
  'PaperTicket',
  'ShowOnScreen',
  'PickUp',
] as const satisfies readonly TicketType[];
export const TRANSPORTATION_TYPES = [
  'Bus',
  'Ferry',
  'Van',
  'Train',
  'Airplane',
] as const satisfies readonly TransportationType[];
/** Master data uses Shuttle where search uses Van (docs/contract/values.md#itinerary-segment-and-vehicle). */
export const STATION_TRANSPORTATION_TYPES = [
  'Bus',
  'Ferry',
  'Shuttle',
  'Train',
  'Airplane',
] as const satisfies readonly StationTransportationType[];
export const IMAGE_TYPES = [
  'TYPE_UNKNOWN',
  'TYPE_CLASS_INSIDE',
  'TYPE_CLASS_OUTSIDE',
  'TYPE_OPERATOR_LOGO',
  'TYPE_STATION',
  'TYPE_ROUTE',
] as const satisfies readonly ImageType[];
export const BOOKING_STATUSES = [
  'reserved',
  'pending',
  'declined',
  'approved',
  'cancelled',
  'failed',
] as const satisfies readonly ContractBookingStatus[];
