/* eslint-disable @typescript-eslint/no-explicit-any -- upstream JSON answers are asserted field by field */
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { createSandboxApp } from '../../apps/twelvego-sandbox/src/create-sandbox-app';

/** Starts the real sandbox in-process on an ephemeral port for the sandbox's own e2e tests. */

export interface CallResult {
  status: number;
  headers: Headers;
  text: string;
  json: any;
}

export interface SandboxHarness {
  url: string;
  app: NestFastifyApplication;
  call(
    method: string,
    path: string,
    opts?: {
      k?: string | null;
      body?: unknown;
      rawBody?: string;
      headers?: Record<string, string>;
      signal?: AbortSignal;
    },
  ): Promise<CallResult>;
  get(path: string, k?: string | null): Promise<CallResult>;
  post(path: string, body?: unknown, k?: string | null): Promise<CallResult>;
  admin(method: string, path: string, body?: unknown): Promise<CallResult>;
  close(): Promise<void>;
}

/** Fixture story time: 2026-05-10 10:30 in Bangkok. */
export const FIXTURE_NOW = '2026-05-10T03:30:00Z';
export const KEY1 = 'sandbox-key-1';
export const KEY2 = 'sandbox-key-2';

export async function startSandbox(env: Record<string, string> = {}): Promise<SandboxHarness> {
  const app = await createSandboxApp({
    SANDBOX_NOW: FIXTURE_NOW,
    SANDBOX_CLOCK_FROZEN: 'true',
    SANDBOX_ID_BASE: '0',
    SANDBOX_LOG_LEVEL: 'silent',
    SANDBOX_CONFIRM_DELAY_MS: '3000',
    SANDBOX_RECHECK_DELAY_MS: '2000',
    ...env,
  });
  await app.listen({ port: 0, host: '127.0.0.1' });
  const address = app.getHttpServer().address();
  const url = `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}`;

  const call: SandboxHarness['call'] = async (method, path, opts = {}) => {
    const k = opts.k === undefined ? KEY1 : opts.k;
    const full =
      k === null
        ? `${url}${path}`
        : `${url}${path}${path.includes('?') ? '&' : '?'}k=${encodeURIComponent(k)}`;
    const headers: Record<string, string> = { accept: 'application/json', ...(opts.headers ?? {}) };
    let body: string | undefined;
    if (opts.rawBody !== undefined) body = opts.rawBody;
    else if (opts.body !== undefined) body = JSON.stringify(opts.body);
    if (body !== undefined && !headers['content-type']) headers['content-type'] = 'application/json';
    const res = await fetch(full, { method, headers, body, signal: opts.signal });
    const text = await res.text();
    let json: unknown;
    try {
      json = text === '' ? undefined : JSON.parse(text);
    } catch {
      json = undefined;
    }
    return { status: res.status, headers: res.headers, text, json };
  };

  return {
    url,
    app,
    call,
    get: (path, k) => call('GET', path, { k }),
    post: (path, body, k) => call('POST', path, { k, body }),
    admin: (method, path, body) => call(method, `/__sandbox${path}`, { k: null, body }),
    close: () => app.close(),
  };
}

/** Waits until `check` returns a truthy value (polling, bounded). */
export async function eventually<T>(
  check: () => Promise<T | undefined | null | false>,
  timeoutMs = 5000,
): Promise<T> {
  const until = Date.now() + timeoutMs;
  for (;;) {
    const value = await check();
    if (value) return value;
    if (Date.now() > until) throw new Error('condition not met in time');
    await new Promise((r) => setTimeout(r, 25));
  }
}

/** A valid reserve body for a checkout form: fills every required field plausibly. */
export function reserveBodyFor(
  fields: Record<string, any>,
  seats: number,
  lastName = 'Doe',
  overrides: Record<string, unknown> = {},
): Record<string, unknown> {
  const body: Record<string, unknown> = {};
  const valueFor = (name: string, field: any): unknown => {
    if (name === 'contact[mobile]') return '+66812345678';
    if (name === 'contact[email]') return 'traveller@example.com';
    if (name === 'seats') return seats;
    if (/\[last_name\]$/.test(name)) return lastName;
    if (/\[first_name\]$/.test(name)) return 'John';
    if (/\[id_no\]$/.test(name)) return 'AB123456';
    if (field.type === 'date') return /\[id_exp_date\]$/.test(name) ? '2030-01-01' : '1990-01-31';
    if (field.type === 'checkbox') return false;
    if (field.type === 'select') {
      const flat = (opts: any[]): string[] =>
        opts.flatMap((o) => [...(o.value !== null ? [o.value] : []), ...flat(o.values ?? [])]);
      return flat(field.options ?? [])[0];
    }
    if (field.type === 'file') return 'https://example.com/scan.png';
    return 'text';
  };
  for (let i = 0; i < seats; i++) {
    for (const [name, field] of Object.entries(fields)) {
      if (!field.required) continue;
      if (name.startsWith('passenger[0][')) {
        const own = name.replace('passenger[0][', `passenger[${i}][`);
        body[own] = valueFor(own, field);
      } else if (i === 0 && !name.startsWith('passenger[')) {
        body[name] = valueFor(name, field);
      }
    }
  }
  return { ...body, ...overrides };
}
