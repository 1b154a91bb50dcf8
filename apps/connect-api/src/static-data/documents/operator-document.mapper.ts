import type { Catalog } from '../catalog/catalog.types';
import { compareIds } from './document-order';
import type { OperatingCarrier, StationTransportationType } from '../../contract/static-data/master-data';
import type { DocumentIdMapper } from './static-document.types';
import { rankTransportationTypes, toStationTransportationType } from './transportation-type.mapper';

/**
 * Operators document (docs/contract/endpoints.md#master-data D22): one record per operator; `transportation_type` is the
 * main mode (the source's first class, else the most frequent on its routes, else `Bus`) and
 * `transportation_types` lists every mode when there is more than one.
 */
export function buildOperatorDocument(catalog: Catalog, ids: DocumentIdMapper): OperatingCarrier[] {
  const routeModes = new Map<number, string[]>();
  for (const route of catalog.routes) {
    for (const operatorId of route.operatorIds) {
      const list = routeModes.get(operatorId) ?? [];
      list.push(...route.vehclasses);
      routeModes.set(operatorId, list);
    }
  }
  const out: OperatingCarrier[] = [];
  const taken = new Set<string>();
  for (const o of catalog.operators) {
    const Id = ids.operator(o.id);
    if (taken.has(Id)) continue;
    taken.add(Id);
    const stated = [
      ...new Set(
        o.vehclasses.map(toStationTransportationType).filter((t): t is StationTransportationType => !!t),
      ),
    ];
    const modes = stated.length > 0 ? stated : rankTransportationTypes(routeModes.get(o.id) ?? []);
    const record: OperatingCarrier = {
      Id,
      name: o.name,
      ...(o.displayName ? { display_name: o.displayName } : {}),
      ...(o.logoUrl ? { logo_url: o.logoUrl } : {}),
      ...(o.email ? { email: o.email } : {}),
      ...(o.phone ? { phone: o.phone } : {}),
      transportation_type: modes[0] ?? 'Bus',
      ...(modes.length > 1 ? { transportation_types: modes } : {}),
    };
    out.push(record);
  }
  return out.sort((a, b) => compareIds(a.Id, b.Id));
}
