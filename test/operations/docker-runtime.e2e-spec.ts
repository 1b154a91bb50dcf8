import { ChildProcess, spawn, spawnSync } from 'node:child_process';
import { createSocket } from 'node:dgram';
import { createServer } from 'node:http';
import { AddressInfo } from 'node:net';
import { randomBytes } from 'node:crypto';
import {
  cpSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  symlinkSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { REPO_ROOT } from '../support/local-env';
import {
  DEMO_KEY,
  deleteKeysWithPrefixes,
  findSecretLeaks,
  freePort,
  startSandbox,
  RunningSandbox,
  testRedisUrl,
} from '../support/stack';
import {
  copies,
  DockerIgnore,
  parseDockerfile,
  replayCopy,
  stageByName,
  stageEnv,
  stageExec,
} from './docker-files';

const { productionClosure } = require('../../scripts/prune-dev-only-peers.js') as {
  productionClosure(lock: unknown): Set<string>;
};

/**
 * The image's runtime stage, replayed without Docker (issue 8): the build stage's COPYs (minus
 * .dockerignore) into a temp dir, `npm run build` there, a production-only `npm ci --omit=dev` from the
 * lockfile (what `npm prune --omit=dev` leaves), then `node dist/apps/connect-api/main.js` started from
 * that dir with the `bff` target's ENV and CMD. Once per run, nothing cached between runs (~30 s).
 * Stand-ins: the build stage's full `npm ci` is the repository's node_modules (same lockfile), tini is
 * absent (signals go straight to node), and the listen address/port, upstream and Redis are the test's.
 */
const dockerfile = parseDockerfile(readFileSync(join(REPO_ROOT, 'docker/Dockerfile'), 'utf8'));
// generous: a loaded shared machine has needed more than 4 min for the build and the production install
const SETUP_TIMEOUT_MS = 600_000;

function npm(args: string[], cwd: string, extraEnv: Record<string, string> = {}): Promise<void> {
  // A clean environment: npm_config_* of an outer `npm test` must not leak into these installs.
  const env: Record<string, string> = {};
  for (const [k, v] of Object.entries(process.env)) if (v !== undefined && !/^npm_/i.test(k)) env[k] = v;
  return new Promise((resolvePromise, reject) => {
    const child = spawn('npm', args, {
      cwd,
      env: { ...env, ...extraEnv },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let output = '';
    child.stdout.on('data', (d) => (output += d));
    child.stderr.on('data', (d) => (output += d));
    child.once('error', reject);
    child.once('exit', (code) =>
      code === 0
        ? resolvePromise()
        : reject(new Error(`npm ${args.join(' ')} exited ${code}:\n${output.slice(-4000)}`)),
    );
  });
}

/** The image's file system: /app of the runtime stage. */
async function assembleRuntimeStage(tmp: string): Promise<string> {
  const ignore = DockerIgnore.load(REPO_ROOT);
  const build = join(tmp, 'build');
  mkdirSync(build);
  for (const copy of copies(stageByName(dockerfile, 'build'))) replayCopy(copy, REPO_ROOT, build, ignore);
  symlinkSync(join(REPO_ROOT, 'node_modules'), join(build, 'node_modules'), 'dir');
  await npm(['run', 'build', '--silent'], build);

  const app = join(tmp, 'app');
  mkdirSync(app);
  cpSync(join(build, 'package.json'), join(app, 'package.json'));
  cpSync(join(build, 'package-lock.json'), join(app, 'package-lock.json'));
  await npm(['ci', '--omit=dev', '--no-audit', '--no-fund', '--cache', join(tmp, 'npm-cache')], app);
  const steps = runPruneSteps(build, app);
  expect(steps.map((s) => s.split(/\s+/)[1])).toEqual([
    'scripts/prune-dev-only-peers.js',
    'scripts/prune-native-prebuilds.js',
    'scripts/prune-source-maps.js',
  ]);
  rmSync(join(app, 'package-lock.json'));
  cpSync(join(build, 'dist'), join(app, 'dist'), { recursive: true });
  return app;
}

/**
 * The build stage's pruning steps (`node scripts/prune-….js …` after `npm prune --omit=dev`), in order and
 * exactly as the Dockerfile words them (the scripts from the replayed build context, run in the image's /app).
 */
function runPruneSteps(build: string, app: string): string[] {
  const steps = stageByName(dockerfile, 'build')
    .instructions.filter((i) => i.keyword === 'RUN')
    .flatMap((i) => i.args.split('&&'))
    .map((s) => s.trim())
    .filter((s) => /^node scripts\/prune-/.test(s));
  for (const step of steps) {
    const [command, script, ...args] = step.split(/\s+/);
    expect(command).toBe('node');
    const run = spawnSync(process.execPath, [join(build, script), ...args], { cwd: app, encoding: 'utf8' });
    if (run.status !== 0) throw new Error(`${step} failed:\n${run.stderr}`);
  }
  return steps;
}

interface RunningBff {
  url: string;
  child: ChildProcess;
  output(): string;
  exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
}

/** Starts the `bff` target's CMD from `app` with the image ENV plus `overrides`, and waits for /health/live. */
async function startBff(app: string, overrides: Record<string, string>): Promise<RunningBff> {
  const port = await freePort();
  const [command, ...args] = stageExec(dockerfile, 'bff', 'CMD')!;
  expect(command).toBe('node');
  const env = {
    PATH: process.env.PATH ?? '',
    ...stageEnv(dockerfile, 'bff'),
    HOST: '127.0.0.1',
    PORT: String(port),
    ...overrides,
  };
  const child = spawn(process.execPath, args, { cwd: app, env, stdio: ['ignore', 'pipe', 'pipe'] });
  let output = '';
  child.stdout!.on('data', (d) => (output += d));
  child.stderr!.on('data', (d) => (output += d));
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((r) =>
    child.once('exit', (code, signal) => r({ code, signal })),
  );
  const url = `http://127.0.0.1:${port}`;
  const deadline = Date.now() + 30_000;
  for (;;) {
    if (child.exitCode !== null)
      throw new Error(`the BFF exited (${child.exitCode}) at startup:\n${output.slice(-3000)}`);
    const ok = await fetch(`${url}/health/live`).then(
      (r) => r.ok,
      () => false,
    );
    if (ok) break;
    if (Date.now() > deadline) throw new Error(`no /health/live within 30 s:\n${output.slice(-3000)}`);
    await new Promise((r) => setTimeout(r, 200));
  }
  return { url, child, output: () => output, exited };
}

async function stopWithin(
  bff: RunningBff,
  ms: number,
): Promise<{ code: number | null; signal: NodeJS.Signals | null } | 'timeout'> {
  if (bff.child.exitCode !== null) return bff.exited;
  bff.child.kill('SIGTERM');
  let timer: NodeJS.Timeout | undefined;
  const result = await Promise.race([
    bff.exited,
    new Promise<'timeout'>((r) => (timer = setTimeout(() => r('timeout'), ms))),
  ]);
  clearTimeout(timer);
  if (result === 'timeout') bff.child.kill('SIGKILL');
  return result;
}

interface ReadyBody {
  status: string;
  checks: Record<string, { status: string }>;
}

async function waitForReady(
  url: string,
  want: string,
  ms: number,
): Promise<{ status: number; body: ReadyBody }> {
  const deadline = Date.now() + ms;
  for (;;) {
    const res = await fetch(`${url}/health/ready`);
    const body = (await res.json()) as ReadyBody;
    if (body.status === want || Date.now() > deadline) return { status: res.status, body };
    await new Promise((r) => setTimeout(r, 200));
  }
}

describe('runtime stage of docker/Dockerfile (bff target), replayed without Docker', () => {
  const id = randomBytes(5).toString('hex');
  const keyPrefix = `test:docker-${id}:`;
  const queuePrefix = `{tq-docker-${id}}`;
  const pathSecret = `path-${randomBytes(16).toString('hex')}`;
  const twelvegoKey = 'sandbox-key-1';
  const adminToken = `admin-${randomBytes(16).toString('hex')}`;
  let tmp: string;
  let app: string;
  let sandbox: RunningSandbox;
  let clientsFile: string;
  const started: RunningBff[] = [];
  const launch = async (env: Record<string, string>) => {
    const running = await startBff(app, env);
    started.push(running);
    return running;
  };

  /** Production settings: secrets from the environment, none inline (NODE_ENV=production refuses them). */
  const productionEnv = (redisUrl: string): Record<string, string> => ({
    TWELVEGO_BASE_URL: sandbox.url,
    REDIS_URL: redisUrl,
    REDIS_KEY_PREFIX: keyPrefix,
    QUEUE_PREFIX: queuePrefix,
    CLIENTS_CONFIG_PATH: clientsFile,
    CLIENT_DEMO_TWELVEGO_API_KEY: twelvegoKey,
    TWELVEGO_WEBHOOK_PATH_SECRETS: pathSecret,
    BOOKING_TOKEN_HMAC_KEY: randomBytes(24).toString('hex'),
    STATIC_LINK_BASE_URL: 'https://connect.travelier.example',
    DD_TRACE_ENABLED: 'false', // no agent here; the tracer itself loads from the production install regardless
    READY_CACHE_MS: '0',
    SHUTDOWN_DRAIN_DELAY_MS: '300',
    ADMIN_TOKENS: adminToken,
  });

  beforeAll(async () => {
    tmp = mkdtempSync(join(tmpdir(), 'tc-docker-runtime-'));
    const [built, running] = await Promise.all([assembleRuntimeStage(tmp), startSandbox()]);
    app = built;
    sandbox = running;
    const local = JSON.parse(readFileSync(join(REPO_ROOT, 'config/clients.local.json'), 'utf8'));
    const demo = local.clients.find((c: { client_id: string }) => c.client_id === 'demo');
    delete demo.twelvego_api_key;
    clientsFile = join(tmp, 'clients.json');
    writeFileSync(clientsFile, JSON.stringify({ schema_version: 1, clients: [demo] }));
  }, SETUP_TIMEOUT_MS);

  afterAll(async () => {
    await Promise.all(started.map((b) => stopWithin(b, 5000)));
    await sandbox?.close();
    await deleteKeysWithPrefixes(testRedisUrl(), [keyPrefix, queuePrefix]);
    if (tmp) rmSync(tmp, { recursive: true, force: true });
  });

  it('holds production dependencies only, including what the service loads at run time', () => {
    const lock = JSON.parse(readFileSync(join(REPO_ROOT, 'package-lock.json'), 'utf8')) as {
      packages: Record<string, { dev?: boolean }>;
    };
    const devOnly = Object.entries(lock.packages)
      .filter(([path, meta]) => path.startsWith('node_modules/') && meta.dev === true)
      .map(([path]) => path);
    expect(devOnly.length).toBeGreaterThan(0);
    expect(devOnly.filter((path) => existsSync(join(app, path)))).toEqual([]);
    // Nor what npm keeps as an optional peer of a production package (typescript via valibot, gRPC via terminus).
    const closure = productionClosure(lock);
    const outside = Object.keys(lock.packages).filter(
      (p) => p.startsWith('node_modules/') && !closure.has(p),
    );
    expect(outside).toEqual(expect.arrayContaining(['node_modules/typescript']));
    expect(outside.filter((path) => existsSync(join(app, path)))).toEqual([]);
    const pkg = JSON.parse(readFileSync(join(REPO_ROOT, 'package.json'), 'utf8')) as {
      dependencies: Record<string, string>;
    };
    for (const name of Object.keys(pkg.dependencies))
      expect({ name, installed: existsSync(join(app, 'node_modules', name)) }).toEqual({
        name,
        installed: true,
      });
    expect(existsSync(join(app, 'dist/apps/connect-api/main.js'))).toBe(true);
    expect(existsSync(join(app, 'dist/apps/twelvego-sandbox/main.js'))).toBe(true);
  });

  it('runs the operator CLI from the image (`npm run keygen` = node dist/apps/connect-api/cli/keygen.js)', () => {
    const pkg = JSON.parse(readFileSync(join(app, 'package.json'), 'utf8')) as {
      scripts: Record<string, string>;
    };
    const [, script, ...rest] = pkg.scripts.keygen.split(' ');
    expect(rest).toEqual([]);
    const run = spawnSync(process.execPath, [script, '--client', 'acme'], {
      cwd: app,
      env: { PATH: process.env.PATH ?? '', ...stageEnv(dockerfile, 'bff') },
      encoding: 'utf8',
    });
    expect(run.status).toBe(0);
    expect(run.stdout).toMatch(/"hash":"sha256:[0-9a-f]{64}"/);
  });

  it('starts with the image environment and answers health, readiness, the OpenAPI document and a partner call', async () => {
    const bff = await launch(productionEnv(testRedisUrl()));
    expect(await (await fetch(`${bff.url}/health/live`)).json()).toEqual({ status: 'ok' });

    const ready = await waitForReady(bff.url, 'ready', 15_000);
    expect(ready.status).toBe(200);
    expect(ready.body).toMatchObject({
      status: 'ready',
      checks: { redis: { status: 'up' }, twelvego: { status: 'up' }, config: { status: 'up' } },
    });

    const docs = await fetch(`${bff.url}/docs-json`);
    expect(docs.status).toBe(200);
    const document = (await docs.json()) as { openapi: string; paths: Record<string, unknown> };
    expect(document.openapi).toMatch(/^3\./);
    expect(Object.keys(document.paths)).toEqual(expect.arrayContaining(['/v1/{client_id}/itineraries']));
    // Swagger UI assets come from swagger-ui-dist in the production install.
    const ui = await fetch(`${bff.url}/docs`);
    expect(ui.status).toBe(200);
    expect(await ui.text()).toContain('swagger-ui-bundle.js');
    const bundle = await fetch(`${bff.url}/docs/swagger-ui-bundle.js`);
    expect(bundle.status).toBe(200);
    expect((await bundle.arrayBuffer()).byteLength).toBeGreaterThan(100_000);

    // The operators' queue board (bull-board, production dependencies only), behind the admin token.
    const board = await fetch(`${bff.url}/admin/queues/api/queues`, {
      headers: { authorization: `Bearer ${adminToken}` },
    });
    expect(board.status).toBe(200);
    expect(((await board.json()) as { queues: unknown[] }).queues.length).toBe(2);
    const boardPage = await fetch(`${bff.url}/admin/queues`, {
      headers: { authorization: `Bearer ${adminToken}` },
    });
    expect(await boardPage.text()).toContain('<base href="/admin/queues/" />');
    expect((await fetch(`${bff.url}/admin/queues`)).status).toBe(401);

    // The 12go key comes from CLIENT_DEMO_TWELVEGO_API_KEY (production refuses inline secrets).
    const tomorrow = new Date(Date.now() + 24 * 3600 * 1000).toISOString().slice(0, 10);
    const search = await fetch(
      `${bff.url}/v1/demo/itineraries?departures=4055&arrivals=11553&departure_date=${tomorrow}&pax=1`,
      {
        headers: { 'x-api-key': DEMO_KEY },
      },
    );
    expect([200, 206]).toContain(search.status); // 206: rechecks still running (docs/contract/README.md)
    expect(Array.isArray(((await search.json()) as { itineraries?: unknown }).itineraries)).toBe(true);
    const denied = await fetch(
      `${bff.url}/v1/demo/itineraries?departures=4055&arrivals=11553&departure_date=${tomorrow}&pax=1`,
      {
        headers: { 'x-api-key': 'not-the-key' },
      },
    );
    expect(denied.status).toBe(401);

    // SIGTERM (what tini forwards on `docker stop`): drain, then exit 0 well inside stop_grace_period.
    const stopped = await stopWithin(bff, 15_000);
    expect(stopped).toEqual({ code: 0, signal: null });

    const output = bff.output();
    const lines = output.split('\n').filter((l) => l.trim() !== '');
    expect(lines.filter((l) => !l.startsWith('{'))).toEqual([]); // production logs: JSON lines only
    expect(lines.map((l) => JSON.parse(l).msg)).toEqual(
      expect.arrayContaining(['listening', 'shutdown.complete']),
    );
    expect(findSecretLeaks(output, [DEMO_KEY, twelvegoKey, pathSecret, adminToken])).toEqual([]);
  });

  it("keeps only linux x64 glibc builds of dd-trace's native add-ons, and they load", () => {
    const datadog = join(app, 'node_modules/@datadog');
    const platformDirs = readdirSync(datadog)
      .filter((pkg) => existsSync(join(datadog, pkg, 'prebuilds')))
      .flatMap((pkg) => readdirSync(join(datadog, pkg, 'prebuilds')).map((d) => `${pkg}/${d}`))
      .filter((d) => /\/(linux|linuxglibc|linuxmusl|darwin|win32)-[a-z0-9]+$/.test(d));
    expect(platformDirs.length).toBeGreaterThan(0);
    expect(platformDirs.filter((d) => !/\/(linux|linuxglibc)-x64$/.test(d))).toEqual([]);

    // What dd-trace loads with runtime metrics, AppSec/IAST, profiling and crash tracking: each add-on
    // must find its binary in the pruned tree (a missing one would fall back or throw here).
    const probe = `
      const loaded = [];
      const dlopen = process.dlopen;
      process.dlopen = function (m, f, ...rest) { loaded.push(f); return dlopen.call(this, m, f, ...rest); };
      for (const p of ['@datadog/native-metrics', '@datadog/native-appsec', '@datadog/native-iast-taint-tracking', '@datadog/pprof']) require(p);
      const extras = require('@datadog/libdatadog-extras');
      extras.load('crashtracker');
      process.stdout.write(JSON.stringify(loaded));`;
    const run = spawnSync(process.execPath, ['-e', probe], { cwd: app, encoding: 'utf8' });
    expect(run.stderr).toBe('');
    expect(run.status).toBe(0);
    const loaded = (JSON.parse(run.stdout) as string[]).map((f) => f.slice(app.length + 1));
    expect(loaded.length).toBe(5);
    for (const file of loaded)
      expect(file).toMatch(/^node_modules\/@datadog\/[^/]+\/prebuilds\/(linux|linuxglibc)-x64\/[^/]+\.node$/);
    expect(loaded.filter((f) => f.includes('musl'))).toEqual([]);
  });

  it('starts the pruned tree with dd-trace enabled (runtime metrics on) and sends traces to the agent', async () => {
    // The stand-in agent: traces on /v0.x/traces; DogStatsD (runtime metrics) through its HTTP proxy
    // endpoint, which dd-trace prefers when the agent URL is set (UDP is the fallback, also listened to).
    const agentRequests: string[] = [];
    const metricLines: string[] = [];
    const agent = createServer((req, res) => {
      agentRequests.push(`${req.method} ${req.url}`);
      const chunks: Buffer[] = [];
      req.on('data', (c: Buffer) => chunks.push(c));
      req.on('end', () => {
        if (req.url?.startsWith('/dogstatsd/'))
          metricLines.push(...Buffer.concat(chunks).toString('utf8').split('\n'));
        res.writeHead(200, { 'content-type': 'application/json' });
        res.end('{"rate_by_service":{}}');
      });
    });
    await new Promise<void>((r) => agent.listen(0, '127.0.0.1', r));
    const statsd = createSocket('udp4');
    statsd.on('message', (m) => metricLines.push(...m.toString('utf8').split('\n')));
    await new Promise<void>((r) => statsd.bind(0, '127.0.0.1', r));
    try {
      const bff = await launch({
        ...productionEnv(testRedisUrl()),
        DD_TRACE_ENABLED: 'true',
        DD_TRACE_AGENT_URL: `http://127.0.0.1:${(agent.address() as AddressInfo).port}`,
        DD_AGENT_HOST: '127.0.0.1',
        DD_DOGSTATSD_PORT: String(statsd.address().port),
        DD_INSTRUMENTATION_TELEMETRY_ENABLED: 'false',
        DD_REMOTE_CONFIGURATION_ENABLED: 'false',
      });
      expect(stageEnv(dockerfile, 'bff').DD_RUNTIME_METRICS_ENABLED).toBe('true');
      const tomorrow = new Date(Date.now() + 24 * 3600 * 1000).toISOString().slice(0, 10);
      const search = await fetch(
        `${bff.url}/v1/demo/itineraries?departures=4055&arrivals=11553&departure_date=${tomorrow}&pax=1`,
        { headers: { 'x-api-key': DEMO_KEY } },
      );
      expect([200, 206]).toContain(search.status);
      // Traces flush every 2 s, runtime metrics every 10 s: wait (bounded) for both.
      const deadline = Date.now() + 30_000;
      const traced = () => agentRequests.some((r) => /^PUT \/v0\.[45]\/traces/.test(r));
      const runtimeMetrics = () => metricLines.some((l) => l.startsWith('runtime.node.'));
      while (!(traced() && runtimeMetrics()) && Date.now() < deadline)
        await new Promise((r) => setTimeout(r, 250));
      expect({ traced: traced(), runtimeMetrics: runtimeMetrics() }).toEqual({
        traced: true,
        runtimeMetrics: true,
      });
      const stopped = await stopWithin(bff, 15_000);
      expect(stopped).toEqual({ code: 0, signal: null });
      expect(bff.output()).not.toMatch(/Error: (Could not find|No native build)/i);
    } finally {
      await new Promise((r) => agent.close(r));
      statsd.close();
    }
  });

  it('boots without Redis (readiness "starting", 503) and still stops promptly on SIGTERM', async () => {
    const deadRedis = `redis://127.0.0.1:${await freePort()}`;
    const bff = await launch(productionEnv(deadRedis));
    const ready = await waitForReady(bff.url, 'starting', 5000);
    expect(ready.status).toBe(503);
    expect(ready.body.checks.redis.status).toBe('down');
    const stopped = await stopWithin(bff, 15_000);
    expect(stopped).toEqual({ code: 0, signal: null });
  });
});
