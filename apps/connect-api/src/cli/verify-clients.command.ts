import { readFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { buildRegistrySnapshot, ClientsConfigError } from '../platform/clients/build-registry-snapshot';
import type { ClientSnapshot } from '../platform/clients/client-snapshot';
import { loadAppConfig } from '../platform/config/load-app-config';

const USAGE =
  'usage: npm run verify-clients [-- --client <client_id>] [--bookings <file.json: {"<client_id>": "<12go bid>"}>]';

export interface VerifyIo {
  env: Record<string, string | undefined>;
  out: (line: string) => void;
  /** Per-call timeout (ms). */
  timeoutMs?: number;
}

interface Check {
  ok: boolean;
  line: string;
}

/** `k` is appended last and never printed. */
async function getBooking(baseUrl: string, bid: string, key: string, timeoutMs: number): Promise<number> {
  const url = `${baseUrl.replace(/\/+$/, '')}/booking/${encodeURIComponent(bid)}?k=${encodeURIComponent(key)}`;
  try {
    const res = await fetch(url, { signal: AbortSignal.timeout(timeoutMs) });
    await res.arrayBuffer();
    return res.status;
  } catch {
    return 0;
  }
}

function readBookings(path: string | undefined): Record<string, string> {
  if (!path) return {};
  const parsed = JSON.parse(readFileSync(path, 'utf8')) as unknown;
  if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed))
    throw new Error('--bookings must hold a JSON object {"<client_id>": "<12go booking id>"}');
  return Object.fromEntries(Object.entries(parsed).map(([k, v]) => [k, String(v)]));
}

/**
 * docs/operations.md#onboard-a-partner pre-cutover check against TWELVEGO_BASE_URL: every enabled client's 12go key
 * authenticates (a booking read that must not answer 401), keys shared between clients are reported, and
 * a known booking per client (from `--bookings`) is readable with the owner's key and not with any other
 * client's key. Returns the exit code (0 = all passed).
 */
export async function runVerifyClients(argv: string[], io: VerifyIo): Promise<number> {
  const { out } = io;
  const timeoutMs = io.timeoutMs ?? 10_000;
  let values: { client?: string; bookings?: string };
  let bookings: Record<string, string>;
  let clients: ClientSnapshot[];
  let baseUrl: string;
  try {
    ({ values } = parseArgs({
      args: argv,
      options: { client: { type: 'string' }, bookings: { type: 'string' } },
      strict: true,
    }));
    bookings = readBookings(values.bookings);
    const config = loadAppConfig(io.env);
    baseUrl = config.TWELVEGO_BASE_URL;
    const built = buildRegistrySnapshot(readFileSync(config.CLIENTS_CONFIG_PATH, 'utf8'), {
      env: config.rawEnv,
      allowInlineSecrets: config.CONFIG_ALLOW_INLINE_SECRETS,
      requireHttpsWebhooks: config.WEBHOOK_REQUIRE_HTTPS,
      allowPrivateTargets: config.WEBHOOK_ALLOW_PRIVATE_TARGETS,
      defaultRateLimit: { rps: config.RATE_LIMIT_DEFAULT_RPS, burst: config.RATE_LIMIT_DEFAULT_BURST },
      readFile: (path) => readFileSync(path, 'utf8'),
      legacyBaseUrl: config.LEGACY_BASE_URL,
    });
    clients = [...built.snapshot.clients.values()].filter((c) => c.enabled);
  } catch (e) {
    const problems = e instanceof ClientsConfigError ? e.problems : [(e as Error).message];
    out(`FAIL configuration: ${problems.join('; ')}\n${USAGE}`);
    return 2;
  }
  const targets = values.client ? clients.filter((c) => c.clientId === values.client) : clients;
  if (values.client && targets.length === 0) {
    out(`FAIL client "${values.client}" is not an enabled client of the clients file`);
    return 2;
  }
  out(`Checking ${targets.length} client(s) against ${new URL(baseUrl).origin}`);

  const checks: Check[] = [];
  for (const client of targets) {
    const status = await getBooking(baseUrl, '0', client.twelvegoApiKey, timeoutMs);
    const ok = status !== 0 && status !== 401 && status < 500;
    checks.push({
      ok,
      line: `${client.clientId}: 12go key ${ok ? 'authenticates' : 'REJECTED'} (status ${status || 'no answer'})`,
    });
  }

  const byKey = new Map<string, string[]>();
  for (const c of clients) byKey.set(c.twelvegoApiKey, [...(byKey.get(c.twelvegoApiKey) ?? []), c.clientId]);
  for (const sharers of byKey.values()) {
    if (sharers.length > 1 && sharers.some((id) => targets.some((t) => t.clientId === id)))
      out(`WARN 12go key shared by: ${sharers.join(', ')} (strict ownership is forced on them)`);
  }

  for (const client of targets) {
    const bid = bookings[client.clientId];
    if (!bid) {
      out(`SKIP ${client.clientId}: no known booking id given (--bookings)`);
      continue;
    }
    const own = await getBooking(baseUrl, bid, client.twelvegoApiKey, timeoutMs);
    checks.push({
      ok: own === 200,
      line: `${client.clientId}: booking ${bid} ${own === 200 ? 'readable' : 'NOT readable'} with its own key (status ${own || 'no answer'})`,
    });
    for (const other of clients) {
      if (other.clientId === client.clientId || other.twelvegoApiKey === client.twelvegoApiKey) continue;
      const foreign = await getBooking(baseUrl, bid, other.twelvegoApiKey, timeoutMs);
      const isolated = foreign !== 0 && foreign !== 200 && foreign < 500;
      checks.push({
        ok: isolated,
        line: `${client.clientId}: booking ${bid} ${isolated ? 'not readable' : 'READABLE OR UNCHECKED'} with the key of ${other.clientId} (status ${foreign || 'no answer'})`,
      });
    }
  }

  for (const c of checks) out(`${c.ok ? 'ok  ' : 'FAIL'} ${c.line}`);
  const failed = checks.filter((c) => !c.ok).length;
  out(failed === 0 ? 'All checks passed.' : `${failed} check(s) failed.`);
  return failed === 0 ? 0 : 1;
}
