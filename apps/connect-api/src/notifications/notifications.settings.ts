import type { AppConfig } from '../platform/config/app-config';
import { parseCidrList, type Cidr } from '../platform/config/cidr-list';
import { parseDurationList } from '../platform/config/duration-list';
import { loadAppConfig } from '../platform/config/load-app-config';

/**
 * Notification settings (docs/contract/webhooks.md, README.md#environment-variables), taken from the boot config,
 * which validates every variable (a bad value stops the boot with the one-list error).
 * Names beyond README.md#environment-variables (marked "extra") exist so tests can shorten timings; their defaults are the spec's.
 */
export interface NotificationsSettings {
  pathSecrets: string[];
  allowedCidrs: Cidr[];
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

/** The settings of a loaded (validated) config; the local-only path secret default is already applied there. */
export function notificationsSettingsFrom(config: AppConfig): NotificationsSettings {
  return {
    pathSecrets: config.webhookPathSecrets,
    allowedCidrs: parseCidrList(config.TWELVEGO_WEBHOOK_ALLOWED_CIDRS),
    deliveryScheduleMs: parseDurationList(config.WEBHOOK_RETRY_SCHEDULE),
    inboundScheduleMs: parseDurationList(config.NOTIFY_INBOUND_RETRY_SCHEDULE),
    deliveryConcurrency: config.WEBHOOK_DELIVERY_CONCURRENCY,
    inboundConcurrency: config.NOTIFY_INBOUND_CONCURRENCY,
    deliveryTimeoutMs: config.WEBHOOK_DELIVERY_TIMEOUT_MS,
    connectTimeoutMs: config.WEBHOOK_CONNECT_TIMEOUT_MS,
    dedupTtlS: config.NOTIFY_DEDUP_TTL_S,
    dlqRetentionDays: config.WEBHOOK_DLQ_RETENTION_DAYS,
    ownerProbe: config.NOTIFY_OWNER_PROBE,
    ownerProbeConcurrency: config.NOTIFY_OWNER_PROBE_CONCURRENCY,
    requireHttps: config.WEBHOOK_REQUIRE_HTTPS,
    allowPrivateTargets: config.WEBHOOK_ALLOW_PRIVATE_TARGETS,
    workersEnabled: config.NOTIFICATIONS_WORKERS_ENABLED && config.ROLE !== 'api',
    lockDurationMs: config.NOTIFY_QUEUE_LOCK_MS,
    stalledIntervalMs: config.NOTIFY_QUEUE_STALLED_INTERVAL_MS,
    queuePrefix: config.QUEUE_PREFIX,
    inboundRatePerSec: config.NOTIFY_INBOUND_RATE_PER_S,
    enqueueTimeoutMs: config.NOTIFY_ENQUEUE_TIMEOUT_MS,
    production: config.isProduction,
  };
}

/** The settings an environment gives (for tools and tests); throws the boot config's one-list error. */
export function parseNotificationsSettings(env: Env): NotificationsSettings {
  return notificationsSettingsFrom(loadAppConfig(env));
}
