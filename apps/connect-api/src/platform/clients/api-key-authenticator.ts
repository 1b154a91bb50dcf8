import { Injectable } from '@nestjs/common';
import { constantTimeEqual, sha256, verifyPbkdf2 } from './api-key-hash';
import { ClientRegistry } from './client-registry';
import type { ClientSnapshot } from './client-snapshot';
import { isKeyActive } from './registry-snapshot';

export type AuthOutcome =
  | { result: 'ok'; client: ClientSnapshot; keyId: string }
  | { result: 'disabled'; client: ClientSnapshot; keyId: string }
  | { result: 'unauthorized'; reason: 'missing_key' | 'bad_key'; clientId?: string };

const DUMMY_DIGEST = sha256('travelier-connect/no-such-client');
const PBKDF2_CACHE_MS = 10 * 60 * 1000;

/**
 * docs/contract/headers.md#authentication: the key is valid only together with the path's client_id. The SHA-256 of the
 * presented key is compared with every key of that client (constant time, no early exit); an unknown
 * client is compared against a dummy digest so timing does not reveal which client ids exist.
 */
@Injectable()
export class ApiKeyAuthenticator {
  /** pbkdf2 successes only, keyed by `clientId \n keyId \n sha256(key)`; failures are never cached. */
  private readonly pbkdf2Cache = new Map<string, number>();

  constructor(private readonly registry: ClientRegistry) {}

  async authenticate(
    clientId: string,
    presentedKey: string | undefined,
    opts: { allowSlowHashes?: boolean } = {},
  ): Promise<AuthOutcome> {
    if (!presentedKey) return { result: 'unauthorized', reason: 'missing_key', clientId };
    const snapshot = this.registry.snapshot();
    const client = snapshot.clients.get(clientId);
    const keys = snapshot.keys.get(clientId) ?? [];
    const digest = sha256(presentedKey);
    const now = Date.now();

    let matchedId: string | undefined;
    if (!client) {
      constantTimeEqual(digest, DUMMY_DIGEST);
    }
    for (const key of keys) {
      if (key.hash.format !== 'sha256') continue;
      const equal = constantTimeEqual(digest, key.hash.digest);
      if (equal && isKeyActive(key, now) && matchedId === undefined) matchedId = key.id;
    }
    if (matchedId === undefined && client) {
      for (const key of keys) {
        if (key.hash.format !== 'pbkdf2' || !isKeyActive(key, now)) continue;
        const cacheKey = `${clientId}\n${key.id}\n${digest.toString('hex')}`;
        const cachedUntil = this.pbkdf2Cache.get(cacheKey);
        if (cachedUntil !== undefined && cachedUntil > now) {
          matchedId = key.id;
          break;
        }
        if (opts.allowSlowHashes === false) continue;
        if (await verifyPbkdf2(presentedKey, key.hash)) {
          this.pbkdf2Cache.set(cacheKey, now + PBKDF2_CACHE_MS);
          matchedId = key.id;
          break;
        }
      }
    }
    if (!client || matchedId === undefined)
      return { result: 'unauthorized', reason: 'bad_key', clientId: client ? clientId : undefined };
    if (!client.enabled) return { result: 'disabled', client, keyId: matchedId };
    return { result: 'ok', client, keyId: matchedId };
  }
}
