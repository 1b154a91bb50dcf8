/** Sandbox configuration from an env record (docs/upstream-12go.md#the-sandbox). */

export type LatencyProfile = 'none' | 'realistic' | 'slow';

export interface SandboxApiKey {
  key: string;
  agentId: number;
  currency: string;
  webhookUrl: string | null;
  disabled?: boolean;
}

export interface SandboxConfig {
  port: number;
  host: string;
  publicUrl: string;
  recheckBaseUrl: string;
  seed: number;
  /** Added to the cart and booking id sequences, so a restarted sandbox never hands out an id again. */
  idBase: number;
  now: string | null;
  clockFrozen: boolean;
  secret: string;
  apiKeys: SandboxApiKey[];
  webhookUrl: string | null;
  webhookTimeoutMs: number;
  webhookRetryDelaysMs: number[];
  webhookHmacSecret: string | null;
  latencyProfile: LatencyProfile;
  cartTtlS: number;
  reservationTtlS: number;
  confirmDelayMs: number;
  /** Scenario CNFSLO answer delay (spec: 35 s); configurable so tests stay fast. */
  slowConfirmMs: number;
  recheckDelayMs: number;
  recheckFreshS: number;
  salesCutoffMin: number;
  horizonDays: number;
  allowHeaderFaults: boolean;
  adminToken: string | null;
  requestLogSize: number;
  /** Nest log levels; `silent` disables logging. */
  logLevel: string;
}

export const DEFAULT_API_KEYS: SandboxApiKey[] = [
  { key: 'sandbox-key-1', agentId: 1001, currency: 'THB', webhookUrl: null },
  { key: 'sandbox-key-2', agentId: 1002, currency: 'THB', webhookUrl: null },
  { key: 'sandbox-key-usd', agentId: 1003, currency: 'USD', webhookUrl: null },
];

export class SandboxConfigError extends Error {}

type Env = Record<string, string | undefined>;

function str(env: Env, name: string): string | undefined {
  const v = env[name];
  return v === undefined || v.trim() === '' ? undefined : v.trim();
}

function int(env: Env, name: string, fallback: number, min = 0): number {
  const raw = str(env, name);
  if (raw === undefined) return fallback;
  const n = Number(raw);
  if (!Number.isInteger(n) || n < min)
    throw new SandboxConfigError(`${name} must be an integer >= ${min}, got "${raw}"`);
  return n;
}

function bool(env: Env, name: string, fallback: boolean): boolean {
  const raw = str(env, name);
  if (raw === undefined) return fallback;
  if (/^(true|1|yes)$/i.test(raw)) return true;
  if (/^(false|0|no)$/i.test(raw)) return false;
  throw new SandboxConfigError(`${name} must be true or false, got "${raw}"`);
}

function parseApiKeys(raw: string | undefined): SandboxApiKey[] {
  if (raw === undefined) return DEFAULT_API_KEYS.map((k) => ({ ...k }));
  let parsed: unknown;
  try {
    parsed = JSON.parse(raw);
  } catch {
    throw new SandboxConfigError(
      'SANDBOX_API_KEYS must be a JSON array of { key, agentId, currency, webhookUrl }',
    );
  }
  if (!Array.isArray(parsed) || parsed.length === 0)
    throw new SandboxConfigError('SANDBOX_API_KEYS must be a non-empty JSON array');
  return parsed.map((entry, i) => {
    const e = entry as Record<string, unknown>;
    if (typeof e?.key !== 'string' || e.key === '')
      throw new SandboxConfigError(`SANDBOX_API_KEYS[${i}].key must be a non-empty string`);
    const currency = typeof e.currency === 'string' ? e.currency.toUpperCase() : 'THB';
    if (currency !== 'THB' && currency !== 'USD')
      throw new SandboxConfigError(`SANDBOX_API_KEYS[${i}].currency must be THB or USD`);
    return {
      key: e.key,
      agentId: typeof e.agentId === 'number' ? e.agentId : 1001 + i,
      currency,
      webhookUrl: typeof e.webhookUrl === 'string' && e.webhookUrl !== '' ? e.webhookUrl : null,
      disabled: e.disabled === true,
    };
  });
}

const ID_BASE_EPOCH_MS = Date.UTC(2024, 0, 1);

/**
 * The id base of a start at `nowMs`: milliseconds since 2024 (real clock, not SANDBOX_NOW). Two starts
 * could only hand out the same id if the first made more reservations than milliseconds passed between them.
 */
export function defaultIdBase(nowMs: number): number {
  return Math.max(0, nowMs - ID_BASE_EPOCH_MS);
}

export function loadSandboxConfig(env: Env): SandboxConfig {
  const port = int(env, 'SANDBOX_PORT', 4010);
  const publicUrl = (str(env, 'SANDBOX_PUBLIC_URL') ?? `http://localhost:${port}`).replace(/\/+$/, '');
  const now = str(env, 'SANDBOX_NOW') ?? null;
  if (now !== null && Number.isNaN(Date.parse(now)))
    throw new SandboxConfigError(`SANDBOX_NOW must be an ISO-8601 instant, got "${now}"`);
  const latency = (str(env, 'SANDBOX_LATENCY_PROFILE') ?? 'none') as LatencyProfile;
  if (!['none', 'realistic', 'slow'].includes(latency))
    throw new SandboxConfigError('SANDBOX_LATENCY_PROFILE must be none, realistic or slow');
  const rawDelays = str(env, 'SANDBOX_WEBHOOK_RETRY_DELAYS_MS') ?? '1000,5000,15000';
  const delays = (rawDelays.toLowerCase() === 'none' ? '' : rawDelays)
    .split(',')
    .map((s) => s.trim())
    .filter((s) => s !== '')
    .map((s) => {
      const n = Number(s);
      if (!Number.isInteger(n) || n < 0)
        throw new SandboxConfigError('SANDBOX_WEBHOOK_RETRY_DELAYS_MS must be comma-separated integers');
      return n;
    });
  return {
    port,
    host: str(env, 'SANDBOX_HOST') ?? '0.0.0.0',
    publicUrl,
    recheckBaseUrl: (str(env, 'SANDBOX_RECHECK_BASE_URL') ?? publicUrl).replace(/\/+$/, ''),
    seed: int(env, 'SANDBOX_SEED', 12),
    idBase: int(env, 'SANDBOX_ID_BASE', defaultIdBase(Date.now())),
    now,
    clockFrozen: bool(env, 'SANDBOX_CLOCK_FROZEN', false),
    secret: str(env, 'SANDBOX_SECRET') ?? 'sandbox-secret',
    apiKeys: parseApiKeys(str(env, 'SANDBOX_API_KEYS')),
    webhookUrl: str(env, 'SANDBOX_WEBHOOK_URL') ?? null,
    webhookTimeoutMs: int(env, 'SANDBOX_WEBHOOK_TIMEOUT_MS', 10_000, 1),
    webhookRetryDelaysMs: delays,
    webhookHmacSecret: str(env, 'SANDBOX_WEBHOOK_HMAC_SECRET') ?? null,
    latencyProfile: latency,
    cartTtlS: int(env, 'SANDBOX_CART_TTL_S', 10_800, 1),
    reservationTtlS: int(env, 'SANDBOX_RESERVATION_TTL_S', 86_400, 1),
    confirmDelayMs: int(env, 'SANDBOX_CONFIRM_DELAY_MS', 3000),
    slowConfirmMs: int(env, 'SANDBOX_SLOW_CONFIRM_MS', 35_000),
    recheckDelayMs: int(env, 'SANDBOX_RECHECK_DELAY_MS', 2000),
    recheckFreshS: int(env, 'SANDBOX_RECHECK_FRESH_S', 900),
    salesCutoffMin: int(env, 'SANDBOX_SALES_CUTOFF_MIN', 60),
    horizonDays: int(env, 'SANDBOX_HORIZON_DAYS', 60, 1),
    allowHeaderFaults: bool(env, 'SANDBOX_ALLOW_HEADER_FAULTS', true),
    adminToken: str(env, 'SANDBOX_ADMIN_TOKEN') ?? null,
    requestLogSize: int(env, 'SANDBOX_REQUEST_LOG_SIZE', 1000),
    logLevel: str(env, 'SANDBOX_LOG_LEVEL') ?? 'warn',
  };
}

export const SANDBOX_CONFIG = Symbol('SANDBOX_CONFIG');
