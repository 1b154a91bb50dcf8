import { plainToInstance, Type } from 'class-transformer';
import {
  ArrayMinSize,
  IsArray,
  IsDefined,
  IsNotEmpty,
  IsOptional,
  IsString,
  Matches,
  ValidateBy,
  ValidateNested,
  validateSync,
  type ValidationOptions,
} from 'class-validator';
import { ContractError } from '../../platform/errors/contract-error';
import { mapValidationErrors } from '../../platform/errors/validation-errors.mapper';

/** A value class-validator cannot express with the built-ins: a JSON string or number. */
function IsStringOrNumber(options?: ValidationOptions): PropertyDecorator {
  return ValidateBy(
    {
      name: 'isStringOrNumber',
      validator: {
        validate: (v: unknown) => typeof v === 'string' || (typeof v === 'number' && Number.isFinite(v)),
        defaultMessage: () => '$property must be a string or a number',
      },
    },
    { context: { reason: 'invalid_type' }, ...options },
  );
}

/** docs/contract/values.md#money: a decimal string, or leniently a non-negative JSON number. */
function IsDecimalAmount(options?: ValidationOptions): PropertyDecorator {
  return ValidateBy(
    {
      name: 'isDecimalAmount',
      validator: {
        validate: (v: unknown) =>
          (typeof v === 'string' && /^[0-9]+(\.[0-9]+)?$/.test(v)) ||
          (typeof v === 'number' && Number.isFinite(v) && v >= 0),
        defaultMessage: () => '$property must be a decimal amount',
      },
    },
    { context: { reason: 'invalid_format' }, ...options },
  );
}

/** A non-array JSON object (class-validator's IsObject accepts arrays). */
function IsPlainObject(options?: ValidationOptions): PropertyDecorator {
  return ValidateBy(
    {
      name: 'isObject',
      validator: {
        validate: (v: unknown) => typeof v === 'object' && v !== null && !Array.isArray(v),
        defaultMessage: () => '$property must be an object',
      },
    },
    { context: { reason: 'invalid_type' }, ...options },
  );
}

export class TotalPriceDto {
  @IsString()
  @Matches(/^[A-Za-z]{3}$/, { message: 'total_price.currency must be an ISO 4217 code' })
  currency!: string;

  @IsDefined()
  @IsDecimalAmount()
  amount!: string | number;
}

/**
 * Structure only (docs/contract/booking-schema.md#booking-data-normalisation-and-validation, docs/contract/README.md D15): field values are normalised and checked
 * against the itinerary's schema later (422 booking_data_invalid).
 */
export class BookingDataShapeDto {
  @IsArray()
  @ArrayMinSize(1, { message: 'passengers must contain at least one passenger' })
  @IsPlainObject({ each: true, message: 'each passenger must be an object' })
  passengers!: Record<string, unknown>[];

  @IsOptional()
  @IsArray()
  @IsStringOrNumber({ each: true, message: 'seat_selection must hold seat ids (strings)' })
  seat_selection?: Array<string | number>;

  @IsOptional()
  @IsPlainObject()
  additional_fields?: Record<string, unknown>;

  @IsOptional()
  @IsPlainObject()
  upgrades?: Record<string, unknown>;
}

export class CreateBookingRequestDto {
  @IsString()
  @IsNotEmpty()
  booking_token!: string;

  @IsPlainObject()
  @ValidateNested()
  @Type(() => BookingDataShapeDto)
  booking_data!: BookingDataShapeDto;

  @IsOptional()
  @IsPlainObject()
  @ValidateNested()
  @Type(() => TotalPriceDto)
  total_price?: TotalPriceDto;
}

export interface CreateBookingRequest {
  booking_token: string;
  booking_data: Record<string, unknown>;
  total_price?: { currency: string; amount: string | number };
}

/** 400 validation_error listing every structural problem; returns the untouched plain body on success. */
export function assertShape<T>(dto: new () => object, body: unknown): T {
  if (typeof body !== 'object' || body === null || Array.isArray(body))
    throw new ContractError('invalid_json');
  const errors = validateSync(plainToInstance(dto, body) as object, { forbidUnknownValues: false });
  if (errors.length > 0) {
    throw new ContractError('validation_error', undefined, { details: mapValidationErrors(errors) });
  }
  return body as T;
}
