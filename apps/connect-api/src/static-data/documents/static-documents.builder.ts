import type { Catalog } from '../catalog/catalog.types';
import { buildOperatorDocument } from './operator-document.mapper';
import { buildPoiDocument } from './poi-document.mapper';
import type { OperatingCarrier, Poi, Station } from '../../contract/static-data/master-data';
import type { DocumentIdMapper } from './static-document.types';
import { buildStationDocument } from './station-document.mapper';

export interface StaticDocuments {
  stations: Station[];
  operating_carriers: OperatingCarrier[];
  pois: Poi[];
  /** 12go ids of stations left out (no country or time zone, or a duplicate client id). */
  droppedStations: number[];
}

/** The three documents for one locale and one id scheme. Pure. */
export function buildStaticDocuments(
  catalog: Catalog,
  locale: string,
  ids: DocumentIdMapper,
): StaticDocuments {
  const { stations, emitted, dropped } = buildStationDocument(catalog, locale, ids);
  return {
    stations,
    operating_carriers: buildOperatorDocument(catalog, ids),
    pois: buildPoiDocument(catalog, locale, ids, emitted),
    droppedStations: dropped,
  };
}

/** Languages with at least one translated station or POI name; every other locale reads the `en` build. */
export function translatedLocales(catalog: Catalog): string[] {
  const langs = new Set<string>();
  for (const item of [...catalog.stations, ...catalog.provinces])
    for (const l of Object.keys(item.names)) langs.add(l);
  return [...langs].sort();
}
