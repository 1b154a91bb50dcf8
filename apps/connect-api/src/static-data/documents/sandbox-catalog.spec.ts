import { buildCatalog } from '../../../../twelvego-sandbox/src/admin/catalog-view';
import { PROVINCES, STATIONS } from '../../../../twelvego-sandbox/src/catalog/seed-data';
import { IdMapping } from '../../ids/id-mapping';
import { parseCatalog } from '../catalog/catalog.parser';
import { documentIdMapper } from './document-id-mapper';
import { buildStaticDocuments } from './static-documents.builder';

/** Exactly the body `GET /__sandbox/catalog` serves (docs/upstream-12go.md#seed-data-and-trips, docs/upstream-12go.md#admin-api), round-tripped through JSON. */
const sandboxCatalog = () => JSON.parse(JSON.stringify(buildCatalog())) as unknown;

describe('buildStaticDocuments (sandbox seed catalogue)', () => {
  const docs = buildStaticDocuments(
    parseCatalog(sandboxCatalog()).catalog,
    'en',
    documentIdMapper(IdMapping.identity(), 'native'),
  );
  const mode = (id: string) => docs.stations.find((s) => s.id === id)?.transportation_type;

  it('emits every seed station with coordinates, country and the province time zone', () => {
    expect(docs.stations).toHaveLength(STATIONS.length);
    expect(docs.droppedStations).toEqual([]);
    for (const s of docs.stations) {
      expect(s.address.coordinate).toBeDefined();
      expect(s.address.time_zone).toMatch(/^Asia\//);
    }
    expect(docs.stations.find((s) => s.id === '30301')!.address).toMatchObject({
      country: 'MY',
      province: 'Penang',
      city: { id: '1401', name: 'Penang' },
      time_zone: 'Asia/Kuala_Lumpur',
      coordinate: { latitude: 5.4145, longitude: 100.3292 },
    });
  });

  it('gives each station the mode of the services that call there', () => {
    expect([mode('3'), mode('4')]).toEqual(['Train', 'Train']);
    expect([mode('4055'), mode('11553'), mode('20101'), mode('30101'), mode('9001')]).toEqual([
      'Bus',
      'Bus',
      'Bus',
      'Bus',
      'Bus',
    ]);
    expect([mode('5936'), mode('5937'), mode('5939'), mode('5943')]).toEqual([
      'Airplane',
      'Airplane',
      'Airplane',
      'Airplane',
    ]);
    expect([mode('20102'), mode('20201'), mode('20301')]).toEqual(['Ferry', 'Ferry', 'Ferry']);
    expect([mode('20401'), mode('30301')]).toEqual(['Shuttle', 'Shuttle']);
  });

  it('emits one record per operator with its mode and logo', () => {
    expect(docs.operating_carriers.find((o) => o.Id === '16779')).toEqual({
      Id: '16779',
      name: 'Siam State Railway',
      logo_url: 'https://cdn5.12go.asia/static/images/operator/16779/logo.png',
      transportation_type: 'Train',
    });
    expect(docs.operating_carriers.map((o) => [o.Id, o.transportation_type])).toEqual([
      ['5', 'Airplane'],
      ['231', 'Bus'],
      ['9999', 'Bus'],
      ['16779', 'Train'],
      ['26146', 'Shuttle'],
      ['32030', 'Bus'],
      ['33709', 'Airplane'],
      ['40001', 'Ferry'],
      ['40002', 'Bus'],
    ]);
  });

  it('emits one POI per province with its stations', () => {
    expect(docs.pois).toHaveLength(PROVINCES.length);
    expect(docs.pois.find((p) => p.Id === '1')).toEqual({
      Id: '1',
      name: 'Bangkok',
      stations: ['3', '4055', '5936', '5937'],
    });
    expect(docs.pois.find((p) => p.Id === '999')!.stations).toEqual(['9001', '9002']);
  });
});
