#!/usr/bin/env node
/* global performance, setInterval, clearInterval, setTimeout */
'use strict';
/**
 * `npm run bench [-- --quick] [-- --no-build] [-- --only=P1,P2] [-- --rounds=3] [-- --load-s=15]`: the
 * performance evidence of issues 9 and 17.
 * Every figure is a ratio or a difference against a baseline measured in the same run (machines are
 * noisy). Writes docs/benchmarks.md and docs/benchmarks.json. Needs Redis (REDIS_URL, else
 * 127.0.0.1:6379, else a private redis-server); uses only ephemeral ports and its own key prefix.
 */
const { spawnSync } = require('node:child_process');
const { createHash, randomBytes } = require('node:crypto');
const fs = require('node:fs');
const os = require('node:os');
const path = require('node:path');
const { ensureRedis, deleteKeysWithPrefixes, HOW_TO_GET_REDIS } = require('./lib/redis');
const {
  ROOT,
  freePort,
  startTsServer,
  waitForStatus,
  spawnNode,
  stop,
  stopAll,
  memoryOf,
} = require('../test/bench/lib/processes');
const {
  cpuMs,
  rssBytes,
  rssSampler,
  load,
  request,
  interleaved,
  percentile,
} = require('../test/bench/lib/measure');
const { measureWebhooks } = require('../test/bench/lib/webhooks');
const { writeReport } = require('../test/bench/lib/report');
const { startLegacyStandIn } = require('../test/bench/lib/legacy-stand-in');

const args = process.argv.slice(2);
const QUICK = args.includes('--quick');
const NO_BUILD = args.includes('--no-build');
const ONLY = (args.find((a) => a.startsWith('--only=')) ?? '').slice(7).split(',').filter(Boolean);
const wanted = (p) => ONLY.length === 0 || ONLY.includes(p);
const SOAK_S = Number((args.find((a) => a.startsWith('--soak-s=')) ?? '').slice(9)) || (QUICK ? 60 : 600);
const numArg = (name) => Number((args.find((a) => a.startsWith(`--${name}=`)) ?? '').split('=')[1]) || 0;
const LOAD_S = numArg('load-s') || (QUICK ? 8 : 15);
const ROUNDS = numArg('rounds') || 3;
/** `--profile`: the BFF runs with --cpu-prof; the hottest functions are printed and saved under docs/. */
const PROFILE = args.includes('--profile');
/** `--env=NAME=value` (repeatable): extra BFF environment for an experiment (recorded in the report). */
const EXTRA_ENV = Object.fromEntries(
  args.filter((a) => a.startsWith('--env=')).map((a) => a.slice(6).split(/=(.*)/s).slice(0, 2)),
);
const API_MAIN = path.join(ROOT, 'dist/apps/connect-api/main.js');
const WORK = fs.mkdtempSync(path.join(os.tmpdir(), 'tc-bench-'));
const DEMO_KEY = 'local-demo-key-a-0123456789abcdef0123';
const BENCH_WEBHOOK_SECRET = `whsec_${randomBytes(32).toString('base64')}`;
const BENCH_PATH_SECRET = randomBytes(24).toString('hex');
/** P9: two extra clients on the stand-in legacy, one `legacy`, one `shadow`. */
const MIGRATION_CLIENTS = ['legacy', 'shadow'].map((route) => {
  const key = randomBytes(32).toString('base64url');
  return {
    route,
    clientId: `bench-${route}`,
    key,
    hash: `sha256:${createHash('sha256').update(key).digest('hex')}`,
  };
});

const log = (...m) => console.log(`[bench ${new Date().toISOString().slice(11, 19)}]`, ...m);

function newestMtime(dir) {
  let newest = 0;
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) newest = Math.max(newest, newestMtime(full));
    else if (entry.name.endsWith('.ts') && !entry.name.endsWith('.spec.ts'))
      newest = Math.max(newest, fs.statSync(full).mtimeMs);
  }
  return newest;
}

function buildIfNeeded() {
  const sources = Math.max(
    newestMtime(path.join(ROOT, 'apps/connect-api/src')),
    newestMtime(path.join(ROOT, 'libs/twelvego-client/src')),
  );
  const built = fs.existsSync(API_MAIN) ? fs.statSync(API_MAIN).mtimeMs : 0;
  if (NO_BUILD && built) return { built: false, reason: 'skipped (--no-build)' };
  if (built >= sources) return { built: false, reason: 'up to date' };
  log('building the production bundle (npm run build)…');
  const started = Date.now();
  const r = spawnSync('npm', ['run', 'build', '--silent'], { cwd: ROOT, stdio: 'inherit' });
  if (r.status !== 0) throw new Error('npm run build failed');
  return { built: true, reason: `built in ${((Date.now() - started) / 1000).toFixed(0)} s` };
}

function readEnvFile(file) {
  const env = {};
  for (const line of fs.readFileSync(file, 'utf8').split(/\r?\n/)) {
    const m = /^\s*([A-Z0-9_]+)\s*=\s*(.*?)\s*$/.exec(line);
    if (m) env[m[1]] = m[2];
  }
  return env;
}

/** The local clients with a rate limit that does not cap the benchmark, and a webhook for P6. */
function writeClientsFile(webhookUrl, withMigrationClients) {
  const file = JSON.parse(fs.readFileSync(path.join(ROOT, 'config/clients.local.json'), 'utf8'));
  if (withMigrationClients)
    for (const m of MIGRATION_CLIENTS)
      file.clients.push({
        ...file.clients[0],
        client_id: m.clientId,
        name: `bench ${m.route}`,
        api_keys: [{ id: 'bench', hash: m.hash }],
        // Own 12go keys: sharing demo's would force strict ownership on demo for every other figure.
        twelvego_api_key: m.route === 'shadow' ? 'sandbox-key-usd' : 'bench-legacy-unused',
        route: m.route,
      });
  for (const c of file.clients) c.rate_limit = { rps: 1_000_000, burst: 1_000_000 };
  if (webhookUrl) {
    file.clients[0].webhook = {
      url: webhookUrl,
      secrets: [BENCH_WEBHOOK_SECRET],
      allow_private_target: true,
    };
  }
  const target = path.join(WORK, 'clients.json');
  fs.writeFileSync(target, JSON.stringify(file, null, 2));
  return target;
}

function sandboxDate(days) {
  return new Date(Date.now() + 7 * 3_600_000 + days * 86_400_000).toISOString().slice(0, 10);
}

async function main() {
  if (args.includes('--report-only')) {
    // Re-renders docs/benchmarks.md from docs/benchmarks.json and test/bench/findings.json.
    const previous = JSON.parse(fs.readFileSync(path.join(ROOT, 'docs', 'benchmarks.json'), 'utf8'));
    writeReport(previous);
    log('re-rendered docs/benchmarks.md');
    return;
  }
  const results = {
    startedAt: new Date().toISOString(),
    quick: QUICK,
    soakSeconds: SOAK_S,
    figures: {},
    notes: [],
  };
  results.machine = {
    cpus: os.cpus().length,
    cpuModel: os.cpus()[0]?.model ?? 'unknown',
    memoryGiB: +(os.totalmem() / 2 ** 30).toFixed(1),
    loadAvgAtStart: os.loadavg().map((l) => +l.toFixed(2)),
    platform: `${os.platform()} ${os.release()}`,
    node: process.version,
  };
  results.build = buildIfNeeded();
  const redis = await ensureRedis({
    explicitUrl: process.env.REDIS_URL,
    defaultUrl: 'redis://127.0.0.1:6379/15',
  });
  if (!redis) throw new Error(HOW_TO_GET_REDIS);
  const id = randomBytes(4).toString('hex');
  const keyPrefix = `bench:${id}:`;
  const queuePrefix = `{bench-${id}}`;
  const date = sandboxDate(3);
  log(`work dir ${WORK}; Redis ${redis.url}; search date ${date}`);

  try {
    const sandbox = await startTsServer(
      'bench sandbox',
      'test/bench/bench-sandbox.main.ts',
      { SANDBOX_PORT: '0' },
      path.join(WORK, 'sandbox.log'),
    );
    const baseline = await startTsServer(
      'bench baseline',
      'test/bench/baseline-server.main.ts',
      { TWELVEGO_BASE_URL: sandbox.url, TWELVEGO_API_KEY: 'sandbox-key-1' },
      path.join(WORK, 'baseline.log'),
      [
        ...PROD_V8_FLAGS,
        ...(PROFILE ? ['--cpu-prof', `--cpu-prof-dir=${path.join(WORK, 'cpu-profile-baseline')}`] : []),
      ],
    );
    // P1b/P1c: the same bare server fetching with the minimal undici pipeline and with axios (the old path).
    const startBaseline = (transport, extraEnv = {}, label = transport) =>
      startTsServer(
        `bench baseline (${label})`,
        'test/bench/baseline-server.main.ts',
        {
          TWELVEGO_BASE_URL: sandbox.url,
          TWELVEGO_API_KEY: 'sandbox-key-1',
          BASELINE_TRANSPORT: transport,
          ...extraEnv,
        },
        path.join(WORK, `baseline-${label}.log`),
        PROD_V8_FLAGS,
      );
    const baselineUndici = wanted('P1') || wanted('P4') ? await startBaseline('undici') : null;
    const baselineAxios = wanted('P1') || wanted('P4') ? await startBaseline('axios') : null;
    const receiver = wanted('P6') ? await require('../test/bench/lib/webhooks').startReceiver() : null;
    const legacy = wanted('P9') ? await startLegacyStandIn() : null;
    const clientsFile = writeClientsFile(receiver?.url, Boolean(legacy));
    const bffEnv = {
      ...readEnvFile(path.join(ROOT, 'config/local.env')),
      NODE_ENV: 'development',
      TWELVEGO_BASE_URL: sandbox.url,
      REDIS_URL: redis.url,
      REDIS_KEY_PREFIX: keyPrefix,
      QUEUE_PREFIX: queuePrefix,
      CLIENTS_CONFIG_PATH: clientsFile,
      CATALOG_URL: `${sandbox.url}/__sandbox/catalog`,
      LOG_LEVEL: 'info',
      DD_TRACE_ENABLED: 'false',
      SHUTDOWN_DRAIN_DELAY_MS: '0',
      HOST: '127.0.0.1',
      TWELVEGO_WEBHOOK_PATH_SECRETS: BENCH_PATH_SECRET,
      // P6 measures delivery, not the inbound throttle that protects us from 12go (default 100/s).
      NOTIFY_INBOUND_RATE_PER_S: '100000',
      ...(legacy ? { LEGACY_BASE_URL: legacy.url } : {}),
      ...EXTRA_ENV,
    };
    results.config = {
      sandboxLatencyProfile: 'none',
      searchRoute: '4055s → 4s (bench route, 144 departures)',
      logLevel: 'info (BFF JSON logs to a file)',
      tracing: 'dd-trace disabled (no agent)',
      ...(Object.keys(EXTRA_ENV).length ? { extraEnv: EXTRA_ENV } : {}),
    };

    // P5 first: nothing else warm yet.
    if (wanted('P5')) {
      log('P5 cold start…');
      results.figures.P5 = await attempt('P5', () => measureColdStart(bffEnv, sandbox.url));
    }

    const port = await freePort();
    const profileDir = path.join(WORK, 'cpu-profile');
    const profileFlags = PROFILE ? ['--cpu-prof', `--cpu-prof-dir=${profileDir}`] : [];
    const bff = spawnNode(
      [...PROD_V8_FLAGS, ...profileFlags, '--expose-gc', '-r', './test/bench/lib/memory-probe.js', API_MAIN],
      { ...bffEnv, PORT: String(port) },
      path.join(WORK, 'bff.log'),
    );
    const bffUrl = `http://127.0.0.1:${port}`;
    await waitForStatus(`${bffUrl}/health/ready`);
    const auth = { 'x-api-key': DEMO_KEY };
    const bffSearch = `${bffUrl}/v1/demo/itineraries?departures[]=4055&arrivals[]=4&departure_date=${date}&pax=1`;
    const baseSearch = `${baseline.url}/search?from=4055s&to=4s&date=${date}&pax=1`;
    const directSearch = `${sandbox.url}/search/4055s/4s/${date}?seats=1&direct=true&k=sandbox-key-1`;

    const probe = await request(bffSearch, { headers: auth });
    const probeBase = await request(baseSearch);
    const bffCount = JSON.parse(probe.body).itineraries?.length;
    const baseCount = JSON.parse(probeBase.body).itineraries?.length;
    const trips = JSON.parse((await request(directSearch)).body).trips.length;
    if (probe.status !== 200 || bffCount < 100 || bffCount !== baseCount) {
      throw new Error(
        `search probe: BFF ${probe.status} with ${bffCount} itineraries, baseline ${baseCount}, sandbox ${trips} trips`,
      );
    }
    results.config.searchResult = {
      sandboxTrips: trips,
      itineraries: bffCount,
      bffBodyBytes: probe.body.length,
      baselineBodyBytes: probeBase.body.length,
    };
    log(`search probe: ${trips} trips → ${bffCount} itineraries (${probe.body.length} bytes)`);

    if (wanted('P8') || wanted('P1')) {
      // Idle after boot + 1 request (the probe): RSS as the OS sees it, and after a full GC for the heap.
      await new Promise((r) => setTimeout(r, 1000));
      const idleRss = rssBytes(bff.pid);
      const idle = await memoryOf(bff, true);
      const mib = (b) => +(b / 2 ** 20).toFixed(1);
      results.figures.P8 = {
        idleRssMiB: mib(idleRss),
        idleRssAfterGcMiB: mib(idle.rss),
        idleHeapUsedMiB: mib(idle.heapUsed),
        baselineIdleRssMiB: mib(rssBytes(baseline.child.pid)),
        goal: 'idle ≤ 100 MiB; peak during P1 ≤ 200 MiB',
        pass: false,
      };
    }

    log('warm-up…');
    await load(baseSearch, { duration: 3, connections: 8 });
    await load(bffSearch, { duration: 3, connections: 8, headers: auth });
    const undiciSearch = baselineUndici && `${baselineUndici.url}/search?from=4055s&to=4s&date=${date}&pax=1`;
    const axiosSearch = baselineAxios && `${baselineAxios.url}/search?from=4055s&to=4s&date=${date}&pax=1`;
    for (const url of [undiciSearch, axiosSearch].filter(Boolean)) {
      const r = await request(url);
      if (JSON.parse(r.body).itineraries?.length !== baseCount) throw new Error(`${url}: different answer`);
      await load(url, { duration: 3, connections: 8 });
    }

    let maxRps = null;
    if (wanted('P1') || wanted('P4')) {
      log(`P1 throughput (${ROUNDS} rounds of baseline then BFF)…`);
      const rounds = [];
      let peakRss = 0;
      const cpuPerRequest = async (child, url) => {
        const c0 = cpuMs(child.pid);
        const r = await load(url, { duration: LOAD_S, connections: 16 });
        return {
          rps: r.rps,
          cpuMsPerRequest: (cpuMs(child.pid) - c0) / r.requests,
          bad: r.non2xx + r.errors,
        };
      };
      for (let i = 0; i < ROUNDS; i++) {
        const c0 = cpuMs(baseline.child.pid);
        const base = await load(baseSearch, { duration: LOAD_S, connections: 16 });
        const c1 = cpuMs(baseline.child.pid);
        const undici = await cpuPerRequest(baselineUndici.child, undiciSearch);
        const axiosPath = await cpuPerRequest(baselineAxios.child, axiosSearch);
        const b0 = cpuMs(bff.pid);
        const sampler = rssSampler(bff.pid);
        const api = await load(bffSearch, { duration: LOAD_S, connections: 16, headers: auth });
        peakRss = Math.max(peakRss, sampler.stop());
        const b1 = cpuMs(bff.pid);
        rounds.push({
          undiciPipeline: undici,
          axiosPath,
          baselineRps: base.rps,
          bffRps: api.rps,
          ratio: api.rps / base.rps,
          // CPU per request is robust to what else runs on the machine: the cost of the BFF's own layers.
          baselineCpuMsPerRequest: (c1 - c0) / base.requests,
          bffCpuMsPerRequest: (b1 - b0) / api.requests,
          bffNon2xx: api.non2xx,
          bffErrors: api.errors + api.timeouts,
          baselineNon2xx: base.non2xx,
        });
      }
      // Adjacent pairs share the machine's momentary load; the median pair ratio resists one noisy round.
      const ratio = median(rounds.map((r) => r.ratio));
      const bffRps = median(rounds.map((r) => r.bffRps));
      maxRps = Math.max(...rounds.map((r) => r.bffRps));
      results.figures.P1 = {
        rounds,
        baselineRps: median(rounds.map((r) => r.baselineRps)),
        bffRps,
        ratio,
        baselineCpuMsPerRequest: median(rounds.map((r) => r.baselineCpuMsPerRequest)),
        bffCpuMsPerRequest: median(rounds.map((r) => r.bffCpuMsPerRequest)),
        cpuRatio: median(rounds.map((r) => r.baselineCpuMsPerRequest / r.bffCpuMsPerRequest)),
        goal: '≥ 0.90 (req/s and CPU per request)',
        pass:
          ratio >= 0.9 &&
          median(rounds.map((r) => r.baselineCpuMsPerRequest / r.bffCpuMsPerRequest)) >= 0.9 &&
          rounds.every((r) => r.bffNon2xx === 0 && r.bffErrors === 0),
      };
      const undiciCpu = median(rounds.map((r) => r.undiciPipeline.cpuMsPerRequest));
      const axiosCpu = median(rounds.map((r) => r.axiosPath.cpuMsPerRequest));
      results.figures.P1b = {
        axiosCpuMsPerRequest: axiosCpu,
        axiosRps: median(rounds.map((r) => r.axiosPath.rps)),
        clientCpuMsPerRequest: results.figures.P1.baselineCpuMsPerRequest,
        clientRps: results.figures.P1.baselineRps,
        undiciCpuMsPerRequest: undiciCpu,
        undiciRps: median(rounds.map((r) => r.undiciPipeline.rps)),
        clientOverAxiosCpu: median(
          rounds.map((r) => r.baselineCpuMsPerRequest / r.axiosPath.cpuMsPerRequest),
        ),
        goal: 'record both paths',
        pass: rounds.every((r) => r.undiciPipeline.bad === 0 && r.axiosPath.bad === 0),
      };
      const p1c = median(rounds.map((r) => r.bffCpuMsPerRequest / r.undiciPipeline.cpuMsPerRequest));
      results.figures.P1c = {
        bffCpuMsPerRequest: results.figures.P1.bffCpuMsPerRequest,
        undiciCpuMsPerRequest: undiciCpu,
        ratio: p1c,
        goal: '≤ 1.3×',
        pass: p1c <= 1.3,
      };
      if (results.figures.P8) {
        results.figures.P8.peakRssDuringP1MiB = +(peakRss / 2 ** 20).toFixed(1);
        results.figures.P8.pass =
          results.figures.P8.idleRssMiB <= 100 && results.figures.P8.peakRssDuringP1MiB <= 200;
      }
    }

    if (wanted('P2')) {
      // The BFF's own added latency: BFF − bare baseline (same search, same sandbox), sample by sample
      // interleaved on one connection each, three rounds; the figure is the median of the per-round differences.
      log('P2 added latency at one connection (BFF − bare baseline, 3 rounds)…');
      const n = QUICK ? 500 : 1000;
      const rounds = [];
      for (let i = 0; i < 3; i++) {
        const [base, api] = await interleaved(
          n,
          async () => (await request(baseSearch)).ms,
          async () => {
            const r = await request(bffSearch, { headers: auth });
            if (r.status !== 200) throw new Error(`P2: BFF answered ${r.status}`);
            return r.ms;
          },
        );
        rounds.push({
          baseline: base,
          bff: api,
          addedP50Ms: api.p50 - base.p50,
          addedP99Ms: api.p99 - base.p99,
        });
      }
      const p50 = median(rounds.map((r) => r.addedP50Ms));
      const p99 = median(rounds.map((r) => r.addedP99Ms));
      // For scale: what the bare baseline adds over calling the sandbox directly (HTTP + mapping + JSON).
      const [direct, base] = await interleaved(
        Math.round(n / 2),
        async () => (await request(directSearch, { gzip: true })).ms,
        async () => (await request(baseSearch)).ms,
      );
      results.figures.P2 = {
        samplesPerRound: n,
        rounds,
        addedP50Ms: p50,
        addedP99Ms: p99,
        baselineOverDirectP50Ms: base.p50 - direct.p50,
        baselineOverDirectP99Ms: base.p99 - direct.p99,
        goal: 'p50 ≤ 0.3 ms, p99 ≤ 1 ms',
        pass: p50 <= 0.3 && p99 <= 1,
      };
    }

    if (wanted('P3')) {
      log('P3 GetItinerary added latency…');
      results.figures.P3 = await attempt('P3', () =>
        measureGetItinerary({ bffUrl, sandboxUrl: sandbox.url, auth, probeBody: probe.body, date }),
      );
    }

    if (wanted('P4')) {
      const rate = Math.max(1, Math.round((maxRps ?? 100) * 0.7));
      log(`P4 soak ${SOAK_S} s at ${rate} req/s (70 % of ${Math.round(maxRps ?? 0)})…`);
      results.figures.P4 = await attempt('P4', () =>
        soak({ bff, bffSearch, auth, rate, seconds: SOAK_S, maxRps }),
      );
    }

    if (wanted('P6')) {
      log('P6 webhook delivery…');
      const webhookBaseline = await startBaseline(
        'client',
        { BASELINE_WEBHOOK_SECRET: BENCH_WEBHOOK_SECRET, BASELINE_RECEIVER_URL: receiver.url },
        'webhooks',
      );
      try {
        results.figures.P6 = await measureWebhooks({
          bffUrl,
          bffPid: bff.pid,
          sandboxUrl: sandbox.url,
          receiver,
          auth,
          quick: QUICK,
          webhookSecret: BENCH_WEBHOOK_SECRET,
          pathSecret: BENCH_PATH_SECRET,
          date,
          redisUrl: redis.url,
          keyPrefix,
          workDir: WORK,
          baseline: { url: webhookBaseline.url, pid: webhookBaseline.child.pid },
        });
      } catch (e) {
        results.figures.P6 = { error: String(e?.message ?? e), pass: false };
        log(`P6 failed: ${e?.message ?? e}`);
      }
      await stop(webhookBaseline.child);
    }

    if (wanted('P9') && legacy) {
      log('P9 shadow overhead over legacy routing…');
      results.figures.P9 = await attempt('P9', () =>
        measureShadowOverhead({ bffUrl, date, bffPid: bff.pid }),
      );
    }

    await stop(bff);
    await legacy?.close();
    if (PROFILE) {
      const { summarize } = require('../test/bench/lib/cpu-profile-summary');
      console.log(`BFF:\n${summarize(profileDir, 30)}`);
    }
    await stop(baseline.child);
    await stop(baselineUndici?.child);
    await stop(baselineAxios?.child);
    if (PROFILE) {
      const { summarize } = require('../test/bench/lib/cpu-profile-summary');
      console.log(`Baseline (bare Fastify):\n${summarize(path.join(WORK, 'cpu-profile-baseline'), 30)}`);
    }
    await stop(sandbox.child);
    await receiver?.close();

    if (wanted('P7')) {
      log('P7 production dependency footprint (npm ci --omit=dev)…');
      results.figures.P7 = await attempt('P7', async () => measureFootprint());
    }
  } finally {
    await stopAll();
    await deleteKeysWithPrefixes(redis.url, [keyPrefix, queuePrefix]);
    await redis.stop();
  }
  results.finishedAt = new Date().toISOString();
  results.machine.loadAvgAtEnd = os.loadavg().map((l) => +l.toFixed(2));
  if (PROFILE || Object.keys(EXTRA_ENV).length) {
    // Profiling slows the BFF down; --env changes its configuration: neither is the reference run.
    log('experiment run: figures printed, docs/benchmarks.* left alone');
    console.log(JSON.stringify(results.figures, null, 2));
    return;
  }
  const { md, json } = writeReport(results, { partial: ONLY.length > 0 });
  log(`wrote ${path.relative(ROOT, md)} and ${path.relative(ROOT, json)}`);
  for (const [k, v] of Object.entries(results.figures)) log(`${k}: ${v.pass ? 'pass' : 'MISS'}`);
}

/**
 * P9: the same search on the same stand-in legacy for a `legacy` client and a `shadow` client, interleaved
 * on one connection; the shadow client's p99 may exceed the legacy client's by at most 1 ms.
 */
async function measureShadowOverhead({ bffUrl, date, bffPid }) {
  const url = (m) =>
    `${bffUrl}/v1/${m.clientId}/itineraries?departures[]=3&arrivals[]=4&departure_date=${date}&pax=1`;
  const [legacyClient, shadowClient] = MIGRATION_CLIENTS;
  const call = (m) => async () => {
    const r = await request(url(m), { headers: { 'x-api-key': m.key } });
    if (r.status !== 200) throw new Error(`P9: ${m.route} client answered ${r.status}`);
    return r.ms;
  };
  // Blocks, not single alternation: a shadow request's background run costs CPU on the event loop after the
  // partner's answer; alternating one by one would bill it to the next (legacy) request.
  const BLOCK = 50;
  await blocks(2, BLOCK, call(legacyClient), call(shadowClient));
  const n = QUICK ? 1000 : 3000;
  const [viaLegacy, viaShadow] = await blocks(
    Math.ceil(n / BLOCK),
    BLOCK,
    call(legacyClient),
    call(shadowClient),
    bffPid,
  );
  const addedP99Ms = viaShadow.p99 - viaLegacy.p99;
  // The same pair with a pause after each request, long enough for the shadow run it started to finish: what
  // shadowing costs on the partner's own path (the copy of legacy's answer, the queue place), without the
  // background runs competing for the event loop.
  const pause = (fn) => async () => {
    const ms = await fn();
    await new Promise((r) => setTimeout(r, PACED_PAUSE_MS));
    return ms;
  };
  const [pacedLegacy, pacedShadow] = await interleaved(
    QUICK ? 300 : 600,
    pause(call(legacyClient)),
    pause(call(shadowClient)),
  );
  return {
    samples: viaLegacy.n,
    legacy: viaLegacy,
    shadow: viaShadow,
    addedP50Ms: viaShadow.p50 - viaLegacy.p50,
    addedP99Ms,
    paced: {
      samples: pacedLegacy.n,
      pauseMs: PACED_PAUSE_MS,
      legacy: pacedLegacy,
      shadow: pacedShadow,
      addedP50Ms: pacedShadow.p50 - pacedLegacy.p50,
      addedP99Ms: pacedShadow.p99 - pacedLegacy.p99,
    },
    goal: 'p99 shadow − legacy ≤ 1 ms',
    pass: addedP99Ms <= 1,
  };
}

/** P9 paced pass: the pause after each request (a shadow run costs ≈ 4–5 ms of BFF CPU here; room for a loaded machine). */
const PACED_PAUSE_MS = 150;

/**
 * `rounds` × (`size` samples of A, then `size` of B); percentiles of each side. Given the server's pid, each
 * block also waits until the server is idle again (background work a block started — shadow runs — then stays
 * in that block) and the server's CPU time per request of each side is reported.
 */
async function blocks(rounds, size, fnA, fnB, pid) {
  const a = [];
  const b = [];
  const cpu = { a: 0, b: 0 };
  const timed = async (side, fn, into) => {
    const c0 = pid ? cpuMs(pid) : 0;
    for (let i = 0; i < size; i++) into.push(await fn());
    if (!pid) return;
    await untilIdle(pid);
    cpu[side] += cpuMs(pid) - c0;
  };
  for (let r = 0; r < rounds; r++) {
    await timed('a', fnA, a);
    await timed('b', fnB, b);
  }
  const stats = (xs, side) => ({
    n: xs.length,
    p50: percentile(xs, 50),
    p99: percentile(xs, 99),
    mean: xs.reduce((x, y) => x + y, 0) / xs.length,
    ...(pid ? { serverCpuMsPerRequest: cpu[side] / xs.length } : {}),
  });
  return [stats(a, 'a'), stats(b, 'b')];
}

/** Waits (at most 10 s) until `pid` used under 2 ms of CPU in 100 ms. */
async function untilIdle(pid) {
  for (let i = 0; i < 100; i++) {
    const c0 = cpuMs(pid);
    await new Promise((r) => setTimeout(r, 100));
    if (cpuMs(pid) - c0 < 2) return;
  }
}

/** One figure's measurement; a failure is recorded in the report instead of ending the run. */
async function attempt(name, fn) {
  try {
    return await fn();
  } catch (e) {
    log(`${name} failed: ${e?.stack ?? e}`);
    return { error: String(e?.message ?? e).slice(0, 300), pass: false };
  }
}

function median(xs) {
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
}

/**
 * V8 flags the production image runs with (docker/Dockerfile NODE_OPTIONS, `npm run start:api`); the BFF and
 * the bare baseline both get them so the ratio compares servers, not heap settings.
 */
const PROD_V8_FLAGS = ['--max-semi-space-size=32'];

/**
 * P5: spawn → first 200 on /health/ready, three interleaved rounds of the BFF and the bare baseline server
 * (compiled to plain JS first, its /health/ready answers once 12go does); also a bare `node -e 0` start.
 */
async function measureColdStart(bffEnv, sandboxUrl) {
  const { compileBaseline } = require('../test/bench/lib/compile-baseline');
  const baselineMain = compileBaseline(path.join(WORK, 'baseline-js'));
  const coldStart = async (args, env, logName) => {
    const port = await freePort();
    const started = performance.now();
    const child = spawnNode(args, { ...env, PORT: String(port) }, path.join(WORK, logName));
    const ms = await waitForStatus(`http://127.0.0.1:${port}/health/ready`, {
      since: started,
      intervalMs: 2,
    });
    await stop(child);
    return ms;
  };
  const runs = [];
  const baselineRuns = [];
  // Both get a V8 compile cache in a fresh directory (the BFF enables one itself, Node 22 honours the variable
  // for the baseline): round 1 starts with an empty cache (a new container), rounds 2–3 are restarts.
  for (let i = 0; i < 3; i++) {
    runs.push(
      await coldStart(
        [...PROD_V8_FLAGS, API_MAIN],
        { ...bffEnv, NODE_COMPILE_CACHE: path.join(WORK, 'compile-cache-bff') },
        `coldstart-${i}.log`,
      ),
    );
    baselineRuns.push(
      await coldStart(
        [...PROD_V8_FLAGS, baselineMain],
        {
          TWELVEGO_BASE_URL: sandboxUrl,
          TWELVEGO_API_KEY: 'sandbox-key-1',
          NODE_COMPILE_CACHE: path.join(WORK, 'compile-cache-baseline'),
        },
        `coldstart-baseline-${i}.log`,
      ),
    );
  }
  const bare = [];
  for (let i = 0; i < 3; i++) {
    const started = performance.now();
    spawnSync(process.execPath, ['-e', '0']);
    bare.push(performance.now() - started);
  }
  const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
  const coldMs = median(runs);
  const ratios = runs.map((ms, i) => ms / baselineRuns[i]);
  const ratio = [...ratios].sort((a, b) => a - b)[1];
  return {
    runsMs: runs,
    firstStartMs: runs[0],
    baselineFirstStartMs: baselineRuns[0],
    medianMs: coldMs,
    baselineRunsMs: baselineRuns,
    baselineMedianMs: median(baselineRuns),
    ratio,
    bareNodeStartMs: median(bare),
    overBareNodeMs: coldMs - median(bare),
    goal: '≤ 2.5× the bare baseline server',
    pass: ratio <= 2.5,
  };
}

/** P3: GetItinerary vs the sum of its three upstream calls (trip details, add to cart, checkout), interleaved. */
async function measureGetItinerary({ bffUrl, sandboxUrl, auth, probeBody }) {
  const itineraries = JSON.parse(probeBody).itineraries;
  const n = QUICK ? 300 : 600;
  const pick = (i) => itineraries[i % itineraries.length];
  const tripRef = (itin) => {
    // native id: {tripKey}-{yyyy-MM-dd}-{HH:mm}
    const m = /^(.+)-(\d{4}-\d{2}-\d{2})-(\d{2}):(\d{2})$/.exec(itin.id);
    if (!m) throw new Error(`P3: unexpected itinerary id ${itin.id}`);
    return { tripKey: m[1], datetime: `${m[2]}-${m[3]}-${m[4]}-00` };
  };
  const k = 'k=sandbox-key-1';
  const upstream = async (i) => {
    const { tripKey, datetime } = tripRef(pick(i));
    const a = await request(`${sandboxUrl}/trip/${tripKey}/${datetime}?seats=1&${k}`, { gzip: true });
    const b = await request(`${sandboxUrl}/cart/${tripKey}/${datetime}?seats=1&${k}`, {
      method: 'POST',
      gzip: true,
    });
    if (b.status !== 200) throw new Error(`P3: add to cart answered ${b.status}: ${b.body.slice(0, 200)}`);
    const parsed = JSON.parse(b.body);
    const cartId = typeof parsed === 'string' ? parsed : parsed.cart_id;
    const c = await request(`${sandboxUrl}/checkout/${cartId}?people=1&${k}`, { gzip: true });
    if (a.status !== 200 || c.status !== 200) throw new Error(`P3: upstream ${a.status}/${c.status}`);
    return a.ms + b.ms + c.ms;
  };
  const api = async (i) => {
    const r = await request(`${bffUrl}/v1/demo/itineraries/${encodeURIComponent(pick(i).id)}`, {
      headers: auth,
    });
    if (r.status !== 200) throw new Error(`P3: GetItinerary answered ${r.status}: ${r.body.slice(0, 300)}`);
    return r.ms;
  };
  await interleaved(30, upstream, api); // warm-up
  const [sum, bff] = await interleaved(n, upstream, api);
  const added = bff.p50 - sum.p50;
  return {
    samples: n,
    upstreamSum: sum,
    bff,
    addedP50Ms: added,
    addedP99Ms: bff.p99 - sum.p99,
    goal: 'p50 ≤ 2 ms',
    pass: added <= 2,
  };
}

/** P4: constant rate for `seconds`; memory after warm-up (first 20 %) and at the end, both after a full GC. */
async function soak({ bff, bffSearch, auth, rate, seconds, maxRps }) {
  const warm = Math.max(10, Math.round(seconds * 0.2));
  const first = await load(bffSearch, { duration: warm, connections: 16, headers: auth, overallRate: rate });
  const afterWarmup = await memoryOf(bff, true);
  const samples = [];
  const sampler = setInterval(() => {
    memoryOf(bff, false).then(
      (m) => samples.push({ at: Date.now(), rss: m.rss, heapUsed: m.heapUsed }),
      () => undefined,
    );
  }, 5000);
  const main = await load(bffSearch, {
    duration: seconds - warm,
    connections: 16,
    headers: auth,
    overallRate: rate,
  });
  clearInterval(sampler);
  const atEnd = await memoryOf(bff, true);
  const errors = first.non2xx + first.errors + first.timeouts + main.non2xx + main.errors + main.timeouts;
  const rssGrowthPct = ((atEnd.rss - afterWarmup.rss) / afterWarmup.rss) * 100;
  const heapGrowthPct = ((atEnd.heapUsed - afterWarmup.heapUsed) / afterWarmup.heapUsed) * 100;
  const mb = (b) => +(b / 2 ** 20).toFixed(1);
  return {
    seconds,
    targetRps: rate,
    maxRps,
    achievedRps: main.rps,
    requests: first.requests + main.requests,
    errors,
    statusCodes: main.statusCodes,
    latencyP99Ms: main.latencyP99,
    afterWarmup: { rssMiB: mb(afterWarmup.rss), heapUsedMiB: mb(afterWarmup.heapUsed) },
    atEnd: { rssMiB: mb(atEnd.rss), heapUsedMiB: mb(atEnd.heapUsed) },
    peakRssMiB: mb(Math.max(atEnd.rss, ...samples.map((s) => s.rss))),
    rssGrowthPct,
    heapGrowthPct,
    goal: '< 10 % growth, 0 errors',
    pass: rssGrowthPct < 10 && heapGrowthPct < 10 && errors === 0,
  };
}

/** P7: `npm ci --omit=dev` of this package.json + lock into a temp dir, pruned as the image is; size of node_modules. */
function measureFootprint() {
  const dir = fs.mkdtempSync(path.join(WORK, 'footprint-'));
  for (const f of ['package.json', 'package-lock.json'])
    fs.copyFileSync(path.join(ROOT, f), path.join(dir, f));
  const started = Date.now();
  const r = spawnSync(
    'npm',
    ['ci', '--omit=dev', '--ignore-scripts', '--no-audit', '--no-fund', '--prefer-offline'],
    { cwd: dir, encoding: 'utf8' },
  );
  if (r.status !== 0) return { error: `npm ci failed: ${(r.stderr || '').slice(-500)}`, pass: false };
  const du = (p) => Number(spawnSync('du', ['-sb', p], { encoding: 'utf8' }).stdout.split(/\s/)[0]);
  const unprunedBytes = du(path.join(dir, 'node_modules'));
  // What the image holds: the Dockerfile's pruning steps (dev-only optional peers, other platforms' binaries,
  // the dependencies' source maps).
  require('./prune-dev-only-peers').prune(dir);
  const { prune } = require('./prune-native-prebuilds');
  prune(path.join(dir, 'node_modules'), {
    platform: 'linux',
    arch: 'x64',
    libc: 'glibc',
    abi: process.versions.modules,
  });
  require('./prune-source-maps').prune(path.join(dir, 'node_modules'));
  const bytes = du(path.join(dir, 'node_modules'));
  const packages =
    spawnSync('npm', ['ls', '--omit=dev', '--all', '--parseable'], { cwd: dir, encoding: 'utf8' })
      .stdout.split('\n')
      .filter(Boolean).length - 1;
  // Two du calls: one du counts a directory once, so scoped packages would vanish behind their scope.
  const largest = spawnSync(
    'sh',
    [
      '-c',
      '{ du -sb node_modules/[!@]* 2>/dev/null; du -sb node_modules/@*/* 2>/dev/null; } | sort -rn | head -10',
    ],
    { cwd: dir, encoding: 'utf8' },
  )
    .stdout.split('\n')
    .filter(Boolean)
    .map((l) => {
      const [size, p] = l.split(/\t/);
      return { package: p.replace(/^node_modules\//, ''), MiB: +(Number(size) / 2 ** 20).toFixed(1) };
    })
    .filter((x) => !/^@[^/]+$/.test(x.package));
  const bundle = fs.statSync(API_MAIN).size;
  fs.rmSync(dir, { recursive: true, force: true });
  const mib = bytes / 2 ** 20;
  return {
    nodeModulesMiB: +mib.toFixed(1),
    unprunedMiB: +(unprunedBytes / 2 ** 20).toFixed(1),
    packages,
    largest,
    bundleKiB: +(bundle / 1024).toFixed(0),
    installSeconds: Math.round((Date.now() - started) / 1000),
    goal: '≤ 100 MiB (pruned as in the image)',
    pass: mib <= 100,
  };
}

main()
  .catch(async (e) => {
    console.error(e);
    await stopAll();
    process.exitCode = 1;
  })
  .finally(() => {
    // Keep the logs of a failed run for inspection.
    if (process.exitCode) console.error(`logs kept in ${WORK}`);
    else fs.rmSync(WORK, { recursive: true, force: true, maxRetries: 2 });
  });
