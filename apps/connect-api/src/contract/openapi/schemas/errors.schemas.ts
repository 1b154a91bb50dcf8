import { ApiProperty, ApiPropertyOptional, ApiSchema } from '@nestjs/swagger';
import { CONTRACT_ERROR_CODES } from '../../../platform/errors/contract-error-code';
import type { FieldErrorReason } from '../../../platform/errors/field-error';
import { MoneySchema } from './money.schemas';

/** docs/contract/errors.md#field-errors. */
export const FIELD_ERROR_REASONS = [
  'required',
  'invalid_type',
  'invalid_format',
  'invalid_value',
  'out_of_range',
  'pattern_mismatch',
  'not_allowed',
  'length_mismatch',
  'too_many',
  'duplicate',
  'count_mismatch',
  'unavailable',
] as const satisfies readonly FieldErrorReason[];

@ApiSchema({ name: 'FieldError' })
export class FieldErrorSchema {
  @ApiProperty({
    type: 'string',
    description:
      'Parameter name, lower-case header name, or body path such as booking_data.passengers[0].first_name.',
  })
  field!: string;

  @ApiProperty({ enum: FIELD_ERROR_REASONS, enumName: 'FieldErrorReason' })
  reason!: FieldErrorReason;

  @ApiProperty({ type: 'string' })
  message!: string;
}

@ApiSchema({
  name: 'ErrorMeta',
  description:
    'Code-specific data — expected_total_price (Money), booking_id (string), supported_versions (string[]).',
})
export class ErrorMetaSchema {
  @ApiPropertyOptional({ type: () => MoneySchema })
  expected_total_price?: MoneySchema;

  @ApiPropertyOptional({ type: 'string' })
  booking_id?: string;

  @ApiPropertyOptional({ type: [String] })
  supported_versions?: string[];
}

@ApiSchema({ name: 'ErrorBody' })
export class ErrorBodySchema {
  /** The platform's code table (the one the filter renders from), so the document cannot drift from it. */
  @ApiProperty({ enum: CONTRACT_ERROR_CODES, enumName: 'ErrorCode' })
  code!: string;

  @ApiProperty({ type: 'string', description: 'Human-readable; never parse it.' })
  message!: string;

  @ApiPropertyOptional({
    type: () => [FieldErrorSchema],
    description: 'Field problems (validation_error, booking_data_invalid, seats_unavailable), all at once.',
  })
  details?: FieldErrorSchema[];

  @ApiPropertyOptional({ type: () => ErrorMetaSchema })
  meta?: ErrorMetaSchema;
}

/** The docs/contract/errors.md envelope of every 4xx/5xx body. */
@ApiSchema({ name: 'Error' })
export class ErrorEnvelopeSchema {
  @ApiProperty({ type: () => ErrorBodySchema })
  error!: ErrorBodySchema;

  @ApiProperty({ type: 'string' })
  correlation_id!: string;

  @ApiProperty({ type: 'string' })
  request_id!: string;
}
