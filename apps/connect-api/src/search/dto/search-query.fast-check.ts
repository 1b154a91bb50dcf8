import { LOCATION_ID_RE, QUERY_DATE_RE } from './search-query.dto';

const CURRENCY_RE = /^[A-Za-z]{3}$/;

const optional = (value: unknown, ok: (v: unknown) => boolean) => value === undefined || ok(value);
const matches = (re: RegExp) => (v: unknown) => typeof v === 'string' && re.test(v);
const intIn = (min: number, max: number) => (v: unknown) =>
  typeof v === 'number' && Number.isInteger(v) && v >= min && v <= max;

/**
 * The hot path of Search's scalar validation: `true` only when every rule of `SearchQueryDto` certainly
 * holds, so class-validator would report nothing. Anything else (`false`) goes through class-validator,
 * which stays the one source of error messages — same rules, same envelope, no second set of messages.
 * Keep in step with the DTO; `search-query.fast-check.spec.ts` checks the implication on generated input.
 */
export function searchScalarsCertainlyValid(s: Record<string, unknown>): boolean {
  return (
    matches(QUERY_DATE_RE)(s.departure_date) &&
    optional(s.return_date, matches(QUERY_DATE_RE)) &&
    intIn(1, 100)(s.pax) &&
    optional(s.departure_poi, matches(LOCATION_ID_RE)) &&
    optional(s.arrival_poi, matches(LOCATION_ID_RE)) &&
    optional(s.currency, matches(CURRENCY_RE)) &&
    optional(s.confidence_score, (v) => typeof v === 'number' && Number.isFinite(v) && v >= 0 && v <= 1) &&
    optional(s.cache_only, (v) => typeof v === 'boolean') &&
    optional(s.timeout, intIn(0, Number.MAX_SAFE_INTEGER))
  );
}
