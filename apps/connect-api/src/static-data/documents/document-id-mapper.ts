import type { IdMapping, IdScheme } from '../../ids/id-mapping';
import type { DocumentIdMapper } from './static-document.types';

/** The documents use the same id mapping as Search (docs/contract/ids.md#station-operator-and-poi-ids), per client scheme. */
export function documentIdMapper(mapping: IdMapping, scheme: IdScheme): DocumentIdMapper {
  return {
    station: (id) => mapping.toClientStation(id, scheme),
    poi: (id) => mapping.toClientPoi(id, scheme),
    operator: (id) => mapping.toClientOperator(id, scheme),
  };
}
