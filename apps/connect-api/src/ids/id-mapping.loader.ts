import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { IdMapping } from './id-mapping';

/** Loads `stations.csv`, `pois.csv`, `operators.csv` from `ID_MAP_DIR` (each optional); unset dir → identity. */
export function loadIdMapping(dir: string | undefined): IdMapping {
  if (!dir) return IdMapping.identity();
  const read = (name: string): string | undefined => {
    const path = join(dir, name);
    return existsSync(path) ? readFileSync(path, 'utf8') : undefined;
  };
  return IdMapping.fromCsv({
    stations: read('stations.csv'),
    pois: read('pois.csv'),
    operators: read('operators.csv'),
  });
}
