/* eslint-disable @typescript-eslint/no-explicit-any -- JSON bodies are walked dynamically */
import { spawn, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { startRedisCluster, type RunningCluster } from '../../../scripts/lib/redis-cluster';
import { readLocalEnv, REPO_ROOT } from '../../support/local-env';
import { deleteKeysWithPrefixes, freePort, testClusterNodes } from '../../support/stack';

const API_MAIN = join(REPO_ROOT, 'dist/apps/connect-api/main.js');
const SANDBOX_MAIN = join(REPO_ROOT, 'dist/apps/twelvego-sandbox/main.js');

export type Role = 'api' | 'worker' | 'all';

/** One OS process of the production build. */
export interface Proc {
  name: string;
  url: string;
  proc: ChildProcess;
  output(): string;
  exited: Promise<number | string>;
  alive(): boolean;
}

function spawnMain(name: string, main: string, env: Record<string, string>, port: number): Proc {
  const proc = spawn(process.execPath, [main], {
    cwd: REPO_ROOT,
    env: { PATH: process.env.PATH ?? '', HOME: process.env.HOME ?? '', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let out = '';
  proc.stdout!.on('data', (c: Buffer) => (out += c.toString()));
  proc.stderr!.on('data', (c: Buffer) => (out += c.toString()));
  const exited = new Promise<number | string>((resolve) =>
    proc.once('exit', (code, signal) => resolve(code ?? signal ?? -1)),
  );
  return {
    name,
    url: `http://127.0.0.1:${port}`,
    proc,
    output: () => out,
    exited,
    alive: () => proc.exitCode === null && proc.signalCode === null,
  };
}

async function waitHttp(p: Proc, path: string, timeoutMs = 60_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    if (!p.alive()) throw new Error(`${p.name} exited before answering:\n${p.output().slice(-3000)}`);
    const res = await fetch(`${p.url}${path}`).catch(() => null);
    await res?.arrayBuffer().catch(() => undefined);
    if (res?.ok) return;
    if (Date.now() > deadline)
      throw new Error(`${p.name} did not answer ${path}:\n${p.output().slice(-3000)}`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

export function assertBuilt(): void {
  for (const f of [API_MAIN, SANDBOX_MAIN])
    if (!existsSync(f)) throw new Error(`${f} is missing: run "npm run build" (npm run test:cluster does)`);
}

export interface FleetOptions {
  clientsFile: string;
  env?: Record<string, string>;
}

/**
 * Sandbox + BFF instances as real processes of dist/, sharing one Redis Cluster (TEST_REDIS_CLUSTER_NODES, or
 * a cluster started here) under a key prefix of their own.
 */
export class Fleet {
  readonly id = randomBytes(5).toString('hex');
  readonly keyPrefix = `test:fleet-${this.id}:`;
  readonly queuePrefix = `{tq-fleet-${this.id}}`;
  readonly pathSecret = randomBytes(24).toString('hex');
  readonly adminToken = randomBytes(24).toString('hex');
  instances: Array<Proc & { role: Role }> = [];
  retired: Array<Proc & { role: Role }> = [];
  sandbox!: Proc;
  clusterNodes: string[] = [];
  private ownCluster?: RunningCluster;
  private counter = 0;

  constructor(private readonly opts: FleetOptions) {}

  async start(roles: Role[]): Promise<this> {
    assertBuilt();
    this.clusterNodes = testClusterNodes();
    if (this.clusterNodes.length === 0) {
      this.ownCluster = await startRedisCluster();
      this.clusterNodes = this.ownCluster.nodesEnv.split(',');
    }
    const sandboxPort = await freePort();
    this.sandbox = spawnMain(
      'sandbox',
      SANDBOX_MAIN,
      {
        SANDBOX_PORT: String(sandboxPort),
        SANDBOX_HOST: '127.0.0.1',
        SANDBOX_PUBLIC_URL: `http://127.0.0.1:${sandboxPort}`,
        SANDBOX_CONFIRM_DELAY_MS: '200',
        SANDBOX_LOG_LEVEL: 'silent',
        SANDBOX_REQUEST_LOG_SIZE: '200000',
      },
      sandboxPort,
    );
    await waitHttp(this.sandbox, '/__sandbox/health');
    await Promise.all(roles.map((role) => this.add(role)));
    return this;
  }

  get sandboxUrl(): string {
    return this.sandbox.url;
  }

  async bffEnv(role: Role, port: number): Promise<Record<string, string>> {
    return {
      ...readLocalEnv(),
      NODE_ENV: 'test',
      DD_TRACE_ENABLED: 'false',
      PORT: String(port),
      HOST: '127.0.0.1',
      ROLE: role,
      TWELVEGO_BASE_URL: this.sandbox.url,
      REDIS_URL: '',
      REDIS_CLUSTER_NODES: this.clusterNodes.join(','),
      REDIS_KEY_PREFIX: this.keyPrefix,
      QUEUE_PREFIX: this.queuePrefix,
      CLIENTS_CONFIG_PATH: this.opts.clientsFile,
      CLIENTS_CONFIG_POLL_MS: '0',
      TWELVEGO_WEBHOOK_PATH_SECRETS: this.pathSecret,
      ADMIN_TOKENS: this.adminToken,
      READY_CACHE_MS: '0',
      SHUTDOWN_DRAIN_DELAY_MS: '1500',
      LOG_LEVEL: 'info',
      ...this.opts.env,
    };
  }

  /** Starts one more instance and waits until it answers /health/live (ready for api/all). */
  async add(role: Role): Promise<Proc & { role: Role }> {
    const port = await freePort();
    const p = {
      ...spawnMain(`${role}-${++this.counter}`, API_MAIN, await this.bffEnv(role, port), port),
      role,
    };
    this.instances.push(p);
    await waitHttp(p, role === 'worker' ? '/health/live' : '/health/ready');
    return p;
  }

  api(): Array<Proc & { role: Role }> {
    return this.instances.filter((i) => i.role !== 'worker' && i.alive());
  }

  /** SIGKILL (a crash): no shutdown hook runs. */
  async kill(p: Proc): Promise<void> {
    p.proc.kill('SIGKILL');
    await p.exited;
    this.retire(p);
  }

  retire(p: Proc): void {
    this.instances = this.instances.filter((i) => i !== p);
    this.retired.push(p as Proc & { role: Role });
  }

  inboundPath(): string {
    return `/webhooks/12go/${this.pathSecret}`;
  }

  /** Every instance's output (live and retired), for log assertions. */
  allOutput(): string {
    return [...this.instances, ...this.retired].map((p) => p.output()).join('\n');
  }

  async stop(): Promise<void> {
    for (const p of [...this.instances, this.sandbox].filter(Boolean)) if (p.alive()) p.proc.kill('SIGKILL');
    await Promise.all([...this.instances, this.sandbox].filter(Boolean).map((p) => p.exited));
    await deleteKeysWithPrefixes(
      this.clusterNodes.map((n) => `redis://${n}`),
      [this.keyPrefix, this.queuePrefix],
    );
    await this.ownCluster?.stop();
  }
}

export interface Answer {
  status: number;
  headers: Headers;
  body: any;
  instance: string;
  /** Refused connections retried on another instance before this answer. */
  retries: number;
}

const REFUSED = new Set(['ECONNREFUSED']);

function errorCode(e: unknown): string | undefined {
  const cause = (e as { cause?: { code?: string } }).cause;
  return cause?.code ?? (e as { code?: string }).code;
}

/**
 * Spreads requests round-robin over the live api instances; like the edge proxy, retries a refused
 * connection (nothing was sent) on the next instance and nothing else.
 */
export class FleetClient {
  private rr = 0;
  readonly stats = { requests: 0, failures: 0, fivexx: 0, retried: 0, errors: [] as string[] };

  constructor(private readonly targets: () => Array<{ name: string; url: string }>) {}

  async request(
    method: string,
    path: string,
    opts: { key?: string; body?: unknown; raw?: string; headers?: Record<string, string>; on?: number } = {},
  ): Promise<Answer> {
    const targets = this.targets();
    let retries = 0;
    this.stats.requests++;
    for (let attempt = 0; attempt < Math.max(3, targets.length + 1); attempt++) {
      const t =
        opts.on !== undefined ? targets[opts.on % targets.length] : targets[this.rr++ % targets.length];
      try {
        const res = await fetch(`${t.url}${path}`, {
          method,
          headers: {
            ...(opts.key ? { 'x-api-key': opts.key } : {}),
            ...(opts.body !== undefined || opts.raw !== undefined
              ? { 'content-type': 'application/json' }
              : {}),
            ...opts.headers,
          },
          body: opts.raw ?? (opts.body === undefined ? undefined : JSON.stringify(opts.body)),
        });
        const text = await res.text();
        let body: unknown = text;
        try {
          body = text ? JSON.parse(text) : undefined;
        } catch {
          /* keep text */
        }
        if (res.status >= 500) this.stats.fivexx++;
        return { status: res.status, headers: res.headers, body, instance: t.name, retries };
      } catch (e) {
        if (REFUSED.has(errorCode(e) ?? '') && opts.on === undefined) {
          retries++;
          this.stats.retried++;
          continue;
        }
        this.stats.failures++;
        this.stats.errors.push(`${method} ${path} on ${t.name}: ${errorCode(e) ?? (e as Error).message}`);
        throw e;
      }
    }
    this.stats.failures++;
    throw new Error(`${method} ${path}: every instance refused the connection`);
  }
}

/** A 12go-shaped webhook body. */
export function twelvegoWebhook(bid: string, type: string, stamp: number, status = 'confirmed') {
  const snap = (s: string) => ({
    bid: Number(bid),
    tracker: 'TRACKER1',
    status: s,
    from_id: 9001,
    to_id: 9002,
    dep_date_time: '2030-01-01 05:00:00',
    seats: 1,
    price: { value: 330, fxcode: 'THB' },
  });
  return {
    bid: Number(bid),
    type,
    stamp,
    new_data: snap(status),
    previous_data: snap('pending_client_confirmation'),
  };
}

/** Runs `fn` until `until()` with at most `n` loops in parallel; resolves when all loops end. */
export async function loops(
  n: number,
  until: () => boolean,
  fn: (i: number) => Promise<void>,
): Promise<void> {
  await Promise.all(
    Array.from({ length: n }, async (_, i) => {
      while (!until()) await fn(i);
    }),
  );
}

export async function waitUntil(check: () => Promise<boolean> | boolean, timeoutMs: number, stepMs = 200) {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (await check()) return true;
    await new Promise((r) => setTimeout(r, stepMs));
  }
  return false;
}
