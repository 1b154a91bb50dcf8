import {
  IsBoolean,
  IsDefined,
  IsInt,
  IsNumber,
  IsOptional,
  IsString,
  Matches,
  Max,
  Min,
} from 'class-validator';

/** docs/contract/README.md D9: station and POI ids. */
export const LOCATION_ID_RE = /^[A-Z0-9]{1,32}$/;
/** `YYYY-MM-DD`, optionally followed by an ISO time part (only the date is used). */
export const QUERY_DATE_RE =
  /^\d{4}-\d{2}-\d{2}(?:T\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?(?:Z|[+-]\d{2}:?\d{2})?)?$/;
export const MAX_LIST_SIZE = 100;
export const MAX_TIMEOUT_S = 30;

/**
 * Decorators run bottom-up: the most basic check (presence, type) is the lowest, and the parser stops
 * at the first failing one per parameter.
 *
 * Scalar query parameters of Search (docs/contract/endpoints.md#search) after normalisation (numbers and booleans
 * converted when they look like one, so a wrong type stays visible). Lists and cross-field rules are
 * checked in `search-query.parser.ts`.
 */
export class SearchQueryDto {
  @Matches(QUERY_DATE_RE, {
    message: 'departure_date must be a date (YYYY-MM-DD).',
    context: { reason: 'invalid_format' },
  })
  @IsString({ message: 'departure_date must be a date (YYYY-MM-DD).' })
  @IsDefined({ message: 'departure_date is required.' })
  departure_date!: string;

  @Matches(QUERY_DATE_RE, {
    message: 'return_date must be a date (YYYY-MM-DD).',
    context: { reason: 'invalid_format' },
  })
  @IsString({ message: 'return_date must be a date (YYYY-MM-DD).' })
  @IsOptional()
  return_date?: string;

  @Max(100, { message: 'pax must be between 1 and 100.' })
  @Min(1, { message: 'pax must be between 1 and 100.' })
  @IsInt({ message: 'pax must be an integer.' })
  @IsDefined({ message: 'pax is required.' })
  pax!: number;

  @Matches(LOCATION_ID_RE, { message: 'departure_poi must match ^[A-Z0-9]{1,32}$.' })
  @IsString({ message: 'departure_poi must be a single POI id.' })
  @IsOptional()
  departure_poi?: string;

  @Matches(LOCATION_ID_RE, { message: 'arrival_poi must match ^[A-Z0-9]{1,32}$.' })
  @IsString({ message: 'arrival_poi must be a single POI id.' })
  @IsOptional()
  arrival_poi?: string;

  @Matches(/^[A-Za-z]{3}$/, {
    message: 'currency must be a three-letter ISO 4217 code.',
    context: { reason: 'invalid_value' },
  })
  @IsString({ message: 'currency must be a three-letter ISO 4217 code.' })
  @IsOptional()
  currency?: string;

  @Max(1, { message: 'confidence_score must be between 0 and 1.' })
  @Min(0, { message: 'confidence_score must be between 0 and 1.' })
  @IsNumber(
    { allowNaN: false, allowInfinity: false },
    { message: 'confidence_score must be a number between 0 and 1.' },
  )
  @IsOptional()
  confidence_score?: number;

  @IsBoolean({ message: 'cache_only must be true or false.' })
  @IsOptional()
  cache_only?: boolean;

  @Min(0, { message: 'timeout must not be negative.' })
  @IsInt({ message: 'timeout must be a whole number of seconds.' })
  @IsOptional()
  timeout?: number;
}
