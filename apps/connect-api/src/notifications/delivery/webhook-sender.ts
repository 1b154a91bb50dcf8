import * as dns from 'node:dns';
import * as http from 'node:http';
import * as https from 'node:https';
import type { LookupFunction } from 'node:net';
import { parseRetryAfter } from './retry-schedule';
import { checkWebhookUrl, pickAllowedAddress } from './webhook-target.guard';

export type DeliveryOutcome =
  'success' | 'http_3xx' | 'http_4xx' | 'http_5xx' | 'timeout' | 'network' | 'blocked_target';

export interface DeliveryRequest {
  url: string;
  headers: Record<string, string>;
  body: string;
  timeoutMs: number;
  connectTimeoutMs: number;
  requireHttps: boolean;
  allowPrivate: boolean;
}

export interface DeliveryResult {
  outcome: DeliveryOutcome;
  status?: number;
  retryAfterMs?: number;
  durationMs: number;
  /** Short description for logs and the job history (never the partner's response body). */
  detail: string;
}

const MAX_RESPONSE_BYTES = 64 * 1024;
// Dedicated agents: never the 12go agent, never a proxy from the environment (docs/contract/webhooks.md#target-url-safety).
const httpAgent = new http.Agent({ keepAlive: true, maxSockets: 64 });
const httpsAgent = new https.Agent({ keepAlive: true, maxSockets: 64 });

class BlockedTargetError extends Error {
  readonly code = 'EBLOCKEDTARGET';
}

/** A lookup that resolves every address, refuses the host if any is blocked, and pins the socket to a checked one. */
function guardedLookup(allowPrivate: boolean): LookupFunction {
  return ((hostname: string, options: dns.LookupOptions, callback: (...args: unknown[]) => void) => {
    dns.lookup(hostname, { all: true, family: options.family, hints: options.hints }, (err, addresses) => {
      if (err) return callback(err);
      const picked = pickAllowedAddress(addresses, allowPrivate);
      if (!picked) return callback(new BlockedTargetError(`${hostname} resolves to a blocked address`));
      if (options.all) return callback(null, [picked]);
      return callback(null, picked.address, picked.family);
    });
  }) as LookupFunction;
}

function classify(status: number): DeliveryOutcome {
  if (status >= 200 && status < 300) return 'success';
  if (status >= 300 && status < 400) return 'http_3xx';
  if (status >= 400 && status < 500) return 'http_4xx';
  return 'http_5xx';
}

/** One signed POST: no redirects followed, at most 64 KiB of the response read, total and connect timeouts. */
export function sendWebhook(req: DeliveryRequest): Promise<DeliveryResult> {
  const started = Date.now();
  const elapsed = () => Date.now() - started;
  const check = checkWebhookUrl(req.url, { requireHttps: req.requireHttps, allowPrivate: req.allowPrivate });
  if (!check.ok) return Promise.resolve({ outcome: 'blocked_target', durationMs: 0, detail: check.reason });
  const url = check.url;
  const isHttps = url.protocol === 'https:';
  return new Promise<DeliveryResult>((resolve) => {
    let settled = false;
    const finish = (r: Omit<DeliveryResult, 'durationMs'>) => {
      if (settled) return;
      settled = true;
      clearTimeout(total);
      resolve({ ...r, durationMs: elapsed() });
    };
    const options: https.RequestOptions = {
      method: 'POST',
      protocol: url.protocol,
      hostname: url.hostname.startsWith('[') ? url.hostname.slice(1, -1) : url.hostname,
      port: url.port || (isHttps ? 443 : 80),
      path: `${url.pathname}${url.search}`,
      headers: { ...req.headers, 'content-length': String(Buffer.byteLength(req.body)) },
      agent: isHttps ? httpsAgent : httpAgent,
      lookup: guardedLookup(req.allowPrivate),
      servername: isHttps && !check.literalIp ? url.hostname : undefined,
    };
    const request = (isHttps ? https : http).request(options, (res) => {
      const status = res.statusCode ?? 0;
      let read = 0;
      const outcome = classify(status);
      const retryAfterMs =
        status === 429 || status === 503
          ? parseRetryAfter(res.headers['retry-after'] as string | undefined, Date.now())
          : undefined;
      const done = () => finish({ outcome, status, retryAfterMs, detail: `HTTP ${status}` });
      res.on('data', (chunk: Buffer) => {
        read += chunk.length;
        if (read > MAX_RESPONSE_BYTES) {
          res.destroy();
          done();
        }
      });
      res.on('end', done);
      res.on('error', done);
      res.on('close', done);
    });
    const connectTimer = setTimeout(() => {
      request.destroy(Object.assign(new Error('connect timeout'), { code: 'ECONNECTTIMEOUT' }));
    }, req.connectTimeoutMs);
    request.on('socket', (socket) => {
      if (!socket.connecting) clearTimeout(connectTimer);
      else socket.once(isHttps ? 'secureConnect' : 'connect', () => clearTimeout(connectTimer));
    });
    const total = setTimeout(() => {
      request.destroy(Object.assign(new Error('delivery timeout'), { code: 'ETIMEDOUT' }));
    }, req.timeoutMs);
    request.on('error', (err: NodeJS.ErrnoException) => {
      clearTimeout(connectTimer);
      if (err instanceof BlockedTargetError || err.code === 'EBLOCKEDTARGET') {
        finish({ outcome: 'blocked_target', detail: 'resolved_private_address' });
      } else if (err.code === 'ETIMEDOUT' || err.code === 'ECONNECTTIMEOUT') {
        finish({ outcome: 'timeout', detail: err.code === 'ETIMEDOUT' ? 'timeout' : 'connect timeout' });
      } else {
        finish({ outcome: 'network', detail: err.code ?? 'network error' });
      }
    });
    request.on('close', () => clearTimeout(connectTimer));
    request.end(req.body);
  });
}
