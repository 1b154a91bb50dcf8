import type { ApiKeyHash } from './api-key-hash';
import type { ClientSnapshot } from './client-snapshot';

/** Verification material of one API key (kept out of ClientSnapshot so features never see hashes). */
export interface ApiKeyMaterial {
  id: string;
  hash: ApiKeyHash;
  notBefore?: number;
  expiresAt?: number;
}

/** One immutable, validated state of the client registry; swapped atomically on reload. */
export interface RegistrySnapshot {
  readonly clients: ReadonlyMap<string, ClientSnapshot>;
  readonly keys: ReadonlyMap<string, readonly ApiKeyMaterial[]>;
  readonly loadedAt: Date;
  /** SHA-256 (hex) of the file content, shown in logs and /admin/version. */
  readonly sha256: string;
  readonly enabledCount: number;
}

export function isKeyActive(key: { notBefore?: number; expiresAt?: number }, now: number): boolean {
  return (
    (key.notBefore === undefined || key.notBefore <= now) &&
    (key.expiresAt === undefined || now < key.expiresAt)
  );
}
