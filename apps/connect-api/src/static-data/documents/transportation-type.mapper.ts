import type { StationTransportationType } from '../../contract/static-data/master-data';

/**
 * 12go vehicle class → station/operator `transportation_type` (docs/contract/values.md#enumerations D21). The station enum has
 * no `Van`: minivans and charters are `Shuttle`. Unknown classes are left out (null).
 */
export function toStationTransportationType(vehclass: string): StationTransportationType | null {
  switch (vehclass.trim().toLowerCase()) {
    case 'bus':
      return 'Bus';
    case 'train':
    case 'rail':
      return 'Train';
    case 'ferry':
    case 'boat':
    case 'speedboat':
      return 'Ferry';
    case 'avia':
    case 'air':
    case 'airplane':
    case 'flight':
      return 'Airplane';
    case 'van':
    case 'minivan':
    case 'shuttle':
    case 'charter':
    case 'taxi':
      return 'Shuttle';
    default:
      return null;
  }
}

/** Distinct mapped types, most frequent first; ties keep first-seen order. */
export function rankTransportationTypes(vehclasses: readonly string[]): StationTransportationType[] {
  const counts = new Map<StationTransportationType, number>();
  for (const v of vehclasses) {
    const t = toStationTransportationType(v);
    if (t) counts.set(t, (counts.get(t) ?? 0) + 1);
  }
  return [...counts.entries()].sort((a, b) => b[1] - a[1]).map(([t]) => t);
}
