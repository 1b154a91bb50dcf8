import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { IdMapping, IdMappingError } from './id-mapping';
import { loadIdMapping } from './id-mapping.loader';

const TABLES = {
  stations:
    'client_station_id,twelvego_station_id,twelvego_province_id\nILTLVTLV,4055,1\nILTLVALT,4055,1\nTHCNXARC,11553,\n',
  pois: 'client_poi_id,twelvego_province_id\r\nTHBKK,1\r\nTHCNX,44\r\n',
  operators: 'client_operator_id,twelvego_operator_id\n"SRT",16779\n',
};

describe('IdMapping (docs/contract/ids.md#station-operator-and-poi-ids)', () => {
  const mapping = IdMapping.fromCsv(TABLES);

  it('maps client station ids to 12go ids, with the identity fallback for all-digit ids', () => {
    expect(mapping.toTwelveGoStation('ILTLVTLV')).toEqual({ stationId: 4055, provinceId: 1 });
    expect(mapping.toTwelveGoStation('THCNXARC')).toEqual({ stationId: 11553, provinceId: null });
    expect(mapping.toTwelveGoStation('4055')).toEqual({ stationId: 4055, provinceId: null });
    expect(mapping.toTwelveGoStation('UNKNOWN')).toBeNull();
    expect(mapping.toTwelveGoStation('0123')).toBeNull();
  });

  it('reverses to the first client id in file order, identity otherwise', () => {
    expect(mapping.toClientStation(4055)).toBe('ILTLVTLV');
    expect(mapping.toClientStation('11553')).toBe('THCNXARC');
    expect(mapping.toClientStation(3)).toBe('3');
    expect(mapping.warnings).toHaveLength(1);
    expect(mapping.warnings[0]).toContain('ILTLVALT');
  });

  it('maps POIs and operators the same way', () => {
    expect(mapping.toTwelveGoProvince('THBKK')).toBe(1);
    expect(mapping.toTwelveGoProvince('44')).toBe(44);
    expect(mapping.toTwelveGoProvince('NOPE')).toBeNull();
    expect(mapping.toClientPoi(44)).toBe('THCNX');
    expect(mapping.toClientPoi(999)).toBe('999');
    expect(mapping.toTwelveGoOperator('SRT')).toBe(16779);
    expect(mapping.toClientOperator(16779)).toBe('SRT');
    expect(mapping.toClientOperator(231)).toBe('231');
  });

  it('bypasses the tables for native-scheme clients', () => {
    expect(mapping.toTwelveGoStation('ILTLVTLV', 'native')).toBeNull();
    expect(mapping.toTwelveGoStation('4055', 'native')).toEqual({ stationId: 4055, provinceId: null });
    expect(mapping.toClientStation(4055, 'native')).toBe('4055');
    expect(mapping.toTwelveGoProvince('THBKK', 'native')).toBeNull();
    expect(mapping.toClientPoi(1, 'native')).toBe('1');
    expect(mapping.toClientOperator(16779, 'native')).toBe('16779');
  });

  it('identity() maps nothing but digits', () => {
    const id = IdMapping.identity();
    expect(id.toTwelveGoStation('3')).toEqual({ stationId: 3, provinceId: null });
    expect(id.toClientStation(3)).toBe('3');
    expect(id.toTwelveGoProvince('ABC')).toBeNull();
  });

  it('rejects malformed files', () => {
    expect(() => IdMapping.fromCsv({ pois: 'poi,province\nA,1' })).toThrow(IdMappingError);
    expect(() => IdMapping.fromCsv({ pois: 'client_poi_id,twelvego_province_id\nA,x' })).toThrow(
      IdMappingError,
    );
    expect(() => IdMapping.fromCsv({ pois: 'client_poi_id,twelvego_province_id\nA,1\nA,2' })).toThrow(
      /duplicate/,
    );
  });

  it('reads a quoted cell spanning lines and numbers later rows by file line', () => {
    const operators = 'client_operator_id,twelvego_operator_id\n"SRT\nNIGHT",16779\nKTX,231\n';
    const m = IdMapping.fromCsv({ operators });
    expect(m.toTwelveGoOperator('SRT\nNIGHT')).toBe(16779);
    expect(m.toClientOperator(231)).toBe('KTX');
    expect(() => IdMapping.fromCsv({ operators: operators.replace('KTX,231', 'KTX,x') })).toThrow(
      /operators\.csv line 4: "x" is not a positive integer/,
    );
    expect(() => IdMapping.fromCsv({ operators: operators + '"open,1\n' })).toThrow(
      /operators\.csv line 5: unterminated quoted field/,
    );
  });

  it('loads the three files from a directory', () => {
    const dir = mkdtempSync(join(tmpdir(), 'idmap-'));
    try {
      writeFileSync(join(dir, 'pois.csv'), TABLES.pois);
      const loaded = loadIdMapping(dir);
      expect(loaded.toTwelveGoProvince('THCNX')).toBe(44);
      expect(loaded.sizes).toEqual({ stations: 0, pois: 2, operators: 0 });
      expect(loadIdMapping(undefined).sizes).toEqual({ stations: 0, pois: 0, operators: 0 });
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
