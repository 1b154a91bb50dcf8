import type {
  Catalog,
  CatalogClassImage,
  CatalogOperator,
  CatalogProvince,
  CatalogRoute,
  CatalogStation,
} from './catalog.types';
import { normaliseTimeZone } from './time-zone';

/** The catalogue body is unusable as a whole (not JSON of the expected shape, or no stations). */
export class CatalogFormatError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'CatalogFormatError';
  }
}

export interface ParsedCatalog {
  catalog: Catalog;
  /** Records skipped because they lack an id or a name (logged by the caller). */
  skipped: { provinces: number; stations: number; operators: number; routes: number; classImages: number };
}

type Rec = Record<string, unknown>;

/**
 * Parses a catalogue in the shape of the sandbox's `GET /__sandbox/catalog` (docs/upstream-12go.md#admin-api) or a
 * 12go export: `{ provinces, stations, operators, routes? }`, each a list or a map keyed by id. Field names
 * follow 12go (`station_id`, `station_name`, `station_lat`, …) with the plain forms (`id`, `name`, `lat`)
 * accepted as well. Individual unusable records are skipped and counted; a body without stations fails.
 */
export function parseCatalog(body: unknown): ParsedCatalog {
  const root = unwrap(body);
  if (!isRec(root)) throw new CatalogFormatError('catalogue is not a JSON object');
  const skipped = { provinces: 0, stations: 0, operators: 0, routes: 0, classImages: 0 };

  const provinces = collect(listOf(root, ['provinces', 'pois']), parseProvince, () => skipped.provinces++);
  const countryOf = new Map(provinces.map((p) => [p.id, p.country]));
  const stations = collect(
    listOf(root, ['stations']),
    (r) => parseStation(r, countryOf),
    () => skipped.stations++,
  );
  const operators = collect(listOf(root, ['operators']), parseOperator, () => skipped.operators++);
  const routes = collect(listOf(root, ['routes', 'departures']), parseRoute, () => skipped.routes++);
  const classImages = collect(listOf(root, ['class_images']), parseClassImage, () => skipped.classImages++);

  if (stations.length === 0) throw new CatalogFormatError('catalogue has no usable stations');
  return { catalog: { provinces, stations, operators, routes, classImages }, skipped };
}

function unwrap(body: unknown): unknown {
  if (isRec(body) && isRec(body.data) && !('stations' in body)) return body.data;
  if (isRec(body) && isRec(body.catalog) && !('stations' in body)) return body.catalog;
  return body;
}

function listOf(root: Rec, keys: string[]): unknown[] {
  for (const key of keys) {
    const v = root[key];
    if (v === undefined || v === null) continue;
    if (Array.isArray(v)) return v;
    if (isRec(v)) {
      // A map keyed by id: keep the key as a fallback id.
      return Object.entries(v).map(([k, item]) => (isRec(item) ? { __key: k, ...item } : item));
    }
    throw new CatalogFormatError(`catalogue "${key}" is neither a list nor a map`);
  }
  return [];
}

function collect<T>(items: unknown[], parse: (r: Rec) => T | null, onSkip: () => void): T[] {
  const out: T[] = [];
  const seen = new Set<unknown>();
  for (const item of items) {
    const parsed = isRec(item) ? parse(item) : null;
    const id =
      parsed && typeof parsed === 'object' && 'id' in parsed ? (parsed as { id: unknown }).id : undefined;
    if (!parsed || (id !== undefined && seen.has(id))) {
      onSkip();
      continue;
    }
    if (id !== undefined) seen.add(id);
    out.push(parsed);
  }
  return out;
}

function parseProvince(r: Rec): CatalogProvince | null {
  const id = posInt(first(r, ['province_id', 'provinceId', 'id', '__key']));
  const name = text(first(r, ['province_name', 'name']));
  if (id === null || name === null) return null;
  const country = countryCode(first(r, ['country', 'country_code', 'country_id', 'countryCode']));
  return {
    id,
    name,
    names: translations(r, ['province_name', 'name']),
    country,
    timeZone: normaliseTimeZone(
      first(r, ['time_zone', 'timezone', 'timeZone', 'tz', 'utc_offset', 'utcOffsetHours']),
      country,
    ),
    parentId: posInt(first(r, ['parent_id', 'parentId', 'parent_province_id'])),
  };
}

function parseStation(r: Rec, countryOf: Map<number, string | null>): CatalogStation | null {
  const id = posInt(first(r, ['station_id', 'stationId', 'id', '__key']));
  const name = text(first(r, ['station_name', 'name']));
  if (id === null || name === null) return null;
  const provinceId = posInt(first(r, ['province_id', 'provinceId', 'province']));
  const country =
    countryCode(first(r, ['country', 'country_code', 'country_id', 'countryCode'])) ??
    (provinceId !== null ? (countryOf.get(provinceId) ?? null) : null);
  const zone = first(r, ['time_zone', 'timezone', 'timeZone', 'tz', 'utc_offset', 'utcOffsetHours']);
  return {
    id,
    provinceId,
    name,
    names: translations(r, ['station_name', 'name']),
    nameAlterations: stringList(first(r, ['name_alterations', 'alt_names', 'aliases'])),
    code: text(first(r, ['station_code', 'code', 'iata'])),
    latitude: coordinate(first(r, ['station_lat', 'lat', 'latitude']), 90),
    longitude: coordinate(first(r, ['station_lng', 'lng', 'lon', 'longitude']), 180),
    vehclasses: stringList(
      first(r, ['vehclasses', 'vehclass', 'vehicle', 'transport_types', 'transport_type']),
    ).map((v) => v.toLowerCase()),
    country,
    timeZone: zone === undefined || zone === null || zone === '' ? null : normaliseTimeZone(zone, country),
    address: {
      street: text(first(r, ['street_and_number', 'address', 'street'])),
      zip: text(first(r, ['zip_code', 'zip', 'postcode'])),
    },
  };
}

function parseOperator(r: Rec): CatalogOperator | null {
  const id = posInt(first(r, ['operator_id', 'operatorId', 'id', '__key']));
  const name = text(first(r, ['operator_name', 'name']));
  if (id === null || name === null) return null;
  return {
    id,
    name,
    displayName: text(first(r, ['display_name', 'displayName', 'short_name'])),
    vehclasses: uniq(
      stringList(
        first(r, ['vehclasses', 'vehclass', 'vehicle', 'vehicles', 'transport_types', 'transport_type']),
      ).map((v) => v.toLowerCase()),
    ),
    logoUrl: logo(first(r, ['logo_url', 'logo', 'logoUrl'])),
    email: text(first(r, ['email', 'contact_email'])),
    phone: text(first(r, ['phone', 'contact_phone'])),
  };
}

/**
 * `{operator_id, class_id, url, width?, height?, type?}`: the inside photo of a 12go class as one operator sells
 * it. Only `TYPE_CLASS_INSIDE` is carried (the type legacy responses use for seat classes); other types are
 * skipped, as are entries without both ids and an http(s) URL.
 */
function parseClassImage(r: Rec): CatalogClassImage | null {
  const operatorId = posInt(first(r, ['operator_id', 'operatorId', 'operator']));
  const classId = posInt(first(r, ['class_id', 'classId', 'class']));
  const url = text(r.url);
  const type = text(r.type) ?? 'TYPE_CLASS_INSIDE';
  if (operatorId === null || classId === null || !url || !/^https?:\/\//i.test(url)) return null;
  if (type !== 'TYPE_CLASS_INSIDE') return null;
  return { operatorId, classId, url, width: posInt(r.width), height: posInt(r.height), type };
}

function parseRoute(r: Rec): CatalogRoute | null {
  const from = posInt(first(r, ['from', 'from_station_id', 'from_id', 'fromStationId']));
  const to = posInt(first(r, ['to', 'to_station_id', 'to_id', 'toStationId']));
  const via = arrayOf(first(r, ['via', 'via_station_ids', 'stops']))
    .map((v) => posInt(isRec(v) ? first(v, ['station_id', 'id']) : v))
    .filter((v): v is number => v !== null);
  const legStations = arrayOf(first(r, ['legs', 'segments'])).flatMap((leg) =>
    isRec(leg)
      ? [
          posInt(first(leg, ['from', 'from_station_id', 'fromStationId'])),
          posInt(first(leg, ['to', 'to_station_id', 'toStationId'])),
        ]
      : [],
  );
  const stationIds = uniq([from, ...via, ...legStations, to].filter((v): v is number => v !== null));
  if (stationIds.length === 0) return null;
  const operatorIds = uniq(
    [
      ...arrayOf(first(r, ['operators', 'operator_ids', 'operatorIds'])).map((v) =>
        posInt(isRec(v) ? first(v, ['id', 'operator_id']) : v),
      ),
      posInt(first(r, ['operator', 'operator_id', 'operatorId'])),
      ...arrayOf(first(r, ['legs', 'segments', 'departures'])).map((leg) =>
        isRec(leg) ? posInt(first(leg, ['operator', 'operator_id', 'operatorId'])) : null,
      ),
    ].filter((v): v is number => v !== null),
  );
  return {
    stationIds,
    operatorIds,
    vehclasses: uniq(stringList(first(r, ['vehclasses', 'vehclass', 'vehicle'])).map((v) => v.toLowerCase())),
  };
}

// ---- small readers ----

function isRec(v: unknown): v is Rec {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

function first(r: Rec, keys: string[]): unknown {
  for (const k of keys) if (r[k] !== undefined && r[k] !== null) return r[k];
  return undefined;
}

function posInt(v: unknown): number | null {
  const n = typeof v === 'number' ? v : typeof v === 'string' && /^\s*\d+\s*$/.test(v) ? Number(v) : NaN;
  return Number.isSafeInteger(n) && n > 0 ? n : null;
}

function text(v: unknown): string | null {
  if (typeof v === 'number' && Number.isFinite(v)) return String(v);
  if (typeof v !== 'string') return null;
  const t = v.trim();
  return t === '' ? null : t;
}

function arrayOf(v: unknown): unknown[] {
  return Array.isArray(v) ? v : v === undefined ? [] : [v];
}

function stringList(v: unknown): string[] {
  return uniq(
    arrayOf(v)
      .map(text)
      .filter((s): s is string => s !== null),
  );
}

function uniq<T>(items: T[]): T[] {
  return [...new Set(items)];
}

function countryCode(v: unknown): string | null {
  const t = text(v);
  return t && /^[A-Za-z]{2}$/.test(t) ? t.toUpperCase() : null;
}

/** A WGS 84 degree value; 0/0 "null island" placeholders are handled by the caller's pairing rule. */
function coordinate(v: unknown, limit: number): number | null {
  const n = typeof v === 'number' ? v : typeof v === 'string' && v.trim() !== '' ? Number(v) : NaN;
  return Number.isFinite(n) && Math.abs(n) <= limit ? n : null;
}

function logo(v: unknown): string | null {
  for (const item of arrayOf(v)) {
    const url = isRec(item) ? text(item.url) : text(item);
    if (url && /^https?:\/\//i.test(url)) return url;
  }
  return null;
}

/** `names: {th: …}` or `name_th` / `station_name_th` style keys. */
function translations(r: Rec, nameKeys: string[]): Record<string, string> {
  const out: Record<string, string> = {};
  const map = first(r, ['names', 'translations', 'i18n']);
  if (isRec(map)) {
    for (const [lang, value] of Object.entries(map)) {
      const t = isRec(value) ? text(first(value, ['name', 'station_name', 'province_name'])) : text(value);
      if (t && /^[a-z]{2}$/i.test(lang)) out[lang.toLowerCase()] = t;
    }
  }
  for (const key of nameKeys) {
    for (const [k, value] of Object.entries(r)) {
      if (k.length !== key.length + 3 || !k.startsWith(key)) continue;
      const m = /^_([a-z]{2})$/i.exec(k.slice(key.length));
      const t = text(value);
      if (m && t && !(m[1].toLowerCase() in out)) out[m[1].toLowerCase()] = t;
    }
  }
  delete out.en;
  return out;
}
