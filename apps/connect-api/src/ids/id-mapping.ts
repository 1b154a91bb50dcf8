import { parseCsv } from './csv-records';

/**
 * Station, POI and operator ids (docs/contract/ids.md#station-operator-and-poi-ids): client-visible ids ↔ 12go integers, from optional
 * CSV tables with an identity fallback for all-digit ids, and a per-client scheme (`mapped` | `native`).
 */
export type IdScheme = 'mapped' | 'native';

export interface TwelveGoStationRef {
  stationId: number;
  /** Null when unknown (identity fallback); callers resolve it from 12go data if needed. */
  provinceId: number | null;
}

export interface IdMappingTables {
  /** `stations.csv`: `client_station_id,twelvego_station_id,twelvego_province_id`. */
  stations?: string;
  /** `pois.csv`: `client_poi_id,twelvego_province_id`. */
  pois?: string;
  /** `operators.csv`: `client_operator_id,twelvego_operator_id`. */
  operators?: string;
}

export class IdMappingError extends Error {}

const ALL_DIGITS = /^[1-9][0-9]*$/;

interface Table<T> {
  forward: Map<string, T>;
  /** 12go id → first client id in file order. */
  reverse: Map<number, string>;
}

export class IdMapping {
  private constructor(
    private readonly stations: Table<TwelveGoStationRef>,
    private readonly pois: Table<number>,
    private readonly operators: Table<number>,
    /** Duplicate reverse mappings, reported at load time. */
    readonly warnings: readonly string[],
  ) {}

  /** Identity only (no `ID_MAP_DIR`). */
  static identity(): IdMapping {
    return new IdMapping(emptyTable(), emptyTable(), emptyTable(), []);
  }

  /** Builds the tables from CSV texts; throws IdMappingError on a malformed file. */
  static fromCsv(tables: IdMappingTables): IdMapping {
    const warnings: string[] = [];
    const stations = buildTable(
      tables.stations,
      'stations.csv',
      ['client_station_id', 'twelvego_station_id', 'twelvego_province_id'],
      warnings,
      (row, where) => ({
        stationId: positiveInt(row[1], where),
        provinceId: row[2] === undefined || row[2] === '' ? null : positiveInt(row[2], where),
      }),
      (v) => v.stationId,
    );
    const pois = buildTable(
      tables.pois,
      'pois.csv',
      ['client_poi_id', 'twelvego_province_id'],
      warnings,
      (row, where) => positiveInt(row[1], where),
      (v) => v,
    );
    const operators = buildTable(
      tables.operators,
      'operators.csv',
      ['client_operator_id', 'twelvego_operator_id'],
      warnings,
      (row, where) => positiveInt(row[1], where),
      (v) => v,
    );
    return new IdMapping(stations, pois, operators, warnings);
  }

  toTwelveGoStation(clientId: string, scheme: IdScheme = 'mapped'): TwelveGoStationRef | null {
    if (scheme === 'mapped') {
      const row = this.stations.forward.get(clientId);
      if (row) return row;
    }
    return ALL_DIGITS.test(clientId) ? { stationId: Number(clientId), provinceId: null } : null;
  }

  toClientStation(twelveGoId: number | string, scheme: IdScheme = 'mapped'): string {
    return reverseLookup(this.stations, twelveGoId, scheme);
  }

  toTwelveGoProvince(clientPoiId: string, scheme: IdScheme = 'mapped'): number | null {
    return forwardLookup(this.pois, clientPoiId, scheme);
  }

  toClientPoi(twelveGoProvinceId: number | string, scheme: IdScheme = 'mapped'): string {
    return reverseLookup(this.pois, twelveGoProvinceId, scheme);
  }

  toTwelveGoOperator(clientOperatorId: string, scheme: IdScheme = 'mapped'): number | null {
    return forwardLookup(this.operators, clientOperatorId, scheme);
  }

  toClientOperator(twelveGoOperatorId: number | string, scheme: IdScheme = 'mapped'): string {
    return reverseLookup(this.operators, twelveGoOperatorId, scheme);
  }

  get sizes(): { stations: number; pois: number; operators: number } {
    return {
      stations: this.stations.forward.size,
      pois: this.pois.forward.size,
      operators: this.operators.forward.size,
    };
  }
}

function emptyTable<T>(): Table<T> {
  return { forward: new Map(), reverse: new Map() };
}

function forwardLookup(table: Table<number>, clientId: string, scheme: IdScheme): number | null {
  if (scheme === 'mapped') {
    const hit = table.forward.get(clientId);
    if (hit !== undefined) return hit;
  }
  return ALL_DIGITS.test(clientId) ? Number(clientId) : null;
}

function reverseLookup<T>(table: Table<T>, twelveGoId: number | string, scheme: IdScheme): string {
  const id = Number(twelveGoId);
  if (scheme === 'mapped') {
    const hit = table.reverse.get(id);
    if (hit !== undefined) return hit;
  }
  return String(twelveGoId);
}

function buildTable<T>(
  text: string | undefined,
  file: string,
  header: string[],
  warnings: string[],
  parseRow: (row: string[], where: string) => T,
  twelveGoIdOf: (value: T) => number,
): Table<T> {
  const table = emptyTable<T>();
  if (text === undefined) return table;
  const { records, errors } = parseCsv(text);
  if (errors.length) throw new IdMappingError(`${file} line ${errors[0].line}: ${errors[0].reason}`);
  const head = (records[0]?.fields ?? []).map((h) => h.trim().toLowerCase());
  if (header.some((h, i) => head[i] !== h))
    throw new IdMappingError(`${file}: header must be ${header.join(',')}`);
  for (const { line, fields } of records.slice(1)) {
    if (fields.length === 1 && fields[0].trim() === '') continue;
    const where = `${file} line ${line}`;
    const row = fields.map((c) => c.trim());
    const clientId = row[0];
    if (!clientId) throw new IdMappingError(`${where}: empty client id`);
    if (table.forward.has(clientId)) throw new IdMappingError(`${where}: duplicate client id ${clientId}`);
    const value = parseRow(row, where);
    table.forward.set(clientId, value);
    const twelveGoId = twelveGoIdOf(value);
    const existing = table.reverse.get(twelveGoId);
    if (existing === undefined) table.reverse.set(twelveGoId, clientId);
    else
      warnings.push(
        `${where}: 12go id ${twelveGoId} of ${clientId} already mapped from ${existing}; reverse lookups keep ${existing}`,
      );
  }
  return table;
}

function positiveInt(text: string | undefined, where: string): number {
  if (!text || !ALL_DIGITS.test(text))
    throw new IdMappingError(`${where}: "${text ?? ''}" is not a positive integer`);
  return Number(text);
}
