import type { FieldErrorReason } from '../../platform/errors/field-error';
import type { BookingFieldCode, BookingFieldIssue } from './booking-data.validator';
import { FIXED_PASSENGER_FIELDS } from './field-classification';

const REASON: Record<BookingFieldCode, FieldErrorReason> = {
  passenger_count_mismatch: 'count_mismatch',
  required: 'required',
  type: 'invalid_type',
  not_in_options: 'invalid_value',
  pattern: 'pattern_mismatch',
  date_format: 'invalid_format',
  format: 'invalid_format',
  seat_unavailable: 'unavailable',
  duplicate_seat: 'duplicate',
  seat_count: 'count_mismatch',
  rejected_by_supplier: 'invalid_value',
};

/** Contract FieldError (docs/contract/errors.md#field-errors) plus the docs/contract/booking-schema.md#booking-data-normalisation-and-validation `code`, kept for partners that read it. */
export interface BookingFieldErrorDetail {
  field: string;
  reason: FieldErrorReason;
  message: string;
  code: BookingFieldCode;
}

export function toFieldErrorDetails(issues: BookingFieldIssue[]): BookingFieldErrorDetail[] {
  return issues.map((i) => ({ field: i.field, reason: REASON[i.code], message: i.message, code: i.code }));
}

/**
 * 12go reserve field errors → client paths (docs/contract/booking-schema.md#supplier-field-errors). 12go's message is not passed through
 * verbatim (docs/contract/errors.md#upstream-failures), only a neutral text.
 */
export function mapSupplierFieldErrors(
  fields: Record<string, string>,
  fieldMap: Record<string, string>,
): BookingFieldIssue[] {
  const byKey = new Map<string, string>();
  for (const [path, key] of Object.entries(fieldMap)) byKey.set(key, path);
  return Object.keys(fields).map((key) => ({
    field: `booking_data.${clientPathOf(key, byKey)}`,
    code: 'rejected_by_supplier' as const,
    message: 'The supplier rejected this value.',
  }));
}

function clientPathOf(key: string, byKey: Map<string, string>): string {
  if (key === 'contact[email]') return 'email';
  if (key === 'contact[mobile]') return 'mobile_phone';
  const passenger = /^passenger\[(\d+)\](\[.+)$/.exec(key);
  if (passenger) {
    const template = `passenger[0]${passenger[2]}`;
    const mapped = byKey.get(template);
    if (mapped?.startsWith('passengers[].'))
      return `passengers[${passenger[1]}].${mapped.slice('passengers[].'.length)}`;
    const fixed = /^\[([^[\]]+)\]$/.exec(passenger[2]);
    if (fixed && FIXED_PASSENGER_FIELDS[fixed[1]])
      return `passengers[${passenger[1]}].${FIXED_PASSENGER_FIELDS[fixed[1]]}`;
    return key;
  }
  return byKey.get(key) ?? key;
}
