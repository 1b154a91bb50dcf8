import { Test } from '@nestjs/testing';
import {
  TwelveGoClient,
  TwelveGoClientModule,
  type TwelveGoClientOptions,
  type TwelveGoLogger,
} from '@app/twelvego-client';
import { createSandboxApp } from '../../apps/twelvego-sandbox/src/create-sandbox-app';

/** The real sandbox over HTTP on an ephemeral port, and a real TwelveGoClient built by its Nest module. */
export const SANDBOX_KEY = 'sandbox-key-1';
/** Sandbox clock start; scenario trips are then served on SCENARIO_DATE (docs/upstream-12go.md#scenario-trips: ≥ 1 day ahead). */
export const SANDBOX_NOW = '2026-05-10T03:00:00Z';
export const SCENARIO_DATE = '2026-05-14';
export const SCENARIO_TRIP_PREFIX = 'TH02lb02lc2Bhb0xbZ';

export interface SandboxHandle {
  url: string;
  admin(path: string, init?: { method?: string; body?: unknown }): Promise<unknown>;
  /** Requests the sandbox received for an exact method and path (query ignored). */
  requests(method: string, path: string): Promise<Array<Record<string, unknown>>>;
  close(): Promise<void>;
}

export async function startSandbox(env: Record<string, string> = {}): Promise<SandboxHandle> {
  const app = await createSandboxApp({
    SANDBOX_NOW,
    SANDBOX_ID_BASE: '0',
    SANDBOX_LATENCY_PROFILE: 'none',
    SANDBOX_ALLOW_HEADER_FAULTS: 'true',
    SANDBOX_LOG_LEVEL: 'silent',
    SANDBOX_RECHECK_DELAY_MS: '50',
    SANDBOX_CONFIRM_DELAY_MS: '50',
    ...env,
  });
  await app.listen({ port: 0, host: '127.0.0.1' });
  const address = app.getHttpServer().address() as { port: number };
  const url = `http://127.0.0.1:${address.port}`;
  const admin = async (path: string, init: { method?: string; body?: unknown } = {}): Promise<unknown> => {
    const res = await fetch(`${url}/__sandbox${path}`, {
      method: init.method ?? 'GET',
      headers: init.body === undefined ? {} : { 'content-type': 'application/json' },
      body: init.body === undefined ? undefined : JSON.stringify(init.body),
    });
    const text = await res.text();
    if (!res.ok) throw new Error(`sandbox admin ${path}: ${res.status} ${text}`);
    return text ? JSON.parse(text) : undefined;
  };
  return {
    url,
    admin,
    async requests(method, path) {
      const body = (await admin('/requests')) as unknown[] | { requests?: unknown[]; items?: unknown[] };
      const list = (Array.isArray(body) ? body : (body.requests ?? body.items ?? [])) as Array<
        Record<string, unknown>
      >;
      return list.filter((r) => r.method === method && String(r.path).split('?')[0] === path);
    },
    close: () => app.close(),
  };
}

export interface ClientHandle {
  client: TwelveGoClient;
  logs: string[];
  close(): Promise<void>;
}

/** Builds the client through `TwelveGoClientModule.registerAsync`, capturing its log lines. */
export async function startClient(
  baseUrl: string,
  options: Partial<TwelveGoClientOptions> = {},
): Promise<ClientHandle> {
  const logs: string[] = [];
  const capture =
    (level: string) =>
    (message: unknown, ...rest: unknown[]) =>
      logs.push(JSON.stringify({ level, message, rest }));
  const logger: TwelveGoLogger = {
    debug: capture('debug'),
    log: capture('info'),
    warn: capture('warn'),
    error: capture('error'),
  };
  const moduleRef = await Test.createTestingModule({
    imports: [
      TwelveGoClientModule.registerAsync({
        useFactory: (): TwelveGoClientOptions => ({
          baseUrl,
          logger,
          retry: { backoffMs: [20, 40] },
          timeoutsMs: {
            search: 3000,
            tripDetails: 2000,
            bookingDetails: 2000,
            cartDetails: 2000,
            reserve: 3000,
            confirm: 3000,
          },
          ...options,
        }),
      }),
    ],
  }).compile();
  await moduleRef.init();
  return { client: moduleRef.get(TwelveGoClient), logs, close: () => moduleRef.close() };
}

/** Values for the reserve body of a scenario/bus checkout (docs/upstream-12go.md#checkout-field-sets regexps). */
const KNOWN_VALUES: Record<string, string | number | boolean> = {
  'contact[mobile]': '+66812345678',
  'contact[email]': 'traveller@example.com',
  'passenger[0][first_name]': 'John',
  'passenger[0][last_name]': 'Doe',
  'passenger[0][title]': 'Mr',
  'passenger[0][country_id]': 'TH',
  'passenger[0][gender]': 'M',
  'passenger[0][id_type]': '0',
  'passenger[0][id_no]': 'AB123456',
  'passenger[0][dob]': '1990-01-31',
};

interface Option {
  value: string | null;
  values?: Option[];
}
interface Field {
  type?: string;
  required?: boolean;
  options?: Option[];
}

function firstOption(options: Field['options']): string | undefined {
  for (const option of options ?? []) {
    if (option.value !== null && option.value !== undefined) return option.value;
    const nested = firstOption(option.values);
    if (nested) return nested;
  }
  return undefined;
}

export function reserveBodyFor(
  checkout: Record<string, Field>,
  seats: number,
): Record<string, string | number | boolean> {
  const body: Record<string, string | number | boolean> = {};
  for (const [name, field] of Object.entries(checkout)) {
    if (name === 'seats') body.seats = seats;
    else if (name in KNOWN_VALUES) body[name] = KNOWN_VALUES[name] as string;
    else if (field.required)
      body[name] = field.type === 'checkbox' ? true : (firstOption(field.options) ?? 'x');
  }
  return body;
}
