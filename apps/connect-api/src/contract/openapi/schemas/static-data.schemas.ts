import { ApiProperty, ApiPropertyOptional, ApiSchema } from '@nestjs/swagger';
import type {
  OperatingCarrier as OperatingCarrierWire,
  Poi as PoiWire,
  Station as StationWire,
  StationAddress as StationAddressWire,
} from '../../static-data/master-data';
import { STATION_TRANSPORTATION_TYPES } from './enums.schemas';

type StationTransportationType = (typeof STATION_TRANSPORTATION_TYPES)[number];
const STATION_TRANSPORTATION_TYPE = {
  enum: STATION_TRANSPORTATION_TYPES,
  enumName: 'StationTransportationType',
};

@ApiSchema({ name: 'City' })
export class CitySchema {
  @ApiProperty({ type: 'string' })
  id!: string;

  @ApiProperty({ type: 'string' })
  name!: string;
}

@ApiSchema({ name: 'Coordinate' })
export class CoordinateSchema {
  @ApiProperty({ type: 'number', minimum: -90, maximum: 90 })
  latitude!: number;

  @ApiProperty({ type: 'number', minimum: -180, maximum: 180 })
  longitude!: number;
}

@ApiSchema({ name: 'StationAddress' })
export class StationAddressSchema implements StationAddressWire {
  @ApiProperty({ type: 'string', pattern: '^[A-Z]{2}$' })
  country!: string;

  @ApiPropertyOptional({ type: 'string' })
  state?: string;

  @ApiPropertyOptional({ type: 'string' })
  region?: string;

  @ApiPropertyOptional({ type: 'string' })
  province?: string;

  @ApiPropertyOptional({ type: () => CitySchema })
  city?: CitySchema;

  @ApiPropertyOptional({ type: 'string' })
  street_and_number?: string;

  @ApiPropertyOptional({ type: 'string' })
  zip_code?: string;

  @ApiProperty({ type: 'string', examples: ['Asia/Bangkok'] })
  time_zone!: string;

  @ApiPropertyOptional({ type: 'string' })
  description?: string;

  @ApiPropertyOptional({ type: () => CoordinateSchema })
  coordinate?: CoordinateSchema;
}

@ApiSchema({ name: 'Station' })
export class StationSchema implements StationWire {
  @ApiProperty({ type: 'string' })
  id!: string;

  @ApiProperty({ type: 'string' })
  name!: string;

  @ApiPropertyOptional({ type: [String] })
  name_alterations?: string[];

  @ApiProperty(STATION_TRANSPORTATION_TYPE)
  transportation_type!: StationTransportationType;

  @ApiProperty({ type: () => StationAddressSchema })
  address!: StationAddressSchema;

  @ApiPropertyOptional({ type: [String] })
  keywords?: string[];

  @ApiPropertyOptional({ type: 'string' })
  description?: string;

  @ApiPropertyOptional({ type: 'string', format: 'uri', isArray: true })
  images?: string[];
}

@ApiSchema({ name: 'OperatingCarrier' })
export class OperatingCarrierSchema implements OperatingCarrierWire {
  @ApiProperty({ type: 'string' })
  Id!: string;

  @ApiProperty({ type: 'string' })
  name!: string;

  @ApiPropertyOptional({ type: 'string' })
  display_name?: string;

  @ApiPropertyOptional({ type: 'string', format: 'uri' })
  logo_url?: string;

  @ApiPropertyOptional({ type: 'string' })
  email?: string;

  @ApiPropertyOptional({ type: 'string' })
  phone?: string;

  @ApiProperty(STATION_TRANSPORTATION_TYPE)
  transportation_type!: StationTransportationType;

  @ApiPropertyOptional({ ...STATION_TRANSPORTATION_TYPE, isArray: true, minItems: 2 })
  transportation_types?: StationTransportationType[];
}

@ApiSchema({ name: 'Poi' })
export class PoiSchema implements PoiWire {
  @ApiProperty({ type: 'string' })
  Id!: string;

  @ApiProperty({ type: 'string' })
  name!: string;

  @ApiProperty({ type: [String] })
  stations!: string[];
}
