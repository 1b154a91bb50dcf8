import type { ValidationError } from 'class-validator';
import type { FieldError, FieldErrorReason } from './field-error';

const REASON_BY_CONSTRAINT: Record<string, FieldErrorReason> = {
  isDefined: 'required',
  isNotEmpty: 'required',
  isString: 'invalid_type',
  isNumber: 'invalid_type',
  isInt: 'invalid_type',
  isBoolean: 'invalid_type',
  isArray: 'invalid_type',
  isObject: 'invalid_type',
  nestedValidation: 'invalid_type',
  matches: 'pattern_mismatch',
  isIn: 'invalid_value',
  isEnum: 'invalid_value',
  equals: 'invalid_value',
  min: 'out_of_range',
  max: 'out_of_range',
  isPositive: 'out_of_range',
  minDate: 'out_of_range',
  maxDate: 'out_of_range',
  length: 'length_mismatch',
  minLength: 'length_mismatch',
  maxLength: 'length_mismatch',
  arrayMaxSize: 'too_many',
  arrayMinSize: 'required',
  arrayUnique: 'duplicate',
  isDateString: 'invalid_format',
  isISO8601: 'invalid_format',
  isEmail: 'invalid_format',
  isUrl: 'invalid_format',
  isUUID: 'invalid_format',
  whitelistValidation: 'not_allowed',
};

function isKnownReason(value: string): value is FieldErrorReason {
  return (
    Object.values(REASON_BY_CONSTRAINT).includes(value as FieldErrorReason) ||
    value === 'count_mismatch' ||
    value === 'unavailable'
  );
}

function childPath(parent: string, property: string): string {
  if (/^\d+$/.test(property)) return `${parent}[${property}]`;
  return parent ? `${parent}.${property}` : property;
}

/**
 * class-validator errors → FieldError[] (docs/contract/errors.md#field-errors), one entry per failing property, nested
 * paths in `a.b[0].c` form. A DTO may name the reason itself with `context: { reason: '…' }`.
 */
export function mapValidationErrors(errors: ValidationError[], parent = ''): FieldError[] {
  const result: FieldError[] = [];
  for (const error of errors) {
    const field = childPath(parent, error.property);
    const constraints = error.constraints ?? {};
    const names = Object.keys(constraints);
    if (names.length > 0) {
      // The most telling constraint first: a missing value, then a wrong type, then the rest in order.
      const rank = (n: string) =>
        REASON_BY_CONSTRAINT[n] === 'required' ? 0 : REASON_BY_CONSTRAINT[n] === 'invalid_type' ? 1 : 2;
      const first = [...names].sort((a, b) => rank(a) - rank(b))[0];
      const contextReason = (error.contexts?.[first] as { reason?: string } | undefined)?.reason;
      let reason: FieldErrorReason;
      if (contextReason && isKnownReason(contextReason)) reason = contextReason;
      else if (error.value === undefined || error.value === null) reason = 'required';
      else reason = REASON_BY_CONSTRAINT[first] ?? 'invalid_value';
      result.push({ field, reason, message: constraints[first] });
    }
    if (error.children?.length) result.push(...mapValidationErrors(error.children, field));
  }
  return result;
}
