/* eslint-disable @typescript-eslint/no-explicit-any -- JSON bodies and log lines are walked dynamically */
import { randomBytes } from 'node:crypto';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Writable } from 'node:stream';
import type { DynamicModule, INestApplication, Type } from '@nestjs/common';
import { createConnectApp } from '../../apps/connect-api/src/create-connect-app';
import { ClientRegistry } from '../../apps/connect-api/src/platform/clients/client-registry';
import { createSandboxApp } from '../../apps/twelvego-sandbox/src/create-sandbox-app';
import Redis, { Cluster } from 'ioredis';
import { deleteKeysWithPrefixes } from '../../scripts/lib/redis';
import { readLocalEnv, REPO_ROOT } from './local-env';

/** The local demo clients of config/clients.local.json. */
export const DEMO_KEY = 'local-demo-key-a-0123456789abcdef0123';
export const DEMO_B_KEY = 'local-demo-key-b-0123456789abcdef0123';
const CLOSE_TIMEOUT_MS = 15_000;
export const LOCAL_CLIENTS_FILE = join(REPO_ROOT, 'config', 'clients.local.json');

export interface CapturedLogs {
  /** Everything written so far. */
  text(): string;
  /** The JSON lines written so far, parsed. */
  lines(): any[];
}

export interface TestStack {
  bffUrl: string;
  sandboxUrl: string;
  redisUrl: string;
  keyPrefix: string;
  queuePrefix: string;
  logs: CapturedLogs;
  /** `sandboxAdmin('/clock', { method: 'POST', body })` → fetch `${sandboxUrl}/__sandbox/clock`. */
  sandboxAdmin(path: string, init?: RequestInit): Promise<Response>;
  demoKey: string;
  demoBKey: string;
  app: INestApplication;
  close(): Promise<void>;
}

export interface StartStackOptions {
  /** BFF env overrides (on top of config/local.env and the harness defaults). */
  env?: Record<string, string>;
  sandboxEnv?: Record<string, string>;
  /** Clients file for the BFF (default config/clients.local.json). */
  clientsFile?: string;
  /** Test-only Nest modules (e.g. controllers that exist only for a test). */
  extraModules?: Array<Type<unknown> | DynamicModule>;
  /** Use this upstream instead of starting a sandbox. */
  twelvegoBaseUrl?: string;
  /** More values that must never appear in the logs (checked by close()). */
  secrets?: string[];
}

/** Describes (without repeating them) secrets found in log text: configured keys and any `k=` query value. */
export function findSecretLeaks(text: string, secrets: string[]): string[] {
  const leaks: string[] = [];
  for (const secret of new Set(secrets.filter((s) => s && s.length >= 6))) {
    if (text.includes(secret))
      leaks.push(`a configured secret (${secret.slice(0, 3)}…, ${secret.length} chars)`);
  }
  if (/[?&]k=(?!\[REDACTED\]|&|$)[^&\s"\\]/.test(text)) leaks.push('a k= query value');
  return leaks;
}

export function testRedisUrl(): string {
  return process.env.TEST_REDIS_URL || 'redis://127.0.0.1:6379/15';
}

/** `npm run test:cluster` sets TEST_REDIS_CLUSTER_NODES: the stacks then run on that Redis Cluster. */
export function testClusterNodes(): string[] {
  return (process.env.TEST_REDIS_CLUSTER_NODES ?? '')
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean);
}

/** What deleteKeysWithPrefixes must scan: every Cluster master, or the standalone test Redis. */
export function testRedisTargets(): string | string[] {
  const nodes = testClusterNodes();
  return nodes.length ? nodes.map((n) => `redis://${n}`) : testRedisUrl();
}

/** A direct client on the tests' Redis (standalone or Cluster), for assertions on stored keys. */
export function testRedisClient(): Redis | Cluster {
  const nodes = testClusterNodes();
  if (nodes.length === 0) return new Redis(testRedisUrl());
  return new Cluster(
    nodes.map((n) => ({ host: n.split(':')[0], port: Number(n.split(':')[1]) })),
    { redisOptions: { disconnectTimeout: 100 } },
  );
}

function captureStream(): { stream: Writable; logs: CapturedLogs; all: string[] } {
  const chunks: string[] = [];
  const stream = new Writable({
    write(chunk, _enc, cb) {
      chunks.push(chunk.toString());
      cb();
    },
  });
  const text = () => chunks.join('');
  return {
    stream,
    all: chunks,
    logs: {
      text,
      lines: () =>
        text()
          .split('\n')
          .filter((l) => l.trim().startsWith('{'))
          .map((l) => {
            try {
              return JSON.parse(l);
            } catch {
              return { unparsable: l };
            }
          }),
    },
  };
}

/** A free TCP port on 127.0.0.1 (ephemeral, chosen by the OS). */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = createServer();
    srv.once('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const port = (srv.address() as { port: number }).port;
      srv.close(() => resolve(port));
    });
  });
}

function listeningUrl(app: INestApplication): string {
  const address = app.getHttpServer().address() as { port: number };
  return `http://127.0.0.1:${address.port}`;
}

export interface RunningSandbox {
  url: string;
  app: INestApplication;
  close(): Promise<void>;
}

/** Starts the real 12go sandbox in-process on an ephemeral port. */
export async function startSandbox(env: Record<string, string> = {}): Promise<RunningSandbox> {
  for (let attempt = 0; ; attempt++) {
    const port = await freePort();
    const url = `http://127.0.0.1:${port}`;
    // Pinned id base: the sandbox's ids are deterministic in tests (each stack has its own key prefix).
    const app = await createSandboxApp({
      SANDBOX_PORT: String(port),
      SANDBOX_PUBLIC_URL: url,
      SANDBOX_ID_BASE: '0',
      ...env,
    });
    try {
      await app.listen(port, '127.0.0.1');
      return { url, app, close: () => app.close() };
    } catch (e) {
      await app.close().catch(() => undefined);
      if ((e as NodeJS.ErrnoException).code !== 'EADDRINUSE' || attempt >= 3) throw e;
    }
  }
}

export { deleteKeysWithPrefixes };

/**
 * Starts the real sandbox and the real BFF in-process on ephemeral ports, with a unique Redis key
 * prefix on the test Redis (TEST_REDIS_URL, default db 15) and captured JSON logs.
 */
export async function startStack(opts: StartStackOptions = {}): Promise<TestStack> {
  const id = randomBytes(6).toString('hex');
  // Cluster mode unless the test chose its own standalone Redis.
  const ownTopology = ['REDIS_URL', 'REDIS_SENTINELS', 'REDIS_CLUSTER_NODES'].some(
    (k) => opts.env?.[k] !== undefined,
  );
  const clusterNodes = ownTopology ? [] : testClusterNodes();
  const redisUrl =
    opts.env?.REDIS_URL || (clusterNodes.length ? `redis://${clusterNodes[0]}` : testRedisUrl());
  const cleanupTarget = clusterNodes.length ? clusterNodes.map((n) => `redis://${n}`) : redisUrl;
  const keyPrefix = `test:${id}:`;
  const queuePrefix = `{tq-${id}}`;
  const sandbox = opts.twelvegoBaseUrl ? undefined : await startSandbox(opts.sandboxEnv);
  const sandboxUrl = opts.twelvegoBaseUrl ?? sandbox!.url;
  const capture = captureStream();
  const env: Record<string, string> = {
    ...readLocalEnv(),
    NODE_ENV: 'test',
    TWELVEGO_BASE_URL: sandboxUrl,
    ...(clusterNodes.length
      ? { REDIS_URL: '', REDIS_CLUSTER_NODES: clusterNodes.join(',') }
      : { REDIS_URL: redisUrl }),
    REDIS_KEY_PREFIX: keyPrefix,
    QUEUE_PREFIX: queuePrefix,
    CLIENTS_CONFIG_PATH: opts.clientsFile ?? LOCAL_CLIENTS_FILE,
    CLIENTS_CONFIG_POLL_MS: '0',
    READY_CACHE_MS: '0',
    SHUTDOWN_DRAIN_DELAY_MS: '0',
    LOG_LEVEL: 'info',
    // the reconciler polls 12go on a schedule of its own; the suites about it turn it on
    RECONCILE_ENABLED: 'false',
    ...opts.env,
  };
  let app: INestApplication;
  try {
    app = await createConnectApp({ env, logStream: capture.stream, extraModules: opts.extraModules });
    await app.listen(0, '127.0.0.1');
  } catch (e) {
    await sandbox?.close().catch(() => undefined);
    throw e;
  }
  const bffUrl = listeningUrl(app);
  const secrets = [
    DEMO_KEY,
    DEMO_B_KEY,
    ...app
      .get(ClientRegistry)
      .all()
      .map((c) => c.twelvegoApiKey),
    ...(opts.secrets ?? []),
  ];
  let closed = false;
  return {
    bffUrl,
    sandboxUrl,
    redisUrl,
    keyPrefix,
    queuePrefix,
    logs: capture.logs,
    demoKey: DEMO_KEY,
    demoBKey: DEMO_B_KEY,
    app,
    sandboxAdmin: (path, init) =>
      fetch(`${sandboxUrl}${path.startsWith('/__sandbox') ? path : `/__sandbox${path}`}`, init),
    close: async () => {
      if (closed) return;
      closed = true;
      let timer: NodeJS.Timeout | undefined;
      const appClosed = await Promise.race([
        app.close().then(
          () => true,
          () => true,
        ),
        new Promise<boolean>((resolve) => (timer = setTimeout(() => resolve(false), CLOSE_TIMEOUT_MS))),
      ]);
      clearTimeout(timer);
      await sandbox?.close().catch(() => undefined);
      await deleteKeysWithPrefixes(cleanupTarget, [keyPrefix, queuePrefix]);
      // Every e2e run proves its logs hold no API key, no 12go key and no `k=` value (docs/platform.md#logs-and-redaction).
      const leaks = findSecretLeaks(capture.logs.text(), secrets);
      if (leaks.length > 0) throw new Error(`BFF logs leaked secrets: ${leaks.join('; ')}`);
      if (!appClosed)
        throw new Error(`the BFF did not close within ${CLOSE_TIMEOUT_MS} ms (a shutdown hook is waiting)`);
    },
  };
}

/** Writes a variant of the local clients file (e.g. a webhook, a disabled client) to a temp file. */
export function writeClientsFile(
  mutate: (file: { schema_version: number; clients: any[] }) => void,
  dir?: string,
): string {
  const file = JSON.parse(readFileSync(LOCAL_CLIENTS_FILE, 'utf8'));
  mutate(file);
  const target = join(dir ?? mkdtempSync(join(tmpdir(), 'tc-clients-')), 'clients.json');
  writeFileSync(target, JSON.stringify(file, null, 2));
  return target;
}
