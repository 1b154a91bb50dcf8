import { ApiProperty, ApiSchema } from '@nestjs/swagger';
import { BookingSchema } from './booking.schemas';
import { BOOKING_STATUSES } from './enums.schemas';
import { schemaRef } from './schema-ref';

/** Outbound webhook payloads (docs/contract/README.md#decisions-in-one-list); documented as schemas, not routes of this service. */
export const BOOKING_EVENT_TYPES = ['booking.confirmed', 'booking.cancelled', 'booking.updated'] as const;

@ApiSchema({ name: 'BookingEventData' })
export class BookingEventDataSchema {
  @ApiProperty({ type: 'string' })
  booking_id!: string;

  @ApiProperty({ enum: BOOKING_STATUSES, enumName: 'BookingStatus' })
  status!: (typeof BOOKING_STATUSES)[number];

  @ApiProperty({ oneOf: [schemaRef('BookingStatus'), { type: 'null' }] })
  previous_status!: (typeof BOOKING_STATUSES)[number] | null;

  @ApiProperty({ type: () => BookingSchema })
  booking!: BookingSchema;
}

@ApiSchema({ name: 'BookingEvent' })
export class BookingEventSchema {
  @ApiProperty({ type: 'string', pattern: '^evt_[0-9a-f]{32}$' })
  id!: string;

  @ApiProperty({ enum: BOOKING_EVENT_TYPES, enumName: 'BookingEventType' })
  type!: (typeof BOOKING_EVENT_TYPES)[number];

  @ApiProperty({ type: 'string', allOf: [schemaRef('UtcTimestamp')] })
  timestamp!: string;

  @ApiProperty({ type: () => BookingEventDataSchema })
  data!: BookingEventDataSchema;
}
