import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startStack, writeClientsFile, type TestStack } from '../support/stack';
import { eventually, openApiValidators, rawGet } from './static-data.helpers';

/**
 * docs/contract/ids.md#station-operator-and-poi-ids: a `mapped` client sees the ids of the ID_MAP_DIR tables in the documents and can
 * search with them; a `native` client sees 12go ids. Same catalogue, same sandbox.
 */
describe('static data per client id scheme', () => {
  let stack: TestStack;
  let dir: string;
  const validators = openApiValidators();

  const documentOf = async (clientId: string, apiKey: string, doc: string) => {
    const link = await rawGet(`${stack.bffUrl}/v1/${clientId}/${doc}`, { 'x-api-key': apiKey });
    expect(link.status).toBe(200);
    const res = await rawGet(link.text);
    expect(res.status).toBe(200);
    return { etag: res.headers.etag as string, body: res.json<Array<Record<string, unknown>>>() };
  };

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'static-idmap-'));
    writeFileSync(
      join(dir, 'stations.csv'),
      'client_station_id,twelvego_station_id,twelvego_province_id\nTHBKKMCT,4055,1\nTHCNXARC,11553,44\n',
    );
    writeFileSync(join(dir, 'pois.csv'), 'client_poi_id,twelvego_province_id\nBKK,1\nCNX,44\n');
    writeFileSync(join(dir, 'operators.csv'), 'client_operator_id,twelvego_operator_id\nNXC,231\n');
    const clientsFile = writeClientsFile((file) => {
      file.clients.find((c) => c.client_id === 'demo').id_scheme = 'mapped';
      file.clients.find((c) => c.client_id === 'demo-b').id_scheme = 'native';
    }, dir);
    stack = await startStack({ env: { ID_MAP_DIR: dir }, clientsFile });
    await eventually(async () =>
      (await rawGet(`${stack.bffUrl}/v1/demo/stations`, { 'x-api-key': stack.demoKey })).status === 200
        ? true
        : undefined,
    );
  });
  afterAll(async () => {
    await stack?.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('serves mapped ids to the mapped client and 12go ids to the native one', async () => {
    const mapped = await documentOf('demo', stack.demoKey, 'stations');
    const native = await documentOf('demo-b', stack.demoBKey, 'stations');
    expect(validators.stations(mapped.body)).toBe(true);
    expect(mapped.etag).not.toBe(native.etag);
    expect(mapped.body.find((s) => s.id === 'THBKKMCT')).toMatchObject({
      name: 'Mo Chit Bus Terminal',
      address: { city: { id: 'BKK', name: 'Bangkok' } },
    });
    expect(mapped.body.find((s) => s.id === '4055')).toBeUndefined();
    // Unmapped stations keep their 12go id (identity fallback).
    expect(mapped.body.find((s) => s.id === '3')).toBeDefined();
    expect(native.body.find((s) => s.id === '4055')).toMatchObject({
      name: 'Mo Chit Bus Terminal',
      address: { city: { id: '1' } },
    });

    const mappedPois = (await documentOf('demo', stack.demoKey, 'pois')).body;
    expect(mappedPois.find((p) => p.Id === 'BKK')).toEqual({
      Id: 'BKK',
      name: 'Bangkok',
      stations: ['3', '5936', '5937', 'THBKKMCT'],
    });
    expect((await documentOf('demo-b', stack.demoBKey, 'pois')).body.find((p) => p.Id === '1')).toBeDefined();
    const mappedOperators = (await documentOf('demo', stack.demoKey, 'operating_carriers')).body;
    expect(mappedOperators.find((o) => o.Id === 'NXC')).toMatchObject({ name: 'Nakhon Express Coach' });
  });

  it('accepts the mapped ids from the documents in a search and answers with the same ids', async () => {
    const date = new Date(Date.now() + 7 * 3600_000 + 86_400_000).toISOString().slice(0, 10);
    for (const query of ['departures[]=THBKKMCT&arrivals[]=THCNXARC', 'departure_poi=BKK&arrival_poi=CNX']) {
      const res = await rawGet(`${stack.bffUrl}/v1/demo/itineraries?${query}&departure_date=${date}&pax=1`, {
        'x-api-key': stack.demoKey,
      });
      expect([200, 206]).toContain(res.status);
      const body = res.json<{
        itineraries: unknown[];
        segments: Array<{ from_station: string; operating_carrier_id: string }>;
      }>();
      expect(body.itineraries.length).toBeGreaterThan(0);
      expect(
        body.segments.some((s) => s.from_station === 'THBKKMCT' && s.operating_carrier_id === 'NXC'),
      ).toBe(true);
    }
  });
});
