import { createHash, pbkdf2Sync } from 'node:crypto';
import { ApiKeyAuthenticator } from './api-key-authenticator';
import { buildRegistrySnapshot } from './build-registry-snapshot';
import type { ClientRegistry } from './client-registry';

const sha = (k: string) => `sha256:${createHash('sha256').update(k).digest('hex')}`;
const salt = Buffer.from('salty-salt-16byt');
const pbkdf2 = `pbkdf2:sha256:1000:${salt.toString('base64')}:${pbkdf2Sync('legacy-key', salt, 1000, 32, 'sha256').toString('base64')}`;

function registryWith(clients: unknown[]): ClientRegistry {
  const { snapshot } = buildRegistrySnapshot(JSON.stringify({ schema_version: 1, clients }), {
    env: {},
    allowInlineSecrets: true,
    requireHttpsWebhooks: true,
    allowPrivateTargets: false,
    defaultRateLimit: { rps: 1, burst: 1 },
    readFile: () => '',
  });
  return { snapshot: () => snapshot } as unknown as ClientRegistry;
}

const registry = registryWith([
  {
    client_id: 'acme',
    name: 'A',
    enabled: true,
    twelvego_api_key: 'k',
    api_keys: [
      { id: 'a1', hash: sha('acme-key-1') },
      { id: 'a2', hash: sha('acme-key-2') },
    ],
  },
  {
    client_id: 'beta',
    name: 'B',
    enabled: true,
    twelvego_api_key: 'k2',
    api_keys: [{ id: 'b1', hash: pbkdf2 }],
  },
  { client_id: 'gone', name: 'G', enabled: false, api_keys: [{ id: 'g1', hash: sha('gone-key') }] },
]);

describe('ApiKeyAuthenticator (docs/contract/headers.md#authentication)', () => {
  const auth = new ApiKeyAuthenticator(registry);

  it('accepts either active key and reports which', async () => {
    expect(await auth.authenticate('acme', 'acme-key-1')).toMatchObject({ result: 'ok', keyId: 'a1' });
    expect(await auth.authenticate('acme', 'acme-key-2')).toMatchObject({ result: 'ok', keyId: 'a2' });
  });

  it('binds the key to its client_id', async () => {
    expect(await auth.authenticate('beta', 'acme-key-1')).toEqual({
      result: 'unauthorized',
      reason: 'bad_key',
      clientId: 'beta',
    });
    expect(await auth.authenticate('nobody', 'acme-key-1')).toEqual({
      result: 'unauthorized',
      reason: 'bad_key',
      clientId: undefined,
    });
    expect(await auth.authenticate('acme', undefined)).toMatchObject({
      result: 'unauthorized',
      reason: 'missing_key',
    });
  });

  it('answers disabled only to a caller holding a valid key', async () => {
    expect(await auth.authenticate('gone', 'gone-key')).toMatchObject({ result: 'disabled', keyId: 'g1' });
    expect(await auth.authenticate('gone', 'wrong')).toMatchObject({ result: 'unauthorized' });
  });

  it('verifies pbkdf2 hashes, caches successes, and skips uncached slow checks when told to', async () => {
    const fresh = new ApiKeyAuthenticator(registry);
    expect(await fresh.authenticate('beta', 'legacy-key', { allowSlowHashes: false })).toMatchObject({
      result: 'unauthorized',
    });
    expect(await fresh.authenticate('beta', 'legacy-key')).toMatchObject({ result: 'ok', keyId: 'b1' });
    expect(await fresh.authenticate('beta', 'legacy-key', { allowSlowHashes: false })).toMatchObject({
      result: 'ok',
      keyId: 'b1',
    });
    expect(await fresh.authenticate('beta', 'legacy-kez')).toMatchObject({ result: 'unauthorized' });
  });
});
