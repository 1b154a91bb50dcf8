/* eslint-disable @typescript-eslint/no-explicit-any -- JSON documents of the API are walked dynamically */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { sha256KeyHash } from '../../apps/connect-api/src/platform/clients/api-key-hash';
import { openApiErrors } from '../contract/search-contract';
import { startStack, writeClientsFile, type TestStack } from '../support/stack';
import {
  expectCommonHeaders,
  expectSearchContract,
  getSearch,
  sandboxDate,
  upstreamSearches,
} from './search-e2e.helpers';

const NATIVE_KEY = 'search-e2e-native-scheme-key-0123456789';
const D = sandboxDate(3);

/** Station/POI/operator id mapping (docs/contract/ids.md#station-operator-and-poi-ids) through Search, per client scheme. */
describe('GET /v1/{client_id}/itineraries — id mapping', () => {
  let stack: TestStack;
  let dir: string;

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'search-idmap-'));
    writeFileSync(
      join(dir, 'stations.csv'),
      'client_station_id,twelvego_station_id,twelvego_province_id\nTHBKKHLS,3,1\nTHCNXRLW,4,44\n',
    );
    writeFileSync(join(dir, 'pois.csv'), 'client_poi_id,twelvego_province_id\nTHBKK,1\nTHCNX,44\n');
    writeFileSync(join(dir, 'operators.csv'), 'client_operator_id,twelvego_operator_id\nSRT,16779\n');
    const clientsFile = writeClientsFile((file) => {
      file.clients.push({
        ...file.clients[0],
        client_id: 'native-ids',
        name: 'Partner on 12go ids',
        api_keys: [{ id: 'ni', hash: sha256KeyHash(NATIVE_KEY) }],
        id_scheme: 'native',
      });
    });
    stack = await startStack({ clientsFile, env: { ID_MAP_DIR: dir } });
  });
  afterAll(async () => {
    await stack?.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('maps client station and operator ids both ways for mapped clients', async () => {
    const res = await getSearch(stack, `departures[]=THBKKHLS&arrivals[]=THCNXRLW&departure_date=${D}&pax=1`);
    expect(res.status).toBe(200);
    expectCommonHeaders(res);
    expect(openApiErrors('SearchResponse', res.body)).toEqual([]);
    expect(res.body.itineraries.length).toBeGreaterThan(0);
    for (const s of res.body.segments) {
      expect(s).toMatchObject({
        from_station: 'THBKKHLS',
        to_station: 'THCNXRLW',
        operating_carrier_id: 'SRT',
        vehicle_id: 'SRT-Train',
      });
      expect(s.id.startsWith('SRT-THBKKHLS-THCNXRLW-')).toBe(true);
    }
    expect(await upstreamSearches(stack)).toContain(`/search/3s/4s/${D}`);
  });

  it('maps POIs to 12go provinces and keeps the identity for all-digit ids', async () => {
    const res = await getSearch(stack, `departure_poi=THBKK&arrivals[]=4&departure_date=${D}&pax=1`);
    expect(res.status).toBe(200);
    expect(await upstreamSearches(stack)).toContain(`/search/1p/4s/${D}`);
    expect(new Set(res.body.segments.map((s: any) => s.to_station))).toEqual(new Set(['THCNXRLW']));
  });

  it('bypasses the tables for native-scheme clients', async () => {
    const mapped = await getSearch(
      stack,
      `departures[]=THBKKHLS&arrivals[]=THCNXRLW&departure_date=${D}&pax=1`,
      { clientId: 'native-ids', key: NATIVE_KEY },
    );
    expect(mapped.status).toBe(200);
    expect(mapped.body).toEqual({ vehicles: [], segments: [], itineraries: [] });
    const res = await getSearch(stack, `departures[]=3&arrivals[]=4&departure_date=${D}&pax=1`, {
      clientId: 'native-ids',
      key: NATIVE_KEY,
    });
    expectSearchContract(res);
    expect(res.body.segments[0]).toMatchObject({
      from_station: '3',
      to_station: '4',
      operating_carrier_id: '16779',
    });
  });
});
