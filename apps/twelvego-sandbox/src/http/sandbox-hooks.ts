import { gzipSync } from 'node:zlib';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { SandboxConfig } from '../config/sandbox-config';
import { seededStream } from '../core/hashing';
import { RequestLogEntry, RequestLogService } from '../admin/request-log.service';
import {
  FaultAction,
  MAX_FAULT_DELAY_MS,
  cannedStatusResponse,
  corruptBody,
  parseFaultHeader,
} from '../faults/fault-action';
import { FaultRulesService } from '../faults/fault-rules.service';
import { endpointOf, latencyFor } from '../faults/latency';
import { faultState } from '../faults/request-faults';
import type { SandboxState } from '../state/sandbox-state';

/**
 * Fastify hooks around every upstream request: request log, latency profile, `X-Sandbox-Fault` and admin
 * fault rules (docs/upstream-12go.md#faults, docs/upstream-12go.md#admin-api, docs/upstream-12go.md#latency-profiles), body corruption and gzip. Admin paths are never faulted or logged.
 */

export interface HookDeps {
  config: SandboxConfig;
  state: SandboxState;
  faults: FaultRulesService;
  requestLog: RequestLogService;
}

const LOG_KEY = Symbol('sandboxLog');
const START_KEY = Symbol('sandboxStart');
type Tagged = FastifyRequest & { [LOG_KEY]?: RequestLogEntry; [START_KEY]?: number };

const isAdminPath = (path: string): boolean => path === '/__sandbox' || path.startsWith('/__sandbox/');
const pathOf = (req: FastifyRequest): string => req.url.split('?')[0];

/** Sleeps that end early when the app closes, so hung/slow requests never keep a test process alive. */
export class AbortableSleeps {
  private readonly pending = new Set<{ timer: NodeJS.Timeout; resolve: () => void }>();
  private closed = false;

  sleep(ms: number): Promise<void> {
    if (ms <= 0 || this.closed) return Promise.resolve();
    return new Promise((resolve) => {
      const entry = {
        timer: setTimeout(() => {
          this.pending.delete(entry);
          resolve();
        }, ms),
        resolve,
      };
      this.pending.add(entry);
    });
  }

  close(): void {
    this.closed = true;
    for (const p of this.pending) {
      clearTimeout(p.timer);
      p.resolve();
    }
    this.pending.clear();
  }
}

export function registerSandboxHooks(app: FastifyInstance, deps: HookDeps, sleeps: AbortableSleeps): void {
  const { config, faults, requestLog } = deps;
  let latencyStream = seededStream(`${deps.state.seed}|latency`);
  let latencyEpoch = deps.state.epoch;
  const hungSockets = new Set<import('node:net').Socket>();

  const hang = (req: FastifyRequest): Promise<void> =>
    new Promise((resolve) => {
      const socket = req.raw.socket;
      hungSockets.add(socket);
      const finish = () => {
        hungSockets.delete(socket);
        socket.destroy();
        resolve();
      };
      socket.once('close', finish);
      void sleeps.sleep(MAX_FAULT_DELAY_MS).then(finish);
    });

  app.addHook('onClose', async () => {
    sleeps.close();
    for (const s of hungSockets) s.destroy();
  });

  app.addHook('onRequest', async (req: FastifyRequest, reply: FastifyReply) => {
    const path = pathOf(req);
    if (isAdminPath(path)) return;
    const tagged = req as Tagged;
    tagged[START_KEY] = Date.now();
    const query = req.query as Record<string, unknown> | undefined;
    const entry = requestLog.start(req.method, path, query);
    tagged[LOG_KEY] = entry;

    const header = req.headers['x-sandbox-fault'];
    let action: FaultAction | null = config.allowHeaderFaults
      ? parseFaultHeader(Array.isArray(header) ? header[0] : header)
      : null;
    if (!action) {
      const k = query?.k;
      action = faults.match({ method: req.method, path, apiKey: typeof k === 'string' ? k : undefined });
    }
    const state = faultState(req);
    state.action = action;
    if (action) entry.fault = JSON.stringify(action);

    if (latencyEpoch !== deps.state.epoch) {
      latencyEpoch = deps.state.epoch;
      latencyStream = seededStream(`${deps.state.seed}|latency`);
    }
    const delay =
      latencyFor(config.latencyProfile, endpointOf(req.method, path), latencyStream) +
      Math.min(action?.delayMs ?? 0, MAX_FAULT_DELAY_MS);
    await sleeps.sleep(delay);
    if (!action || action.execute) return;

    if (action.conn === 'reset') {
      reply.hijack();
      req.raw.socket.destroy();
      return;
    }
    if (action.conn === 'hang') {
      reply.hijack();
      await hang(req);
      return;
    }
    if (action.status !== undefined) {
      const canned = cannedStatusResponse({ ...action, status: action.status });
      state.answered = true;
      reply
        .code(canned.status)
        .headers({ ...canned.headers, ...(action.headers ?? {}) })
        .type(canned.contentType);
      return reply.send(canned.body);
    }
  });

  app.addHook('preHandler', async (req: FastifyRequest) => {
    const entry = (req as Tagged)[LOG_KEY];
    if (entry) entry.body = req.body ?? null;
  });

  app.addHook('onSend', async (req: FastifyRequest, reply: FastifyReply, payload: unknown) => {
    const path = pathOf(req);
    if (isAdminPath(path)) return payload;
    const state = faultState(req);
    const action = state.action;
    let body: unknown = payload;

    if (!state.answered && action?.execute) {
      if (action.conn === 'reset') {
        req.raw.socket.destroy();
        return body;
      }
      if (action.conn === 'hang') {
        await hang(req);
        return body;
      }
      if (action.status !== undefined) {
        const canned = cannedStatusResponse({ ...action, status: action.status });
        reply.code(canned.status).headers(canned.headers).type(canned.contentType);
        body = canned.body;
        state.answered = true;
      }
    }
    const corruption =
      state.forcedBody ??
      (action && !state.answered && action.body && action.body !== 'json' ? action.body : null);
    if (corruption && reply.statusCode >= 200 && reply.statusCode < 300 && typeof body === 'string') {
      const c = corruptBody(corruption, body, endpointOf(req.method, path) === 'search');
      reply.type(c.contentType);
      body = c.body;
    }
    if (action?.headers) reply.headers(action.headers);

    const accept = req.headers['accept-encoding'];
    if (
      (typeof body === 'string' || Buffer.isBuffer(body)) &&
      body.length > 0 &&
      typeof accept === 'string' &&
      /\bgzip\b/.test(accept)
    ) {
      reply.header('content-encoding', 'gzip');
      reply.header('vary', 'accept-encoding');
      body = gzipSync(typeof body === 'string' ? Buffer.from(body) : body);
    }
    return body;
  });

  app.addHook('onResponse', async (req: FastifyRequest, reply: FastifyReply) => {
    const tagged = req as Tagged;
    const entry = tagged[LOG_KEY];
    if (!entry) return;
    entry.status = reply.statusCode;
    entry.ms = Date.now() - (tagged[START_KEY] ?? Date.now());
  });
}
