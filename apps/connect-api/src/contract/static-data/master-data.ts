/** Contract records of docs/contract/endpoints.md#master-data; keys in the order of the field tables. */
export type StationTransportationType = 'Bus' | 'Ferry' | 'Shuttle' | 'Train' | 'Airplane';

export interface StationAddress {
  country: string;
  province?: string;
  city?: { id: string; name: string };
  street_and_number?: string;
  zip_code?: string;
  time_zone: string;
  coordinate?: { latitude: number; longitude: number };
}

export interface Station {
  id: string;
  name: string;
  name_alterations?: string[];
  transportation_type: StationTransportationType;
  address: StationAddress;
  keywords?: string[];
}

export interface OperatingCarrier {
  Id: string;
  name: string;
  display_name?: string;
  logo_url?: string;
  email?: string;
  phone?: string;
  transportation_type: StationTransportationType;
  transportation_types?: StationTransportationType[];
}

export interface Poi {
  Id: string;
  name: string;
  stations: string[];
}
