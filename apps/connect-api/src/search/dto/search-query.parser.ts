import { plainToInstance } from 'class-transformer';
import { validateSync } from 'class-validator';
import type { FieldError } from '../../platform/errors/field-error';
import { mapValidationErrors } from '../../platform/errors/validation-errors.mapper';
import { LOCATION_ID_RE, MAX_LIST_SIZE, MAX_TIMEOUT_S, SearchQueryDto } from './search-query.dto';
import {
  collectList,
  dropUndefined,
  single,
  toBooleanIfBoolean,
  toNumberIfNumeric,
} from './query-string-values';
import { searchScalarsCertainlyValid } from './search-query.fast-check';
import { normaliseLocale } from '../../contract/locale';

export type SearchPlaceKind = 'station' | 'poi';

/** A client-visible place (station or POI id, before id mapping). */
export interface SearchPlace {
  kind: SearchPlaceKind;
  id: string;
}

export interface SearchPlacePair {
  from: SearchPlace;
  to: SearchPlace;
}

/** A validated Search request (docs/contract/endpoints.md#search). */
export interface SearchQuery {
  departureDate: string;
  pax: number;
  /** Distinct place pairs to search, in request order. */
  pairs: SearchPlacePair[];
  /** Upper-cased, validated against the supported set; undefined when absent. */
  currency?: string;
  /** Language part of a supported locale, `en` otherwise. */
  locale: string;
  /** Seconds the BFF may spend completing partial results, clamped to 0–30. */
  timeoutS: number;
  departures: string[];
  arrivals: string[];
  departurePoi?: string;
  arrivalPoi?: string;
}

export type SearchQueryParseResult = { ok: true; query: SearchQuery } | { ok: false; details: FieldError[] };

export interface SearchQueryParseOptions {
  now: Date;
  supportedCurrencies: readonly string[];
  /** SEARCH_MAX_PAIRS: place pairs (one 12go search each) one request may ask for; unlimited when absent. */
  maxPairs?: number;
}

/**
 * Raw query object (as the HTTP framework parsed it) → SearchQuery, or every problem at once as
 * FieldErrors (docs/contract/errors.md#field-errors). Unknown parameters are ignored.
 */
export function parseSearchQuery(
  raw: Record<string, unknown>,
  opts: SearchQueryParseOptions,
): SearchQueryParseResult {
  const details: FieldError[] = [];

  const scalars = {
    departure_date: single(raw.departure_date),
    return_date: single(raw.return_date),
    pax: toNumberIfNumeric(single(raw.pax)),
    departure_poi: single(raw.departure_poi),
    arrival_poi: single(raw.arrival_poi),
    currency: single(raw.currency),
    confidence_score: toNumberIfNumeric(single(raw.confidence_score)),
    cache_only: toBooleanIfBoolean(single(raw.cache_only)),
    timeout: toNumberIfNumeric(single(raw.timeout)),
  };
  if (!searchScalarsCertainlyValid(scalars)) {
    const dto = plainToInstance(SearchQueryDto, dropUndefined(scalars));
    details.push(
      ...mapValidationErrors(validateSync(dto, { forbidUnknownValues: false, stopAtFirstError: true })),
    );
  }
  const failed = new Set(details.map((d) => d.field));

  // Dates: format is checked by the DTO; calendar and range here.
  const today = opts.now.toISOString().slice(0, 10);
  const yesterday = new Date(Date.parse(`${today}T00:00:00Z`) - 86_400_000).toISOString().slice(0, 10);
  const departureDate =
    typeof scalars.departure_date === 'string' ? scalars.departure_date.slice(0, 10) : undefined;
  if (departureDate && !failed.has('departure_date')) {
    if (!isCalendarDate(departureDate))
      details.push(err('departure_date', 'invalid_value', 'departure_date is not a calendar date.'));
    else if (departureDate < yesterday)
      details.push(
        err('departure_date', 'out_of_range', 'departure_date must not be earlier than yesterday (UTC).'),
      );
  }
  const returnDate = typeof scalars.return_date === 'string' ? scalars.return_date.slice(0, 10) : undefined;
  if (returnDate && !failed.has('return_date')) {
    if (!isCalendarDate(returnDate))
      details.push(err('return_date', 'invalid_value', 'return_date is not a calendar date.'));
    else if (departureDate && isCalendarDate(departureDate) && returnDate < departureDate) {
      details.push(
        err('return_date', 'out_of_range', 'return_date must not be earlier than departure_date.'),
      );
    }
  }

  let currency: string | undefined;
  if (typeof scalars.currency === 'string' && !failed.has('currency')) {
    currency = scalars.currency.toUpperCase();
    if (!opts.supportedCurrencies.includes(currency))
      details.push(err('currency', 'invalid_value', `currency ${currency} is not supported.`));
  }

  // pax_ages: accepted, not used, but validated.
  const paxAges = collectList(raw, 'pax_ages');
  if (paxAges.length > MAX_LIST_SIZE)
    details.push(err('pax_ages', 'too_many', `pax_ages accepts at most ${MAX_LIST_SIZE} entries.`));
  paxAges.forEach((age, i) => {
    if (typeof age !== 'string' || !/^\d+$/.test(age.trim()))
      details.push(err(`pax_ages[${i}]`, 'invalid_type', 'Each pax_ages entry must be an integer.'));
    else if (Number(age) > 120)
      details.push(err(`pax_ages[${i}]`, 'out_of_range', 'Each pax_ages entry must be between 0 and 120.'));
  });

  const departures = validateStationList(raw, 'departures', details);
  const arrivals = validateStationList(raw, 'arrivals', details);
  const departurePoi =
    typeof scalars.departure_poi === 'string' && !failed.has('departure_poi')
      ? scalars.departure_poi
      : undefined;
  const arrivalPoi =
    typeof scalars.arrival_poi === 'string' && !failed.has('arrival_poi') ? scalars.arrival_poi : undefined;
  checkSide(departures.present, scalars.departure_poi !== undefined, 'departures', 'departure_poi', details);
  checkSide(arrivals.present, scalars.arrival_poi !== undefined, 'arrivals', 'arrival_poi', details);

  let pairs: SearchPlacePair[] = [];
  const sidesValid = !details.some((d) => /^(departures|arrivals|departure_poi|arrival_poi)/.test(d.field));
  if (sidesValid) {
    const from: SearchPlace[] =
      departurePoi !== undefined
        ? [{ kind: 'poi', id: departurePoi }]
        : departures.ids.map((id) => ({ kind: 'station', id }));
    const to: SearchPlace[] =
      arrivalPoi !== undefined
        ? [{ kind: 'poi', id: arrivalPoi }]
        : arrivals.ids.map((id) => ({ kind: 'station', id }));
    if (departurePoi === undefined && arrivalPoi === undefined && from.length === to.length) {
      // Two station lists of equal length: pairs by index; an identical pair is an error.
      from.forEach((f, i) => {
        if (f.id === to[i].id)
          details.push(
            err(`arrivals[${i}]`, 'invalid_value', `departures[${i}] and arrivals[${i}] must differ.`),
          );
      });
      pairs = from.map((f, i) => ({ from: f, to: to[i] }));
    } else {
      // Lists of unequal length (as real requests send them), or one side a POI: every combination.
      pairs = from.flatMap((f) => to.map((t) => ({ from: f, to: t })));
    }
    pairs = distinctPairs(pairs.filter((p) => !(p.from.kind === p.to.kind && p.from.id === p.to.id)));
    if (opts.maxPairs !== undefined && pairs.length > opts.maxPairs) {
      const field = departurePoi === undefined ? 'departures' : 'arrivals';
      details.push(
        err(
          field,
          'too_many',
          `departures × arrivals makes ${pairs.length} station pairs; at most ${opts.maxPairs} are searched per request.`,
        ),
      );
    }
  }

  if (details.length > 0) return { ok: false, details };
  const timeout = scalars.timeout as number | undefined;
  return {
    ok: true,
    query: {
      departureDate: departureDate!,
      pax: scalars.pax as number,
      pairs,
      ...(currency ? { currency } : {}),
      locale: normaliseLocale(single(raw.locale)),
      timeoutS: Math.min(timeout ?? 0, MAX_TIMEOUT_S),
      departures: departures.ids,
      arrivals: arrivals.ids,
      ...(departurePoi !== undefined ? { departurePoi } : {}),
      ...(arrivalPoi !== undefined ? { arrivalPoi } : {}),
    },
  };
}

function validateStationList(
  raw: Record<string, unknown>,
  name: 'departures' | 'arrivals',
  details: FieldError[],
): { present: boolean; ids: string[] } {
  const values = collectList(raw, name);
  if (values.length === 0) return { present: false, ids: [] };
  if (values.length > MAX_LIST_SIZE)
    details.push(err(name, 'too_many', `${name} accepts at most ${MAX_LIST_SIZE} entries.`));
  const ids: string[] = [];
  values.forEach((value, i) => {
    if (typeof value !== 'string' || !LOCATION_ID_RE.test(value)) {
      details.push(err(`${name}[${i}]`, 'pattern_mismatch', `${name}[${i}] must match ^[A-Z0-9]{1,32}$.`));
    } else ids.push(value);
  });
  return { present: true, ids };
}

function checkSide(
  hasList: boolean,
  hasPoi: boolean,
  listName: string,
  poiName: string,
  details: FieldError[],
): void {
  if (hasList && hasPoi)
    details.push(err(poiName, 'not_allowed', `${poiName} cannot be combined with ${listName}[].`));
  else if (!hasList && !hasPoi)
    details.push(err(listName, 'required', `Either ${listName}[] or ${poiName} is required.`));
}

function distinctPairs(pairs: SearchPlacePair[]): SearchPlacePair[] {
  const seen = new Set<string>();
  return pairs.filter((p) => {
    const key = `${p.from.kind}:${p.from.id}>${p.to.kind}:${p.to.id}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

function isCalendarDate(date: string): boolean {
  const [y, m, d] = date.split('-').map(Number);
  if (m < 1 || m > 12 || d < 1) return false;
  return d <= new Date(Date.UTC(y, m, 0)).getUTCDate();
}

function err(field: string, reason: FieldError['reason'], message: string): FieldError {
  return { field, reason, message };
}
