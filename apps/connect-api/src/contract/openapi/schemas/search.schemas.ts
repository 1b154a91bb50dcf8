import { ApiProperty, ApiPropertyOptional, ApiSchema } from '@nestjs/swagger';
import type {
  Image as ImageWire,
  Itinerary as ItineraryWire,
  SearchResponse as SearchResponseWire,
  SeatClass as SeatClassWire,
  Segment as SegmentWire,
  Vehicle as VehicleWire,
} from '../../itinerary/search-response';
import { CONFIRMATION_TYPES, IMAGE_TYPES, TICKET_TYPES, TRANSPORTATION_TYPES } from './enums.schemas';
import { CancellationPolicySchema, PricingSchema } from './money.schemas';
import { schemaRef } from './schema-ref';

@ApiSchema({ name: 'Image' })
export class ImageSchema implements ImageWire {
  @ApiProperty({ type: 'string', format: 'uri' })
  url!: string;

  @ApiProperty({ type: 'integer', nullable: true })
  width!: number | null;

  @ApiProperty({ type: 'integer', nullable: true })
  height!: number | null;

  @ApiProperty({ enum: IMAGE_TYPES, enumName: 'ImageType' })
  type!: (typeof IMAGE_TYPES)[number];
}

@ApiSchema({ name: 'SeatClass' })
export class SeatClassSchema implements SeatClassWire {
  @ApiProperty({ type: 'string' })
  id!: string;

  @ApiProperty({ type: 'string' })
  name!: string;

  @ApiProperty({ type: 'string' })
  description!: string;

  @ApiProperty({ type: [String], nullable: true })
  keywords!: string[] | null;

  @ApiProperty({ type: () => [ImageSchema], nullable: true })
  images!: ImageSchema[] | null;

  @ApiProperty({ type: [String] })
  amenities!: string[];
}

@ApiSchema({ name: 'Vehicle' })
export class VehicleSchema implements VehicleWire {
  @ApiProperty({ type: 'string', examples: ['16779-Train'] })
  id!: string;

  @ApiProperty({ type: 'string' })
  name!: string;

  @ApiProperty({ type: () => [SeatClassSchema], minItems: 1 })
  seat_classes!: SeatClassSchema[];

  @ApiProperty({ type: () => [ImageSchema], nullable: true })
  images!: ImageSchema[] | null;

  @ApiProperty({ type: 'string', nullable: true })
  description!: string | null;

  @ApiProperty({ type: [String], nullable: true })
  keywords!: string[] | null;

  @ApiProperty({ type: [String], nullable: true })
  amenities!: string[] | null;
}

@ApiSchema({ name: 'Segment' })
export class SegmentSchema implements SegmentWire {
  @ApiProperty({ type: 'string', examples: ['16779-3-4-2026-04-01T18:57-2026-04-02T07:15-12'] })
  id!: string;

  @ApiPropertyOptional({ type: 'string' })
  operator_designated_name?: string;

  @ApiProperty({ type: 'string' })
  from_station!: string;

  @ApiProperty({ type: 'string' })
  to_station!: string;

  @ApiProperty({ type: 'string', allOf: [schemaRef('LocalDateTimeMinutes')] })
  departure_time!: string;

  @ApiProperty({ type: 'string', allOf: [schemaRef('LocalDateTimeMinutes')] })
  arrival_time!: string;

  @ApiProperty({ type: 'string', allOf: [schemaRef('IsoDuration')] })
  travel_duration!: string;

  @ApiProperty({ type: 'string' })
  vehicle_id!: string;

  @ApiProperty({ type: 'string' })
  operating_carrier_id!: string;

  @ApiProperty({ type: 'string' })
  seat_class_id!: string;

  @ApiProperty({ enum: TRANSPORTATION_TYPES, enumName: 'TransportationType', isArray: true, minItems: 1 })
  transportation_types!: (typeof TRANSPORTATION_TYPES)[number][];
}

@ApiSchema({ name: 'Itinerary' })
export class ItinerarySchema implements ItineraryWire {
  @ApiProperty({ type: 'string', maxLength: 128, examples: ['TH000300044mDt00c01hdkRw-2026-04-01-18:57'] })
  id!: string;

  @ApiProperty({ type: [String], minItems: 1 })
  departure_segments!: string[];

  @ApiPropertyOptional({ type: [String], description: 'Never emitted in this version.' })
  return_segments?: string[];

  @ApiProperty({ type: 'boolean' })
  connection_guaranteed!: boolean;

  @ApiProperty({ type: () => [CancellationPolicySchema], minItems: 1 })
  cancellation_policies!: CancellationPolicySchema[];

  @ApiPropertyOptional({ type: 'integer', minimum: 0 })
  number_of_available_seats?: number;

  @ApiProperty({ type: () => PricingSchema })
  pricing!: PricingSchema;

  @ApiProperty({ enum: CONFIRMATION_TYPES, enumName: 'ConfirmationType' })
  confirmation_type!: (typeof CONFIRMATION_TYPES)[number];

  @ApiPropertyOptional({ enum: TICKET_TYPES, enumName: 'TicketType' })
  ticket_type?: (typeof TICKET_TYPES)[number];

  @ApiPropertyOptional({
    type: 'number',
    minimum: 0,
    maximum: 1,
    description: 'Never emitted in this version.',
  })
  confidence_score?: number;

  @ApiPropertyOptional({ type: 'string', allOf: [schemaRef('IsoDuration')] })
  cut_off?: string;
}

@ApiSchema({ name: 'SearchResponse' })
export class SearchResponseSchema implements SearchResponseWire {
  @ApiProperty({ type: () => [VehicleSchema] })
  vehicles!: VehicleSchema[];

  @ApiProperty({ type: () => [SegmentSchema] })
  segments!: SegmentSchema[];

  @ApiProperty({ type: () => [ItinerarySchema] })
  itineraries!: ItinerarySchema[];
}
