/** docs/contract/errors.md#field-errors. */
export type FieldErrorReason =
  | 'required'
  | 'invalid_type'
  | 'invalid_format'
  | 'invalid_value'
  | 'out_of_range'
  | 'pattern_mismatch'
  | 'not_allowed'
  | 'length_mismatch'
  | 'too_many'
  | 'duplicate'
  | 'count_mismatch'
  | 'unavailable';

export interface FieldError {
  field: string;
  reason: FieldErrorReason;
  message: string;
}
