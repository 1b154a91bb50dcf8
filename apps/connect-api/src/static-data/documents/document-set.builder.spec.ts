import { IdMapping } from '../../ids/id-mapping';
import { parseCatalog } from '../catalog/catalog.parser';
import { handMadeCatalog } from '../testing/hand-made-catalog';
import { documentIdMapper } from './document-id-mapper';
import { buildDocumentSet, variantKey } from './document-set.builder';

const mappers = (mapping = IdMapping.identity()) => ({
  native: documentIdMapper(mapping, 'native'),
  mapped: documentIdMapper(mapping, 'mapped'),
});

describe('buildDocumentSet', () => {
  it('builds every scheme × translated locale × document, with content ETags', () => {
    const set = buildDocumentSet(parseCatalog(handMadeCatalog()).catalog, mappers());
    expect(set.locales).toEqual(['en', 'ru', 'th']);
    expect(set.documents.size).toBe(2 * 3 * 3);
    const en = set.documents.get(variantKey('native', 'en', 'stations'))!;
    expect(JSON.parse(en.body.toString('utf8'))).toHaveLength(en.count);
    expect(en.etag).toMatch(/^"[A-Za-z0-9_-]{27}"$/);
    // Without mapping tables, both schemes give identical content (and share one stored blob).
    expect(set.documents.get(variantKey('mapped', 'en', 'stations'))!.etag).toBe(en.etag);
  });

  it('gives equal versions for equal input and a new version when anything changes', () => {
    const a = buildDocumentSet(parseCatalog(handMadeCatalog()).catalog, mappers());
    const b = buildDocumentSet(parseCatalog(handMadeCatalog()).catalog, mappers());
    expect(b.version).toBe(a.version);
    const changed = handMadeCatalog();
    (changed.stations as Array<Record<string, unknown>>)[0].station_name = 'Mo Chit 2';
    expect(buildDocumentSet(parseCatalog(changed).catalog, mappers()).version).not.toBe(a.version);
    const mapping = IdMapping.fromCsv({ pois: 'client_poi_id,twelvego_province_id\nBKK,1\n' });
    expect(buildDocumentSet(parseCatalog(handMadeCatalog()).catalog, mappers(mapping)).version).not.toBe(
      a.version,
    );
  });
});
