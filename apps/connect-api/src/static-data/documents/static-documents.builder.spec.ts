import { IdMapping } from '../../ids/id-mapping';
import { parseCatalog } from '../catalog/catalog.parser';
import { handMadeCatalog } from '../testing/hand-made-catalog';
import { documentIdMapper } from './document-id-mapper';
import { buildStaticDocuments, translatedLocales } from './static-documents.builder';

const catalog = () => parseCatalog(handMadeCatalog()).catalog;
const native = documentIdMapper(IdMapping.identity(), 'native');

describe('buildStaticDocuments (hand-made catalogue)', () => {
  const docs = buildStaticDocuments(catalog(), 'en', native);
  const station = (id: string) => docs.stations.find((s) => s.id === id);
  const operator = (id: string) => docs.operating_carriers.find((o) => o.Id === id);
  const poi = (id: string) => docs.pois.find((p) => p.Id === id);

  it('emits stations with name, country, IANA time zone, province/city and coordinates, in key order', () => {
    expect(station('3')).toEqual({
      id: '3',
      name: 'Bangkok Hua Lamphong Station',
      transportation_type: 'Train',
      address: {
        country: 'TH',
        province: 'Bangkok',
        city: { id: '1', name: 'Bangkok' },
        time_zone: 'Asia/Bangkok',
        coordinate: { latitude: 13.7393, longitude: 100.517 },
      },
    });
    expect(Object.keys(station('3')!)).toEqual(['id', 'name', 'transportation_type', 'address']);
    expect(Object.keys(station('3')!.address)).toEqual([
      'country',
      'province',
      'city',
      'time_zone',
      'coordinate',
    ]);
  });

  it('omits the coordinate when missing or a 0/0 placeholder, and parses numeric strings', () => {
    expect(station('4')!.address).not.toHaveProperty('coordinate');
    expect(station('11553')!.address).not.toHaveProperty('coordinate');
    expect(station('30301')!.address.coordinate).toEqual({ latitude: 5.4145, longitude: 100.3292 });
  });

  it('turns offsets into IANA zones (country zone when it matches)', () => {
    expect(station('4')!.address.time_zone).toBe('Asia/Bangkok');
    expect(station('30301')!.address.time_zone).toBe('Asia/Kuala_Lumpur');
    expect(station('30301')!.address.country).toBe('MY');
  });

  it('derives station modes from the source, routes, airport codes or names', () => {
    expect(station('4055')!.transportation_type).toBe('Bus');
    expect(station('4')!.transportation_type).toBe('Train');
    expect(station('5937')!.transportation_type).toBe('Airplane');
    expect(station('5937')!.keywords).toEqual(['BKK']);
  });

  it('leaves out stations without country or time zone and unusable records', () => {
    expect(station('99999')).toBeUndefined();
    expect(station('88888')).toBeUndefined();
    expect(docs.droppedStations).toEqual([99999]);
  });

  it('keeps non-ASCII names intact', () => {
    expect(station('60001')!.name).toBe('Köln Hauptbahnhof');
    expect(station('60001')!.address.country).toBe('DE');
    expect(poi('500')!.name).toBe('Düsseldorf-Köln Region');
    expect(JSON.parse(JSON.stringify(docs.stations))).toEqual(docs.stations);
  });

  it('sorts every document by id, numerically', () => {
    expect(docs.stations.map((s) => s.id)).toEqual(['3', '4', '4055', '5937', '11553', '30301', '60001']);
    expect(docs.operating_carriers.map((o) => o.Id)).toEqual(['5', '231', '16779', '26146', '40050']);
  });

  it('emits multi-mode operators with main mode first and every mode listed', () => {
    expect(operator('40050')).toEqual({
      Id: '40050',
      name: 'Andaman Bus & Boat',
      display_name: 'ABB',
      phone: '+66 76 000 000',
      transportation_type: 'Ferry',
      transportation_types: ['Ferry', 'Bus', 'Shuttle'],
    });
    expect(Object.keys(operator('40050')!)).toEqual([
      'Id',
      'name',
      'display_name',
      'phone',
      'transportation_type',
      'transportation_types',
    ]);
  });

  it('emits single-mode operators without transportation_types, with logos in either source form', () => {
    expect(operator('16779')).toEqual({
      Id: '16779',
      name: 'Siam State Railway',
      logo_url: 'https://cdn5.12go.asia/static/images/operator/16779/logo.png',
      transportation_type: 'Train',
    });
    expect(operator('231')).toEqual({ Id: '231', name: 'Nakhon Express Coach', transportation_type: 'Bus' });
    expect(operator('26146')).toMatchObject({
      logo_url: 'https://cdn.example/26146.png',
      transportation_type: 'Shuttle',
    });
    expect(operator('5')!.transportation_type).toBe('Airplane');
  });

  it('emits POIs with their stations (sub-areas included) and empty lists', () => {
    expect(poi('1')).toEqual({ Id: '1', name: 'Bangkok', stations: ['3', '4055', '5937'] });
    expect(poi('70')).toEqual({ Id: '70', name: 'Empty Province', stations: [] });
    expect(poi('500')!.stations).toEqual(['60001']);
    expect(poi('501')!.stations).toEqual(['60001']);
    expect(Object.keys(poi('1')!)).toEqual(['Id', 'name', 'stations']);
  });

  it('localises station, province and POI names, falling back to English', () => {
    const th = buildStaticDocuments(catalog(), 'th', native);
    expect(th.stations.find((s) => s.id === '4055')!.name).toBe('สถานีขนส่งหมอชิต');
    expect(th.stations.find((s) => s.id === '4055')!.name_alterations).toEqual(['Mo Chit Bus Terminal']);
    expect(th.stations.find((s) => s.id === '3')!.name).toBe('Bangkok Hua Lamphong Station');
    expect(th.stations.find((s) => s.id === '3')!.address.province).toBe('กรุงเทพมหานคร');
    expect(th.pois.find((p) => p.Id === '1')!.name).toBe('กรุงเทพมหานคร');
    expect(translatedLocales(catalog())).toEqual(['ru', 'th']);
  });

  it('applies the mapped id scheme to stations, POIs, cities and operators; native ignores the tables', () => {
    const mapping = IdMapping.fromCsv({
      stations: 'client_station_id,twelvego_station_id,twelvego_province_id\nTHBKKMCT,4055,1\nTHBKKHLS,3,1\n',
      pois: 'client_poi_id,twelvego_province_id\nBKK,1\n',
      operators: 'client_operator_id,twelvego_operator_id\nSRT,16779\n',
    });
    const mapped = buildStaticDocuments(catalog(), 'en', documentIdMapper(mapping, 'mapped'));
    expect(mapped.pois.find((p) => p.Id === 'BKK')!.stations).toEqual(['5937', 'THBKKHLS', 'THBKKMCT']);
    expect(mapped.stations.find((s) => s.id === 'THBKKMCT')!.address.city).toEqual({
      id: 'BKK',
      name: 'Bangkok',
    });
    expect(mapped.operating_carriers.map((o) => o.Id)).toContain('SRT');
    const nativeDocs = buildStaticDocuments(catalog(), 'en', documentIdMapper(mapping, 'native'));
    expect(nativeDocs.stations.map((s) => s.id)).toContain('4055');
    expect(nativeDocs.pois.map((p) => p.Id)).toContain('1');
  });
});
