import { EnvBool, EnvEnum, EnvInt, EnvNumber, EnvString } from './env-decorators';
import { ApiVersionTable, parseApiVersions } from './api-versions';
import { resolveRedisTopology, type RedisTopology } from '../redis/redis-topology';

const LOG_LEVELS = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'] as const;

/**
 * The service's environment, validated at boot (load-app-config.ts). Property names are the env var names
 * (README.md#environment-variables and the feature sections), so README, errors and code use one vocabulary.
 * Features inject `AppConfig` and read the field they need; ask the platform owner to add new ones.
 */
export class AppConfig {
  // --- process and HTTP server -------------------------------------------------------------------
  @EnvString() NODE_ENV = 'development';
  @EnvInt(0, 65535) PORT = 3000;
  @EnvString() HOST = '0.0.0.0';
  @EnvEnum(['all', 'api', 'worker']) ROLE: 'all' | 'api' | 'worker' = 'all';
  /** Proxy IPs/CIDRs whose X-Forwarded-For is trusted; empty = none. */
  @EnvString() TRUST_PROXY = '';
  @EnvInt(1024) BODY_LIMIT_BYTES = 1_048_576;
  /** Reconciliation 3: passport scans travel base64 in POST /v1/{client_id}/bookings. */
  @EnvInt(1024) BOOKING_BODY_LIMIT_BYTES = 10 * 1_048_576;
  /** Reconciliation 3: 12go webhook and admin routes. */
  @EnvInt(1024) SMALL_BODY_LIMIT_BYTES = 65_536;
  @EnvInt(1000) SERVER_REQUEST_TIMEOUT_MS = 90_000;
  @EnvInt(1000) SERVER_KEEPALIVE_TIMEOUT_MS = 65_000;
  @EnvInt(1) SERVER_MAX_INFLIGHT = 1000;
  @EnvInt(0) SHUTDOWN_DRAIN_DELAY_MS = 5000;
  @EnvInt(1000) SHUTDOWN_TIMEOUT_MS = 70_000;
  @EnvBool() READY_STRICT = false;
  /** How long readiness check results are reused (docs/operations.md#health-endpoints: 5 s). */
  @EnvInt(0) READY_CACHE_MS = 5000;
  /** `version=current|deprecated@YYYY-MM-DD|removed`, comma-separated (docs/contract/headers.md#versioning). */
  @EnvString() API_VERSIONS = '2023-07-01=current';

  // --- logs and build info ------------------------------------------------------------------------
  @EnvEnum(LOG_LEVELS) LOG_LEVEL: (typeof LOG_LEVELS)[number] = 'info';
  @EnvBool() LOG_PRETTY = false;
  @EnvBool() LOG_UPSTREAM_BODIES = false;
  @EnvString() BUILD_SHA = 'unknown';
  @EnvString() BUILD_TIME = 'unknown';
  @EnvString() DD_SERVICE = 'travelier-connect-bff';
  @EnvString() DD_ENV = '';
  @EnvString() DD_VERSION = '0.1.0';
  /** Read by tracer.ts before the config loads (same parser, env-parsers.ts); declared here so a bad value stops the boot. */
  @EnvBool() DD_TRACE_ENABLED = true;
  @EnvBool() DD_LOGS_INJECTION = true;
  /** DogStatsD target when the tracer is off (metrics.service.ts); the tracer reads the same variables. */
  @EnvString() DD_AGENT_HOST = '';
  /** Empty with the tracer off = no metrics are sent. */
  @EnvString() DD_DOGSTATSD_PORT = '';

  // --- client registry (docs/platform.md#client-registry) ---------------------------------------------------------
  @EnvString() CLIENTS_CONFIG_PATH = '/etc/tc-bff/clients.json';
  @EnvInt(0) CLIENTS_CONFIG_POLL_MS = 5000;
  @EnvBool() CONFIG_ALLOW_INLINE_SECRETS = false;

  // --- 12go ---------------------------------------------------------------------------------------
  /** Required in production; defaults to the local sandbox elsewhere. */
  @EnvString() TWELVEGO_BASE_URL = 'http://127.0.0.1:4010';
  @EnvString() TWELVEGO_TIMEOUTS = '';
  @EnvInt(1) TWELVEGO_MAX_CONNECTIONS = 128;
  @EnvInt(0, 10) TWELVEGO_RETRY_MAX = 2;
  @EnvString() TWELVEGO_HEALTH_PATH = '/booking/0';
  @EnvString() TWELVEGO_HEALTH_API_KEY = '';
  /** 1–2 comma-separated path secrets (≥32 chars); required in production, a local value elsewhere. */
  @EnvString() TWELVEGO_WEBHOOK_PATH_SECRETS = '';
  @EnvString() TWELVEGO_WEBHOOK_ALLOWED_CIDRS = '';
  @EnvInt(1, 100) BREAKER_ERROR_PCT = 50;
  @EnvInt(1) BREAKER_MIN_REQUESTS = 20;
  @EnvInt(100) BREAKER_WINDOW_MS = 30_000;
  @EnvInt(100) BREAKER_RESET_MS = 15_000;

  // --- Redis --------------------------------------------------------------------------------------
  @EnvString() REDIS_URL = 'redis://localhost:6379';
  /** Topology: exactly one of REDIS_URL, REDIS_SENTINELS (+ REDIS_SENTINEL_NAME), REDIS_CLUSTER_NODES. */
  @EnvString() REDIS_CLUSTER_NODES = '';
  @EnvString() REDIS_SENTINELS = '';
  @EnvString() REDIS_SENTINEL_NAME = '';
  /** Optional separate queue Redis, same choice of topology; none set = the main one. */
  @EnvString() REDIS_QUEUE_URL = '';
  @EnvString() REDIS_QUEUE_SENTINELS = '';
  @EnvString() REDIS_QUEUE_SENTINEL_NAME = '';
  @EnvString() REDIS_QUEUE_CLUSTER_NODES = '';
  @EnvString() REDIS_KEY_PREFIX = 'tcb:';
  /** Blank = derived from REDIS_KEY_PREFIX at load (`{tcb-q}` for `tcb:`), see queuePrefixFrom. */
  @EnvString() QUEUE_PREFIX = '';
  @EnvInt(10) REDIS_COMMAND_TIMEOUT_MS = 500;

  // --- notifications (docs/contract/webhooks.md) -----------------------------------------------------------
  @EnvBool() NOTIFY_OWNER_PROBE = true;
  @EnvInt(1) NOTIFY_OWNER_PROBE_CONCURRENCY = 5;
  @EnvInt(1) NOTIFY_DEDUP_TTL_S = 604_800;
  @EnvInt(1) NOTIFY_INBOUND_CONCURRENCY = 4;
  @EnvInt(1) WEBHOOK_DELIVERY_CONCURRENCY = 16;
  @EnvInt(100) WEBHOOK_DELIVERY_TIMEOUT_MS = 10_000;
  @EnvString() WEBHOOK_RETRY_SCHEDULE = '30s,1m,5m,15m,30m,1h,2h,4h,8h,8h';
  @EnvInt(1) WEBHOOK_DLQ_RETENTION_DAYS = 30;
  /** Defaults to `true`; cannot be `false` in production. */
  @EnvBool() WEBHOOK_REQUIRE_HTTPS = true;
  @EnvBool() WEBHOOK_ALLOW_PRIVATE_TARGETS = false;
  @EnvInt(1) WEBHOOK_CONNECT_TIMEOUT_MS = 5_000;
  @EnvString() NOTIFY_INBOUND_RETRY_SCHEDULE = '10s,30s,1m,5m,15m,30m,1h';
  @EnvInt(1) NOTIFY_INBOUND_RATE_PER_S = 100;
  @EnvInt(50) NOTIFY_ENQUEUE_TIMEOUT_MS = 2_000;
  @EnvInt(500) NOTIFY_QUEUE_LOCK_MS = 30_000;
  @EnvInt(500) NOTIFY_QUEUE_STALLED_INTERVAL_MS = 30_000;
  /** `ROLE=api` turns the workers off too. */
  @EnvBool() NOTIFICATIONS_WORKERS_ENABLED = true;
  /** Reconciler of missed 12go webhooks (docs/operations.md "Reconciliation of missed 12go webhooks"). */
  @EnvBool() RECONCILE_ENABLED = true;
  /** Poll period of a booking in its first hour after a change, and the reconciler's tick. */
  @EnvInt(100, 3_600_000) RECONCILE_INTERVAL_MS = 60_000;
  @EnvInt(1, 400) RECONCILE_MAX_AGE_DAYS = 7;
  /** 12go booking reads per second the reconciler may spend. */
  @EnvInt(1, 1000) RECONCILE_RATE_PER_S = 5;

  // --- funnel state -------------------------------------------------------------------------------
  @EnvInt(30, 400) BOOKING_OWNER_GRACE_DAYS = 30;
  @EnvInt(1) SCHEMA_CACHE_TTL_S = 10_800;
  @EnvEnum(['local', 'native']) SEAT_LOCK_MODE: 'local' | 'native' = 'local';
  @EnvInt(1) SEATLOCK_TTL_S = 10_800;
  @EnvInt(0) ASYNC_FLOW_THRESHOLD_MS = 15_000;
  @EnvInt(1) INCOMPLETE_RESULTS_EXPIRY_MIN = 15;
  @EnvInt(1) INCOMPLETE_RESULTS_TTL_H = 15;
  /** Comma-separated HMAC keys: the first signs, all verify. Required in production. */
  @EnvString() BOOKING_TOKEN_HMAC_KEY = '';
  @EnvInt(60) BOOKING_TOKEN_MAX_AGE_S = 86_400;
  /** Master switch for unbound legacy booking tokens; a client also needs `accept_legacy_tokens`. */
  @EnvBool() ACCEPT_LEGACY_BOOKING_TOKENS = false;
  @EnvString({ optional: true }) LEGACY_BOOKING_MAP_PATH?: string;
  @EnvString({ optional: true }) ID_MAP_DIR?: string;
  /** Configured set of ISO 4217 currencies accepted in `currency` (docs/contract/headers.md#locale-and-currency). */
  @EnvString() SUPPORTED_CURRENCIES =
    'THB,USD,EUR,GBP,AUD,CAD,CHF,CNY,HKD,IDR,INR,JPY,KRW,MYR,NZD,PHP,SGD,VND,ILS,SEK,NOK,DKK,PLN,CZK,HUF,TRY,AED,BRL,MXN,ZAR,LAK,KHR,MMK,TWD';

  // --- search ------------------------------------------------------------------------------------
  /** Place pairs (one 12go search each) one search request may ask for; beyond → 400 validation_error. */
  @EnvInt(1, 1000) SEARCH_MAX_PAIRS = 25;
  /** 12go searches in flight per partner request. */
  @EnvInt(1, 64) SEARCH_PAIR_CONCURRENCY = 8;
  /** Pause between re-queries while waiting for rechecks. */
  @EnvInt(50, 10_000) SEARCH_RECHECK_POLL_MS = 500;
  /** Cap on the partner's `timeout` (the contract clamps it to 30 too). */
  @EnvInt(0, 30) SEARCH_RECHECK_MAX_WAIT_S = 30;

  // --- static data (docs/contract/endpoints.md#master-data) -------------------------------------
  /** Catalogue source; defaults to the sandbox's `{TWELVEGO_BASE_URL}/__sandbox/catalog`. */
  @EnvString({ optional: true }) CATALOG_URL?: string;
  @EnvInt(1) CATALOG_REFRESH_MIN = 360;
  /** HMAC key of the signed static-data links; defaults to the first booking-token key. */
  @EnvString({ optional: true }) STATIC_LINK_HMAC_KEY?: string;
  @EnvInt(1) STATIC_LINK_TTL_MIN = 60;
  /** Public origin of the signed links; required in production, elsewhere default the listen address. */
  @EnvString({ optional: true }) STATIC_LINK_BASE_URL?: string;

  // --- rate limits, admin -------------------------------------------------------------------------
  @EnvInt(1) RATE_LIMIT_DEFAULT_RPS = 10;
  @EnvInt(1) RATE_LIMIT_DEFAULT_BURST = 20;
  @EnvInt(1) AUTH_FAILURES_PER_IP_PER_MIN = 30;
  /** 1–2 comma-separated bearer tokens (≥32 chars); empty = admin routes answer 404. */
  @EnvString() ADMIN_TOKENS = '';
  /** `/admin/queues` (the queue board) may retry, clean, pause … jobs; read-only otherwise. */
  @EnvBool() ADMIN_QUEUES_WRITE = false;

  // --- migration from the legacy system (docs/migration.md) ---------------------------------------
  /** The legacy Travelier Connect base URL; required when any client's `route` is `legacy` or `shadow`. */
  @EnvString({ optional: true }) LEGACY_BASE_URL?: string;
  /** Whole-answer timeout of a proxied request (→ 504 `upstream_timeout`). */
  @EnvInt(100) LEGACY_TIMEOUT_MS = 60_000;
  /** Shadow comparisons waiting at most; more are dropped (counted). */
  @EnvInt(1) SHADOW_QUEUE_SIZE = 100;
  /** Bytes of legacy answers held for shadow comparisons at most; an answer that does not fit is dropped. */
  @EnvInt(1024) SHADOW_QUEUE_BYTES = 32 * 1024 * 1024;
  @EnvInt(1, 64) SHADOW_CONCURRENCY = 2;
  /** Time one shadow run (BFF answer + comparison) may take before it is abandoned. */
  @EnvInt(100) SHADOW_TIMEOUT_MS = 15_000;
  /** Lifetime of the shadow report aggregates in Redis. */
  @EnvInt(60) SHADOW_REPORT_TTL_S = 604_800;
  /** Share of partner requests written to RECORD_REQUESTS_PATH, 0..1. */
  @EnvNumber(0, 1) RECORD_REQUESTS_SAMPLE = 0;
  @EnvString({ optional: true }) RECORD_REQUESTS_PATH?: string;

  /** The raw environment, for per-client secrets (`CLIENT_<ID>_…`, docs/platform.md#client-registry). */
  rawEnv: Readonly<Record<string, string | undefined>> = {};

  get isProduction(): boolean {
    return this.NODE_ENV === 'production';
  }

  get apiVersions(): ApiVersionTable {
    return parseApiVersions(this.API_VERSIONS);
  }

  get catalogUrl(): string {
    return this.CATALOG_URL ?? `${this.TWELVEGO_BASE_URL.replace(/\/+$/, '')}/__sandbox/catalog`;
  }

  get supportedCurrencies(): string[] {
    return splitList(this.SUPPORTED_CURRENCIES).map((c) => c.toUpperCase());
  }

  get bookingTokenHmacKeys(): string[] {
    return splitList(this.BOOKING_TOKEN_HMAC_KEY);
  }

  get staticLinkHmacKey(): string {
    return this.STATIC_LINK_HMAC_KEY ?? this.bookingTokenHmacKeys[0];
  }

  get webhookPathSecrets(): string[] {
    return splitList(this.TWELVEGO_WEBHOOK_PATH_SECRETS);
  }

  get adminTokens(): string[] {
    return splitList(this.ADMIN_TOKENS);
  }

  get redisQueueUrl(): string {
    return this.REDIS_QUEUE_URL || this.REDIS_URL;
  }

  /** REDIS_URL has a default, so it is the fallback when neither Sentinel nor Cluster is set. */
  get redisTopology(): RedisTopology {
    return resolveRedisTopology(
      {
        sentinels: this.REDIS_SENTINELS,
        sentinelName: this.REDIS_SENTINEL_NAME,
        clusterNodes: this.REDIS_CLUSTER_NODES,
      },
      'REDIS_',
      { kind: 'standalone', url: this.REDIS_URL },
    );
  }

  get redisQueueTopology(): RedisTopology {
    return resolveRedisTopology(
      {
        url: this.REDIS_QUEUE_URL,
        sentinels: this.REDIS_QUEUE_SENTINELS,
        sentinelName: this.REDIS_QUEUE_SENTINEL_NAME,
        clusterNodes: this.REDIS_QUEUE_CLUSTER_NODES,
      },
      'REDIS_QUEUE_',
      this.redisTopology,
    );
  }
}

export function splitList(value: string | undefined): string[] {
  return (value ?? '')
    .split(',')
    .map((s) => s.trim())
    .filter((s) => s.length > 0);
}
