import { createHash } from 'node:crypto';
import { buildRegistrySnapshot, ClientsConfigError } from '../platform/clients/build-registry-snapshot';
import { ConfigValidationError, loadAppConfig } from '../platform/config/load-app-config';

const sha = (k: string) => `sha256:${createHash('sha256').update(k).digest('hex')}`;

function build(route: unknown, legacyBaseUrl?: string) {
  const clients = [
    {
      client_id: 'acme',
      name: 'acme',
      enabled: true,
      api_keys: [{ id: 'k1', hash: sha('k') }],
      twelvego_api_key: 'tg',
      ...(route === undefined ? {} : { route }),
    },
  ];
  return buildRegistrySnapshot(JSON.stringify({ schema_version: 1, clients }), {
    env: {},
    allowInlineSecrets: true,
    requireHttpsWebhooks: true,
    allowPrivateTargets: false,
    defaultRateLimit: { rps: 10, burst: 20 },
    readFile: () => '',
    legacyBaseUrl,
  });
}

function problems(fn: () => unknown): string[] {
  try {
    fn();
  } catch (e) {
    if (e instanceof ClientsConfigError || e instanceof ConfigValidationError) return e.problems;
    throw e;
  }
  return [];
}

describe('migration configuration', () => {
  it('route defaults to bff and needs no LEGACY_BASE_URL', () => {
    expect(build(undefined).snapshot.clients.get('acme')?.route).toBe('bff');
    expect(build('bff').snapshot.clients.get('acme')?.route).toBe('bff');
  });

  it('legacy and shadow need LEGACY_BASE_URL', () => {
    expect(problems(() => build('legacy'))).toEqual([
      'clients[0] (acme): route "legacy" needs LEGACY_BASE_URL (the legacy system\'s base URL)',
    ]);
    expect(problems(() => build('shadow')).join()).toMatch(/route "shadow" needs LEGACY_BASE_URL/);
    expect(build('shadow', 'http://legacy.local').snapshot.clients.get('acme')?.route).toBe('shadow');
  });

  it('refuses an unknown route', () => {
    expect(problems(() => build('sideways', 'http://legacy.local'))).toEqual([
      'clients[0].route: route must be one of: bff, legacy, shadow',
    ]);
  });

  it('validates the migration environment at boot', () => {
    const c = loadAppConfig({ RECORD_REQUESTS_SAMPLE: '0.25', RECORD_REQUESTS_PATH: '/tmp/r.jsonl' });
    expect([c.RECORD_REQUESTS_SAMPLE, c.LEGACY_TIMEOUT_MS, c.SHADOW_QUEUE_SIZE]).toEqual([0.25, 60_000, 100]);
    expect(
      problems(() => loadAppConfig({ RECORD_REQUESTS_SAMPLE: '1.5', RECORD_REQUESTS_PATH: '/x' })),
    ).toEqual(['RECORD_REQUESTS_SAMPLE must be at most 1']);
    expect(problems(() => loadAppConfig({ RECORD_REQUESTS_SAMPLE: 'half' })).join()).toMatch(
      /RECORD_REQUESTS_SAMPLE must be a number/,
    );
    expect(problems(() => loadAppConfig({ RECORD_REQUESTS_SAMPLE: '0.1' }))).toEqual([
      'RECORD_REQUESTS_PATH is required when RECORD_REQUESTS_SAMPLE is above 0',
    ]);
    expect(c.SHADOW_QUEUE_BYTES).toBe(32 * 1024 * 1024);
    expect(loadAppConfig({ SHADOW_QUEUE_BYTES: '1048576' }).SHADOW_QUEUE_BYTES).toBe(1_048_576);
    expect(problems(() => loadAppConfig({ SHADOW_QUEUE_BYTES: '100' }))).toEqual([
      'SHADOW_QUEUE_BYTES must be at least 1024',
    ]);
    expect(problems(() => loadAppConfig({ LEGACY_BASE_URL: 'legacy.local' }))).toEqual([
      'LEGACY_BASE_URL must be an http(s) URL',
    ]);
  });
});
