/* eslint-disable @typescript-eslint/no-explicit-any -- JSON bodies of the API are walked dynamically */
import { Agent, request } from 'node:http';

export interface BffAnswer {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  text: string;
  body: any;
  ms: number;
}

/** One keep-alive pool per test file (fuzzing sends thousands of requests). */
export function keepAliveAgent(connections = 8): Agent {
  return new Agent({ keepAlive: true, maxSockets: connections });
}

/** A raw HTTP request (any method, path bytes, headers and body) against the BFF. */
export function send(
  agent: Agent,
  baseUrl: string,
  opts: {
    method: string;
    path: string;
    headers?: Record<string, string>;
    body?: string | Buffer;
    timeoutMs?: number;
  },
): Promise<BffAnswer> {
  const started = performance.now();
  const url = new URL(baseUrl);
  return new Promise((resolve, reject) => {
    const req = request(
      {
        host: url.hostname,
        port: url.port,
        method: opts.method,
        path: opts.path,
        headers: opts.headers,
        agent,
        timeout: opts.timeoutMs ?? 15_000,
      },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('error', reject);
        res.on('end', () => {
          const text = Buffer.concat(chunks).toString('utf8');
          let body: any;
          try {
            body = text ? JSON.parse(text) : undefined;
          } catch {
            body = undefined;
          }
          resolve({
            status: res.statusCode ?? 0,
            headers: res.headers,
            text,
            body,
            ms: performance.now() - started,
          });
        });
      },
    );
    req.on('timeout', () =>
      req.destroy(
        new Error(
          `no answer within ${opts.timeoutMs ?? 15_000} ms: ${opts.method} ${opts.path.slice(0, 200)}`,
        ),
      ),
    );
    req.on('error', reject);
    req.end(opts.body);
  });
}

const STACK_TRACE =
  /\n\s+at [^\n]+[(:]|\bat (?:async )?[\w.<>]+ \([^)]*:\d+:\d+\)|node_modules|\.ts:\d+|\bTypeError\b|\bReferenceError\b|\bSyntaxError: /;

/** Problems of an error answer against docs/contract/errors.md#envelope (empty when it is a proper envelope). */
export function envelopeProblems(answer: BffAnswer): string[] {
  const problems: string[] = [];
  if (STACK_TRACE.test(answer.text)) problems.push('stack trace or internal detail in the body');
  if (answer.status < 400) return problems;
  const b = answer.body;
  if (!b || typeof b !== 'object') return [...problems, 'error body is not JSON'];
  if (typeof b.error?.code !== 'string' || !/^[a-z_]+$/.test(b.error.code))
    problems.push('error.code missing');
  if (typeof b.error?.message !== 'string') problems.push('error.message missing');
  if (typeof b.correlation_id !== 'string' || b.correlation_id !== answer.headers['x-correlation-id'])
    problems.push('correlation_id missing or ≠ x-correlation-id');
  if (typeof b.request_id !== 'string' || b.request_id !== answer.headers['x-request-id'])
    problems.push('request_id missing or ≠ x-request-id');
  const extra = Object.keys(b).filter((k) => !['error', 'correlation_id', 'request_id'].includes(k));
  if (extra.length) problems.push(`unexpected top-level keys ${extra.join(',')}`);
  return problems;
}
