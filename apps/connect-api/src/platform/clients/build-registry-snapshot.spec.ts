import { createHash } from 'node:crypto';
import { buildRegistrySnapshot, ClientsConfigError, RegistryBuildOptions } from './build-registry-snapshot';

const sha = (k: string) => `sha256:${createHash('sha256').update(k).digest('hex')}`;
const SECRET = `whsec_${Buffer.alloc(32, 7).toString('base64')}`;

function client(id: string, extra: Record<string, unknown> = {}) {
  return {
    client_id: id,
    name: id,
    enabled: true,
    api_keys: [{ id: 'k1', hash: sha(`key-of-${id}`) }],
    ...extra,
  };
}

function opts(over: Partial<RegistryBuildOptions> = {}): RegistryBuildOptions {
  return {
    env: {},
    allowInlineSecrets: false,
    requireHttpsWebhooks: true,
    allowPrivateTargets: false,
    defaultRateLimit: { rps: 10, burst: 20 },
    readFile: (p) => {
      if (p === '/secrets/acme-12go') return 'from-file-key\n';
      throw new Error('ENOENT');
    },
    now: new Date('2026-05-01T00:00:00Z'),
    ...over,
  };
}

const build = (clients: unknown[], o: Partial<RegistryBuildOptions> = {}) =>
  buildRegistrySnapshot(JSON.stringify({ schema_version: 1, clients }), opts(o));

function problemsOf(fn: () => unknown): string[] {
  try {
    fn();
  } catch (e) {
    if (e instanceof ClientsConfigError) return e.problems;
    throw e;
  }
  throw new Error('expected ClientsConfigError');
}

describe('buildRegistrySnapshot (docs/platform.md#client-registry)', () => {
  it('builds camelCase snapshots with defaults, secrets from env by precedence _FILE > env > inline', () => {
    const { snapshot } = build([client('acme'), client('b-c', { twelvego_api_key: 'inline-key' })], {
      env: {
        CLIENT_ACME_TWELVEGO_API_KEY: 'env-key',
        CLIENT_ACME_TWELVEGO_API_KEY_FILE: '/secrets/acme-12go',
        CLIENT_B_C_TWELVEGO_API_KEY: 'env-b',
      },
      allowInlineSecrets: true,
    });
    const acme = snapshot.clients.get('acme')!;
    expect(acme).toMatchObject({
      clientId: 'acme',
      twelvegoApiKey: 'from-file-key',
      twelvegoApiKeySource: 'file',
      defaults: { locale: 'en' },
      markup: null,
      rateLimit: { rps: 10, burst: 20 },
      asyncFlow: false,
      strictOwnership: false,
      itineraryIdFormat: 'native',
      idScheme: 'mapped',
      contractCode: '12go',
    });
    expect(snapshot.clients.get('b-c')).toMatchObject({
      twelvegoApiKey: 'env-b',
      twelvegoApiKeySource: 'env',
    });
    expect(snapshot.enabledCount).toBe(2);
    expect(snapshot.sha256).toMatch(/^[0-9a-f]{64}$/);
    expect(Object.isFrozen(acme)).toBe(true);
  });

  it('refuses inline secrets unless allowed', () => {
    expect(problemsOf(() => build([client('acme', { twelvego_api_key: 'inline' })])).join()).toMatch(
      /inline twelvego_api_key is not allowed/,
    );
  });

  it('reports every rule violation at once', () => {
    const problems = problemsOf(() =>
      build(
        [
          client('a-b', { twelvego_api_key: 'x' }),
          client('a_b', { twelvego_api_key: 'y' }),
          client('dup', { api_keys: [{ id: 'k', hash: sha('key-of-a-b') }] }),
          client('three', {
            api_keys: [
              { id: 'a', hash: sha('1') },
              { id: 'b', hash: sha('2') },
              { id: 'c', hash: sha('3') },
            ],
            twelvego_api_key: 'z',
          }),
          client('nokey'),
          client('hook', {
            twelvego_api_key: 'w',
            webhook: { url: 'http://127.0.0.1/hook', secrets: ['nope'] },
            markup: { percent: '120', fixed_per_booking: null },
          }),
        ],
        { allowInlineSecrets: true },
      ),
    ).join('\n');
    expect(problems).toMatch(/same env name/);
    expect(problems).toMatch(/same hash as a key of "a-b"/);
    expect(problems).toMatch(/at most 2 api keys/);
    expect(problems).toMatch(/\(nokey\): no 12go key/);
    expect(problems).toMatch(/must use https/);
    expect(problems).toMatch(/blocked address range/);
    expect(problems).toMatch(/whsec_/);
    expect(problems).toMatch(/markup.percent/);
  });

  it('accepts a fractional rps; refuses zero, negative and non-numeric ones', () => {
    const ok = build([client('slow', { twelvego_api_key: 'k', rate_limit: { rps: 0.1, burst: 3 } })], {
      allowInlineSecrets: true,
    });
    expect(ok.snapshot.clients.get('slow')!.rateLimit).toEqual({ rps: 0.1, burst: 3 });
    for (const rps of [0, -1, '2']) {
      const problems = problemsOf(() =>
        build([client('bad', { twelvego_api_key: 'k', rate_limit: { rps, burst: 3 } })], {
          allowInlineSecrets: true,
        }),
      ).join('\n');
      expect(problems).toMatch(/rps/);
    }
  });

  it('rejects reserved and malformed client ids', () => {
    const problems = problemsOf(() => build([client('admin'), client('Upper')])).join('\n');
    expect(problems).toMatch(/reserved name/);
    expect(problems).toMatch(/client_id must match/);
  });

  it('counts only active keys: expired ones do not count, a future not_before neither', () => {
    const keys = [
      { id: 'old', hash: sha('o'), expires_at: '2026-01-01T00:00:00Z' },
      { id: 'cur', hash: sha('c') },
      { id: 'next', hash: sha('n'), not_before: '2026-06-01T00:00:00Z' },
    ];
    expect(() =>
      build([client('acme', { api_keys: keys, twelvego_api_key: 'k' })], { allowInlineSecrets: true }),
    ).not.toThrow();
    const onlyExpired = [{ id: 'old', hash: sha('o'), expires_at: '2026-01-01T00:00:00Z' }];
    expect(
      problemsOf(() =>
        build([client('acme', { api_keys: onlyExpired, twelvego_api_key: 'k' })], {
          allowInlineSecrets: true,
        }),
      ).join(),
    ).toMatch(/at least one active/);
  });

  it('warns about keys expiring within 14 days and forces strict ownership on a shared 12go key', () => {
    const { snapshot, warnings } = build(
      [
        client('a1', {
          twelvego_api_key: 'same',
          api_keys: [{ id: 'soon', hash: sha('s'), expires_at: '2026-05-10T00:00:00Z' }],
        }),
        client('a2', { twelvego_api_key: 'same' }),
      ],
      { allowInlineSecrets: true },
    );
    expect(warnings.map((w) => w.event)).toEqual(
      expect.arrayContaining(['api_key.expiring', 'client.shared_upstream_key']),
    );
    expect(snapshot.clients.get('a1')).toMatchObject({ strictOwnership: true, sharedUpstreamKey: true });
    expect(snapshot.clients.get('a2')).toMatchObject({ strictOwnership: true });
  });

  it('accepts webhook secrets from env and private targets only when both switches allow it', () => {
    const hook = { url: 'http://10.0.0.5/hook', allow_private_target: true };
    const { snapshot } = build([client('acme', { twelvego_api_key: 'k', webhook: hook })], {
      allowInlineSecrets: true,
      requireHttpsWebhooks: false,
      allowPrivateTargets: true,
      env: { CLIENT_ACME_WEBHOOK_SECRETS: `${SECRET}, ${SECRET.replace('B', 'C')}` },
    });
    expect(snapshot.clients.get('acme')!.webhook).toMatchObject({
      secretsSource: 'env',
      enabled: true,
      allowPrivateTarget: true,
    });
    expect(snapshot.clients.get('acme')!.webhook!.secrets).toHaveLength(2);
    expect(snapshot.clients.get('acme')!.webhook!.eventTypes).toEqual([
      'booking.updated',
      'booking.confirmed',
      'booking.cancelled',
    ]);
  });

  it('rejects a file that is not JSON or of the wrong schema version', () => {
    expect(() => buildRegistrySnapshot('{', opts())).toThrow(ClientsConfigError);
    expect(
      problemsOf(() => buildRegistrySnapshot('{"schema_version":2,"clients":[]}', opts())).join(),
    ).toMatch(/schema_version/);
  });
});
