import { fnv1a32, toBase62 } from '../core/hashing';
import type { Vehicle } from '../catalog/seed-data';

/** Trip key layout of docs/upstream-12go.md#identifiers (24 characters). */

const VEHICLE_LETTER: Record<Vehicle, string> = {
  bus: 'b',
  train: 't',
  avia: 'a',
  van: 'v',
  ferry: 'f',
  charter: 'c',
};

export interface TripKeyParts {
  country: string;
  fromStationId: number;
  toStationId: number;
  operatorId: number;
  vehicle: Vehicle | 'connection';
  classId: number;
  /** `HH:mm` departure of the first leg. */
  departure: string;
  /** Scenario code (6 letters) replaces the schedule hash. */
  scenario?: string;
}

export function scheduleSuffix(
  operatorId: number,
  from: number,
  to: number,
  departure: string,
  classId: number,
): string {
  return '0' + toBase62(fnv1a32(`${operatorId}|${from}|${to}|${departure}|${classId}`), 6);
}

export function buildTripKey(p: TripKeyParts): string {
  const letter = p.vehicle === 'connection' ? 'x' : VEHICLE_LETTER[p.vehicle];
  const suffix = p.scenario
    ? `Z${p.scenario}`
    : scheduleSuffix(p.operatorId, p.fromStationId, p.toStationId, p.departure, p.classId);
  return (
    p.country.toUpperCase() +
    toBase62(p.fromStationId, 4) +
    toBase62(p.toStationId, 4) +
    toBase62(p.operatorId, 3) +
    letter +
    toBase62(p.classId, 3) +
    suffix
  );
}
