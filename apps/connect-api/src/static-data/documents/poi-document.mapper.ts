import type { Catalog } from '../catalog/catalog.types';
import { compareIds } from './document-order';
import type { Poi } from '../../contract/static-data/master-data';
import type { DocumentIdMapper } from './static-document.types';
import { localised } from './station-document.mapper';

/**
 * POIs document (docs/contract/endpoints.md#master-data D23): one POI per 12go province with the ids of every emitted
 * station inside it or inside its sub-areas (`parentId` chain); `stations` may be empty.
 */
export function buildPoiDocument(
  catalog: Catalog,
  locale: string,
  ids: DocumentIdMapper,
  emittedStations: ReadonlyMap<number, string>,
): Poi[] {
  const children = new Map<number, number[]>();
  for (const p of catalog.provinces) {
    if (p.parentId !== null && p.parentId !== p.id) push(children, p.parentId, p.id);
  }
  const direct = new Map<number, string[]>();
  for (const s of catalog.stations) {
    const clientId = emittedStations.get(s.id);
    if (clientId === undefined || s.provinceId === null) continue;
    push(direct, s.provinceId, clientId);
  }

  const out: Poi[] = [];
  const taken = new Set<string>();
  for (const p of catalog.provinces) {
    const Id = ids.poi(p.id);
    if (taken.has(Id)) continue;
    taken.add(Id);
    const stations = new Set<string>();
    const seen = new Set<number>();
    const stack = [p.id];
    while (stack.length > 0) {
      const area = stack.pop() as number;
      if (seen.has(area)) continue;
      seen.add(area);
      for (const s of direct.get(area) ?? []) stations.add(s);
      stack.push(...(children.get(area) ?? []));
    }
    out.push({ Id, name: localised(p.name, p.names, locale), stations: [...stations].sort(compareIds) });
  }
  return out.sort((a, b) => compareIds(a.Id, b.Id));
}

function push<K, V>(map: Map<K, V[]>, key: K, value: V): void {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}
