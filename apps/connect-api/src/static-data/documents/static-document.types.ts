export const STATIC_DOCUMENTS = ['stations', 'operating_carriers', 'pois'] as const;
export type StaticDocumentName = (typeof STATIC_DOCUMENTS)[number];

export function isStaticDocumentName(value: string): value is StaticDocumentName {
  return (STATIC_DOCUMENTS as readonly string[]).includes(value);
}

/** Turns 12go ids into the ids a client sees (docs/contract/ids.md#station-operator-and-poi-ids, per-client scheme). */
export interface DocumentIdMapper {
  station(twelveGoStationId: number): string;
  poi(twelveGoProvinceId: number): string;
  operator(twelveGoOperatorId: number): string;
}
