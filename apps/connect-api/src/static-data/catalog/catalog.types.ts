import type { CatalogClassImage } from '../../seat-class-images/seat-class-images';

export type { CatalogClassImage };

/**
 * The catalogue after parsing: 12go ids, English names plus optional translations. Builders read only this
 * model, so the source format (sandbox `/__sandbox/catalog` or a 12go export) is parsed in one place.
 */
export interface CatalogProvince {
  id: number;
  name: string;
  /** Translated names by language code (`th`, `ru`, …); English is `name`. */
  names: Record<string, string>;
  /** ISO 3166-1 alpha-2, upper case; null when the source has none. */
  country: string | null;
  /** IANA zone; null when the source has none (stations may carry their own). */
  timeZone: string | null;
  /** Enclosing area (for "stations of sub-areas"); null at the top. */
  parentId: number | null;
}

export interface CatalogStation {
  id: number;
  provinceId: number | null;
  name: string;
  names: Record<string, string>;
  nameAlterations: string[];
  /** IATA or other public code (airports). */
  code: string | null;
  latitude: number | null;
  longitude: number | null;
  /** 12go vehicle classes stated by the source for this station (may be empty). */
  vehclasses: string[];
  country: string | null;
  timeZone: string | null;
  address: { street: string | null; zip: string | null };
}

export interface CatalogOperator {
  id: number;
  name: string;
  displayName: string | null;
  /** 12go vehicle classes, main first. */
  vehclasses: string[];
  logoUrl: string | null;
  email: string | null;
  phone: string | null;
}

export interface CatalogRoute {
  /** Every station the route touches, in order (from, via…, to). */
  stationIds: number[];
  operatorIds: number[];
  vehclasses: string[];
}

export interface Catalog {
  provinces: CatalogProvince[];
  stations: CatalogStation[];
  operators: CatalogOperator[];
  routes: CatalogRoute[];
  /** Optional seat-class photos per (operator, class); empty when the source has none. */
  classImages: CatalogClassImage[];
}
