import { ApiProperty, ApiPropertyOptional, ApiSchema } from '@nestjs/swagger';
import type { CheckoutItinerary as CheckoutItineraryWire } from '../../booking/checkout-itinerary';
import type { SeatLockResponse as SeatLockResponseWire } from '../../booking/seat-lock-response';
import type { ContractBooking } from '../../booking/contract-booking';
import { BOOKING_STATUSES } from './enums.schemas';
import { MoneyInputSchema, MoneySchema } from './money.schemas';
import { schemaRef } from './schema-ref';
import { ItinerarySchema, SegmentSchema, VehicleSchema } from './search.schemas';

@ApiSchema({ name: 'CheckoutItinerary' })
export class CheckoutItinerarySchema extends ItinerarySchema implements CheckoutItineraryWire {
  @ApiProperty({ type: 'string', maxLength: 2048 })
  booking_token!: string;

  @ApiProperty({ allOf: [schemaRef('BookingSchema')] })
  booking_schema!: Record<string, unknown>;

  @ApiProperty({ type: [String], description: 'Same list as departure_segments.' })
  to_segments!: string[];

  @ApiProperty({ type: [String], maxItems: 0, description: 'Always empty in this version.' })
  from_segments!: string[];

  @ApiPropertyOptional({
    type: 'integer',
    minimum: 0,
    description: 'Same value as number_of_available_seats.',
  })
  number_available_seats?: number;
}

@ApiSchema({ name: 'GetItineraryResponse' })
export class GetItineraryResponseSchema {
  @ApiProperty({ type: () => [CheckoutItinerarySchema], minItems: 1, maxItems: 1 })
  itineraries!: CheckoutItinerarySchema[];

  @ApiProperty({ type: () => [SegmentSchema], minItems: 1, maxItems: 10 })
  segments!: SegmentSchema[];

  @ApiProperty({ type: () => [VehicleSchema], minItems: 1, maxItems: 10 })
  vehicles!: VehicleSchema[];
}

const OPTIONAL_STRING = { type: 'string' } as const;
const OPTIONAL_DATE = { type: 'string', format: 'date' } as const;

@ApiSchema({
  name: 'Passenger',
  description: 'Which fields are mandatory, and their allowed values, come from booking_schema.',
})
export class PassengerSchema {
  @ApiPropertyOptional(OPTIONAL_STRING) title?: string;
  @ApiPropertyOptional(OPTIONAL_STRING) first_name?: string;
  @ApiPropertyOptional(OPTIONAL_STRING) middle_name?: string;
  @ApiPropertyOptional(OPTIONAL_STRING) last_name?: string;
  @ApiPropertyOptional(OPTIONAL_STRING) gender?: string;
  @ApiPropertyOptional({ type: 'boolean' }) is_child?: boolean;
  @ApiPropertyOptional(OPTIONAL_DATE) dob?: string;
  @ApiPropertyOptional(OPTIONAL_STRING) nationality?: string;
  @ApiPropertyOptional(OPTIONAL_STRING) residency?: string;
  @ApiPropertyOptional(OPTIONAL_STRING) country_id?: string;
  @ApiPropertyOptional(OPTIONAL_STRING) id_type?: string;
  @ApiPropertyOptional(OPTIONAL_STRING) id_number?: string;
  @ApiPropertyOptional(OPTIONAL_DATE) id_issue_date?: string;
  @ApiPropertyOptional(OPTIONAL_DATE) id_expiry_date?: string;
  @ApiPropertyOptional({ type: 'string', contentEncoding: 'base64' } as { type: 'string' }) id_scan?: string;
  @ApiPropertyOptional(OPTIONAL_STRING) seat_type_code?: string;
  @ApiPropertyOptional(OPTIONAL_STRING) baggage_option?: string;
  @ApiPropertyOptional(OPTIONAL_STRING) visa_type?: string;
  @ApiPropertyOptional(OPTIONAL_STRING) visa_reason?: string;
}

@ApiSchema({ name: 'BookingData' })
export class BookingDataSchema {
  @ApiPropertyOptional({ type: 'string' })
  email?: string;

  @ApiPropertyOptional({ type: 'string' })
  mobile_phone?: string;

  @ApiPropertyOptional({
    type: [String],
    description: 'Replaced by seats locked with SeatLock for the same token.',
  })
  seat_selection?: string[];

  @ApiPropertyOptional({ type: 'boolean' })
  allow_automatic_seat_selection?: boolean;

  @ApiPropertyOptional({ type: 'object', additionalProperties: { type: 'string' } })
  additional_fields?: Record<string, string>;

  @ApiPropertyOptional({ type: 'object', additionalProperties: { type: 'string' } })
  upgrades?: Record<string, string>;

  @ApiProperty({ type: () => [PassengerSchema], minItems: 1 })
  passengers!: PassengerSchema[];
}

@ApiSchema({ name: 'BookingRequest' })
export class BookingRequestSchema {
  @ApiProperty({ type: 'string', minLength: 1 })
  booking_token!: string;

  @ApiPropertyOptional({
    type: () => MoneyInputSchema,
    description: 'Expected total; a mismatch returns 422 cost_mismatch.',
  })
  total_price?: MoneyInputSchema;

  @ApiProperty({ type: () => BookingDataSchema })
  booking_data!: BookingDataSchema;
}

@ApiSchema({ name: 'Booking' })
export class BookingSchema implements ContractBooking {
  @ApiProperty({ type: 'string', examples: ['7305521'] })
  id!: string;

  @ApiProperty({ enum: BOOKING_STATUSES, enumName: 'BookingStatus' })
  status!: (typeof BOOKING_STATUSES)[number];

  @ApiProperty({ type: 'string' })
  from_station!: string;

  @ApiProperty({ type: 'string' })
  to_station!: string;

  @ApiProperty({ type: 'string', allOf: [schemaRef('LocalDateTimeSeconds')] })
  departure_time!: string;

  @ApiProperty({ type: 'integer', minimum: 1 })
  passenger_count!: number;

  @ApiProperty({ type: 'string', examples: ['onetwogo'] })
  integration!: 'onetwogo';

  @ApiProperty({ type: 'string' })
  integration_booking_id!: string;

  @ApiProperty({ type: 'string', nullable: true })
  operator_booking_id!: string | null;

  @ApiProperty({ type: 'string', format: 'uri', nullable: true })
  voucher_url!: string | null;

  @ApiProperty({ type: 'string', allOf: [schemaRef('UtcTimestamp')] })
  created_at!: string;

  @ApiProperty({ type: 'string', allOf: [schemaRef('UtcTimestamp')] })
  updated_at!: string;

  @ApiProperty({ type: () => MoneySchema })
  total_price!: MoneySchema;
}

@ApiSchema({ name: 'LockSeatsBookingData' })
export class LockSeatsBookingDataSchema {
  @ApiProperty({ type: 'string', isArray: true, minItems: 1, uniqueItems: true })
  seat_selection!: string[];
}

@ApiSchema({ name: 'LockSeatsRequest' })
export class LockSeatsRequestSchema {
  @ApiProperty({ type: 'string', minLength: 1 })
  booking_token!: string;

  @ApiProperty({ type: () => LockSeatsBookingDataSchema })
  booking_data!: LockSeatsBookingDataSchema;
}

@ApiSchema({ name: 'LockSeatsResponse' })
export class LockSeatsResponseSchema implements SeatLockResponseWire {
  @ApiProperty({ type: 'integer', minimum: 1 })
  passenger_count!: number;

  @ApiProperty({ type: 'string', enum: ['reserved'] })
  status!: 'reserved';

  @ApiProperty({ type: () => MoneySchema })
  total_price!: MoneySchema;
}

@ApiSchema({ name: 'IncompleteResultAccepted' })
export class IncompleteResultAcceptedSchema {
  @ApiProperty({ type: 'string', format: 'uuid' })
  id!: string;
}
