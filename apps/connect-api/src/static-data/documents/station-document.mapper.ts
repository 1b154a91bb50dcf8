import type { Catalog, CatalogProvince, CatalogStation } from '../catalog/catalog.types';
import { compareIds } from './document-order';
import type {
  Station,
  StationAddress,
  StationTransportationType,
} from '../../contract/static-data/master-data';
import type { DocumentIdMapper } from './static-document.types';
import { rankTransportationTypes } from './transportation-type.mapper';

export interface StationDocumentResult {
  stations: Station[];
  /** 12go station id → client station id, for the stations actually emitted. */
  emitted: Map<number, string>;
  /** Stations without a country or time zone (the contract requires both). */
  dropped: number[];
}

/** Stations document (docs/contract/endpoints.md#master-data) for one locale and one id scheme. */
export function buildStationDocument(
  catalog: Catalog,
  locale: string,
  ids: DocumentIdMapper,
): StationDocumentResult {
  const provinces = new Map(catalog.provinces.map((p) => [p.id, p]));
  const routeModes = stationModesFromRoutes(catalog);
  const stations: Station[] = [];
  const emitted = new Map<number, string>();
  const taken = new Set<string>();
  const dropped: number[] = [];

  for (const s of catalog.stations) {
    const province = s.provinceId !== null ? provinces.get(s.provinceId) : undefined;
    const address = stationAddress(s, province, locale, ids);
    const id = ids.station(s.id);
    if (!address || taken.has(id)) {
      dropped.push(s.id);
      continue;
    }
    taken.add(id);
    emitted.set(s.id, id);
    const name = localised(s.name, s.names, locale);
    const alterations = [...new Set([...s.nameAlterations, ...(name !== s.name ? [s.name] : [])])].filter(
      (n) => n !== name,
    );
    const station: Station = {
      id,
      name,
      ...(alterations.length > 0 ? { name_alterations: alterations } : {}),
      transportation_type: stationMode(s, routeModes.get(s.id) ?? []),
      address,
      ...(s.code ? { keywords: [s.code] } : {}),
    };
    stations.push(station);
  }
  stations.sort((a, b) => compareIds(a.id, b.id));
  return { stations, emitted, dropped };
}

function stationAddress(
  s: CatalogStation,
  province: CatalogProvince | undefined,
  locale: string,
  ids: DocumentIdMapper,
): StationAddress | null {
  const country = s.country ?? province?.country ?? null;
  const timeZone = s.timeZone ?? province?.timeZone ?? null;
  if (!country || !timeZone) return null;
  const provinceName = province ? localised(province.name, province.names, locale) : null;
  const coordinate =
    s.latitude !== null && s.longitude !== null && !(s.latitude === 0 && s.longitude === 0)
      ? { latitude: s.latitude, longitude: s.longitude }
      : null;
  const address: StationAddress = {
    country,
    ...(province && provinceName
      ? { province: provinceName, city: { id: ids.poi(province.id), name: provinceName } }
      : {}),
    ...(s.address.street ? { street_and_number: s.address.street } : {}),
    ...(s.address.zip ? { zip_code: s.address.zip } : {}),
    time_zone: timeZone,
    ...(coordinate ? { coordinate } : {}),
  };
  return address;
}

/** Per station, the vehicle classes of the routes that touch it (one vote per route and mode). */
function stationModesFromRoutes(catalog: Catalog): Map<number, string[]> {
  const operatorModes = new Map(catalog.operators.map((o) => [o.id, o.vehclasses]));
  const out = new Map<number, string[]>();
  for (const route of catalog.routes) {
    const modes =
      route.vehclasses.length > 0
        ? route.vehclasses
        : [
            ...new Set(
              route.operatorIds.map((id) => operatorModes.get(id)?.[0]).filter((m): m is string => !!m),
            ),
          ];
    for (const stationId of route.stationIds) {
      const list = out.get(stationId) ?? [];
      list.push(...modes);
      out.set(stationId, list);
    }
  }
  return out;
}

/**
 * Main mode of a station: what the source states, else the most frequent mode of its routes, else a hint
 * from an airport code or the name, else `Bus` (the most common ground station).
 */
function stationMode(s: CatalogStation, routeModes: string[]): StationTransportationType {
  const stated = rankTransportationTypes(s.vehclasses)[0];
  if (stated) return stated;
  const fromRoutes = rankTransportationTypes(routeModes)[0];
  if (fromRoutes) return fromRoutes;
  const name = s.name.toLowerCase();
  if (/\bairport\b/.test(name) || (s.code !== null && /^[A-Z]{3}$/.test(s.code))) return 'Airplane';
  if (/\b(pier|port|harbou?r|jetty|ferry)\b/.test(name)) return 'Ferry';
  if (/\b(railway|train)\b/.test(name)) return 'Train';
  return 'Bus';
}

export function localised(name: string, names: Record<string, string>, locale: string): string {
  return (locale !== 'en' && names[locale]) || name;
}
