/* eslint-disable @typescript-eslint/no-explicit-any -- JSON bodies are walked dynamically */
import type { ChildProcess } from 'node:child_process';
import { Agent, request as httpRequest } from 'node:http';
import { randomBytes } from 'node:crypto';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { startRedisCluster, type RunningCluster } from '../../../scripts/lib/redis-cluster';
import { spawnCaptured } from '../../support/captured-child';
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
  const child = spawnCaptured(process.execPath, [main], env);
  return {
    name,
    url: `http://127.0.0.1:${port}`,
    ...child,
    alive: () => child.proc.exitCode === null && child.proc.signalCode === null,
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
        // scenario 4 alone books ~1,000 seats; departures rotate over many dates so none sells out
        SANDBOX_HORIZON_DAYS: '400',
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

interface RawAnswer {
  status: number;
  headers: Headers;
  text: string;
}

class RetryableError extends Error {
  constructor(readonly code: string) {
    super(code);
  }
}

/** One HTTP request on a keep-alive agent; a connection error that proves nothing reached the app is retryable. */
function send(agent: Agent, url: string, method: string, headers: Record<string, string>, body?: string) {
  return new Promise<RawAnswer>((resolve, reject) => {
    const req = httpRequest(url, { method, headers, agent }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('error', reject);
      res.on('end', () => {
        const h = new Headers();
        for (const [k, v] of Object.entries(res.headers)) if (v !== undefined) h.set(k, String(v));
        resolve({ status: res.statusCode ?? 0, headers: h, text: Buffer.concat(chunks).toString('utf8') });
      });
    });
    req.on('error', (e: NodeJS.ErrnoException) => {
      // Refused: the listener is gone. Reset on a reused keep-alive socket before any answer: the server
      // closed an idle connection as the request went out (Node's documented retry case; nginx retries too).
      // A GET reset before any answer is retried too, as the edge proxy does for idempotent requests.
      if (
        e.code === 'ECONNREFUSED' ||
        (e.code === 'ECONNRESET' && (req.reusedSocket || method === 'GET' || method === 'HEAD'))
      )
        reject(new RetryableError(e.code));
      else reject(e);
    });
    req.end(body);
  });
}

/**
 * Spreads requests round-robin over the live api instances on keep-alive connections; like the edge proxy,
 * retries on the next instance only what never reached a BFF (see `send`), and nothing else.
 */
export class FleetClient {
  private rr = 0;
  private readonly agent = new Agent({ keepAlive: true, maxSockets: 16 });
  readonly stats = { requests: 0, failures: 0, fivexx: 0, retried: 0, errors: [] as string[] };

  constructor(private readonly targets: () => Array<{ name: string; url: string }>) {}

  async request(
    method: string,
    path: string,
    opts: { key?: string; body?: unknown; raw?: string; headers?: Record<string, string>; on?: number } = {},
  ): Promise<Answer> {
    let retries = 0;
    this.stats.requests++;
    const payload = opts.raw ?? (opts.body === undefined ? undefined : JSON.stringify(opts.body));
    for (let attempt = 0; attempt < 6; attempt++) {
      const targets = this.targets();
      const t =
        opts.on !== undefined ? targets[opts.on % targets.length] : targets[this.rr++ % targets.length];
      try {
        const res = await send(
          this.agent,
          `${t.url}${path}`,
          method,
          {
            ...(opts.key ? { 'x-api-key': opts.key } : {}),
            ...(payload !== undefined ? { 'content-type': 'application/json' } : {}),
            ...opts.headers,
          },
          payload,
        );
        let body: unknown = res.text;
        try {
          body = res.text ? JSON.parse(res.text) : undefined;
        } catch {
          /* keep text */
        }
        if (res.status >= 500) {
          this.stats.fivexx++;
          this.stats.errors.push(`${method} ${path} on ${t.name}: ${res.status} ${res.text.slice(0, 200)}`);
        }
        return { status: res.status, headers: res.headers, body, instance: t.name, retries };
      } catch (e) {
        if (e instanceof RetryableError && opts.on === undefined) {
          retries++;
          this.stats.retried++;
          continue;
        }
        this.stats.failures++;
        this.stats.errors.push(
          `${method} ${path} on ${t.name}: ${(e as NodeJS.ErrnoException).code ?? (e as Error).message}`,
        );
        throw e;
      }
    }
    this.stats.failures++;
    throw new Error(`${method} ${path}: no instance took the request`);
  }

  close(): void {
    this.agent.destroy();
  }
}

export { twelvegoWebhook } from '../../support/twelvego-webhook';

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
