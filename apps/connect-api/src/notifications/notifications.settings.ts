import * as ipaddr from 'ipaddr.js';
import { parseDurationList } from './delivery/retry-schedule';

/**
 * Notification settings (docs/contract/webhooks.md, README.md#environment-variables), read from the environment and validated at startup.
 * Names beyond README.md#environment-variables (marked "extra") exist so tests can shorten timings; their defaults are the spec's.
 */
export interface NotificationsSettings {
  pathSecrets: string[];
  allowedCidrs: [ipaddr.IPv4 | ipaddr.IPv6, number][];
  deliveryScheduleMs: number[];
  inboundScheduleMs: number[];
  deliveryConcurrency: number;
  inboundConcurrency: number;
  deliveryTimeoutMs: number;
  connectTimeoutMs: number;
  dedupTtlS: number;
  dlqRetentionDays: number;
  ownerProbe: boolean;
  ownerProbeConcurrency: number;
  requireHttps: boolean;
  allowPrivateTargets: boolean;
  workersEnabled: boolean;
  lockDurationMs: number;
  stalledIntervalMs: number;
  queuePrefix: string;
  inboundRatePerSec: number;
  /** Time allowed for storing an inbound job before answering 503. */
  enqueueTimeoutMs: number;
  production: boolean;
}

type Env = Record<string, string | undefined>;

function list(value: string | undefined): string[] {
  return (value ?? '')
    .split(',')
    .map((v) => v.trim())
    .filter((v) => v.length > 0);
}

function bool(env: Env, name: string, dflt: boolean, errors: string[]): boolean {
  const v = env[name]?.trim().toLowerCase();
  if (v === undefined || v === '') return dflt;
  if (['true', '1', 'yes'].includes(v)) return true;
  if (['false', '0', 'no'].includes(v)) return false;
  errors.push(`${name} must be true or false`);
  return dflt;
}

function int(env: Env, name: string, dflt: number, min: number, errors: string[]): number {
  const v = env[name]?.trim();
  if (v === undefined || v === '') return dflt;
  if (!/^\d+$/.test(v) || Number(v) < min) {
    errors.push(`${name} must be an integer ≥ ${min}`);
    return dflt;
  }
  return Number(v);
}

function schedule(env: Env, name: string, dflt: string, errors: string[]): number[] {
  try {
    return parseDurationList(env[name]?.trim() || dflt);
  } catch (e) {
    errors.push(`${name}: ${(e as Error).message}`);
    return parseDurationList(dflt);
  }
}

/** QUEUE_PREFIX, else `{<REDIS_KEY_PREFIX without trailing colon>-q}` — `tcb:` gives the spec's `{tcb-q}`. */
export function queuePrefixFrom(env: Env): string {
  const explicit = env.QUEUE_PREFIX?.trim();
  if (explicit) return explicit;
  const base = (env.REDIS_KEY_PREFIX ?? 'tcb:').replace(/:+$/, '') || 'tcb';
  return `{${base}-q}`;
}

export function parseNotificationsSettings(env: Env): NotificationsSettings {
  const errors: string[] = [];
  const production = env.NODE_ENV === 'production';
  const pathSecrets = list(env.TWELVEGO_WEBHOOK_PATH_SECRETS);
  if (pathSecrets.length > 2) errors.push('TWELVEGO_WEBHOOK_PATH_SECRETS accepts at most 2 values');
  if (pathSecrets.some((s) => s.length < 32 || !/^[A-Za-z0-9._~-]+$/.test(s))) {
    errors.push('TWELVEGO_WEBHOOK_PATH_SECRETS values must be ≥ 32 URL-safe characters');
  }
  const allowedCidrs: [ipaddr.IPv4 | ipaddr.IPv6, number][] = [];
  for (const c of list(env.TWELVEGO_WEBHOOK_ALLOWED_CIDRS)) {
    try {
      allowedCidrs.push(
        c.includes('/')
          ? ipaddr.parseCIDR(c)
          : [ipaddr.parse(c), ipaddr.parse(c).kind() === 'ipv4' ? 32 : 128],
      );
    } catch {
      errors.push(`TWELVEGO_WEBHOOK_ALLOWED_CIDRS: invalid CIDR "${c}"`);
    }
  }
  const requireHttps = bool(env, 'WEBHOOK_REQUIRE_HTTPS', true, errors);
  if (production && !requireHttps) errors.push('WEBHOOK_REQUIRE_HTTPS cannot be false in production');
  const role = (env.ROLE ?? 'all').trim() || 'all';
  const settings: NotificationsSettings = {
    pathSecrets,
    allowedCidrs,
    deliveryScheduleMs: schedule(env, 'WEBHOOK_RETRY_SCHEDULE', '30s,1m,5m,15m,30m,1h,2h,4h,8h,8h', errors),
    inboundScheduleMs: schedule(env, 'NOTIFY_INBOUND_RETRY_SCHEDULE', '10s,30s,1m,5m,15m,30m,1h', errors),
    deliveryConcurrency: int(env, 'WEBHOOK_DELIVERY_CONCURRENCY', 16, 1, errors),
    inboundConcurrency: int(env, 'NOTIFY_INBOUND_CONCURRENCY', 4, 1, errors),
    deliveryTimeoutMs: int(env, 'WEBHOOK_DELIVERY_TIMEOUT_MS', 10_000, 1, errors),
    connectTimeoutMs: int(env, 'WEBHOOK_CONNECT_TIMEOUT_MS', 5_000, 1, errors),
    dedupTtlS: int(env, 'NOTIFY_DEDUP_TTL_S', 604_800, 1, errors),
    dlqRetentionDays: int(env, 'WEBHOOK_DLQ_RETENTION_DAYS', 30, 1, errors),
    ownerProbe: bool(env, 'NOTIFY_OWNER_PROBE', true, errors),
    ownerProbeConcurrency: int(env, 'NOTIFY_OWNER_PROBE_CONCURRENCY', 5, 1, errors),
    requireHttps,
    allowPrivateTargets: bool(env, 'WEBHOOK_ALLOW_PRIVATE_TARGETS', false, errors),
    workersEnabled: bool(env, 'NOTIFICATIONS_WORKERS_ENABLED', true, errors) && role !== 'api',
    lockDurationMs: int(env, 'NOTIFY_QUEUE_LOCK_MS', 30_000, 500, errors),
    stalledIntervalMs: int(env, 'NOTIFY_QUEUE_STALLED_INTERVAL_MS', 30_000, 500, errors),
    queuePrefix: queuePrefixFrom(env),
    inboundRatePerSec: int(env, 'NOTIFY_INBOUND_RATE_PER_S', 100, 1, errors),
    enqueueTimeoutMs: int(env, 'NOTIFY_ENQUEUE_TIMEOUT_MS', 2_000, 50, errors),
    production,
  };
  if (!['all', 'api', 'worker'].includes(role)) errors.push('ROLE must be all, api or worker');
  if (errors.length > 0) throw new Error(`Invalid notifications configuration:\n - ${errors.join('\n - ')}`);
  return settings;
}
