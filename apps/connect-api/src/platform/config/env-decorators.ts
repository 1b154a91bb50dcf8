import { Expose, Transform } from 'class-transformer';
import { IsBoolean, IsIn, IsInt, IsNumber, IsOptional, IsString, Max, Min } from 'class-validator';
import { applyDecorators } from '@nestjs/common';
import { parseEnvBoolean } from './env-parsers';

// Blank env values are removed before these run (load-app-config.ts), so property defaults apply to them.
const blankToUndefined = (value: unknown): unknown =>
  typeof value === 'string' && value.trim() === '' ? undefined : value;

/** A string env var. */
export function EnvString(opts: { optional?: boolean } = {}): PropertyDecorator {
  return applyDecorators(
    Expose(),
    ...(opts.optional ? [IsOptional()] : []),
    IsString({ message: '$property must be a string' }),
  );
}

/** An integer env var within [min, max]. */
export function EnvInt(min: number, max = Number.MAX_SAFE_INTEGER): PropertyDecorator {
  return applyDecorators(
    Expose(),
    Transform(({ value }) => {
      const v = blankToUndefined(value);
      if (v === undefined || typeof v === 'number') return v;
      return /^-?\d+$/.test(String(v).trim()) ? Number(v) : v;
    }),
    IsInt({ message: '$property must be an integer' }),
    Min(min, { message: `$property must be at least ${min}` }),
    Max(max, { message: `$property must be at most ${max}` }),
  );
}

/** A boolean env var: `true`/`false`/`1`/`0`/`yes`/`no`. */
export function EnvBool(): PropertyDecorator {
  return applyDecorators(
    Expose(),
    Transform(({ value }) => {
      const v = blankToUndefined(value);
      return v === undefined ? v : parseEnvBoolean(v);
    }),
    IsBoolean({ message: '$property must be true or false' }),
  );
}

/** One of a fixed set of values. */
export function EnvEnum(values: readonly string[]): PropertyDecorator {
  return applyDecorators(
    Expose(),
    Transform(({ value }) => blankToUndefined(value)),
    IsIn(values as string[], { message: `$property must be one of: ${values.join(', ')}` }),
  );
}

/** A decimal number env var within [min, max] (e.g. a sampling ratio). */
export function EnvNumber(min: number, max: number): PropertyDecorator {
  return applyDecorators(
    Expose(),
    Transform(({ value }) => {
      const v = blankToUndefined(value);
      if (v === undefined || typeof v === 'number') return v;
      return /^\s*\d+(\.\d+)?\s*$/.test(String(v)) ? Number(v) : v;
    }),
    IsNumber({}, { message: '$property must be a number' }),
    Min(min, { message: `$property must be at least ${min}` }),
    Max(max, { message: `$property must be at most ${max}` }),
  );
}
