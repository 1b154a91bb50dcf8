import { plainToInstance } from 'class-transformer';
import { validateSync } from 'class-validator';
import { AppConfig, splitList } from './app-config';
import { parseApiVersions } from './api-versions';
import { hasHashTag, queuePrefixFrom } from '../redis/redis-keys';
import { resolveRedisTopology } from '../redis/redis-topology';
import { parseTwelveGoTimeouts } from '@app/twelvego-client/twelvego-client.options';
import { parseCidrList } from './cidr-list';
import { parseDurationList } from './duration-list';

/** Values used outside production when the secret is not configured (never in production). */
export const LOCAL_ONLY_DEFAULTS = {
  TWELVEGO_WEBHOOK_PATH_SECRETS: 'local-only-path-secret-0123456789abcdef',
  BOOKING_TOKEN_HMAC_KEY: 'local-only-booking-token-key-0123456789abcdef',
} as const;

export class ConfigValidationError extends Error {
  constructor(readonly problems: string[]) {
    super(`Invalid configuration:\n${problems.map((p) => `  - ${p}`).join('\n')}`);
    this.name = 'ConfigValidationError';
  }
}

function isHttpUrl(value: string): boolean {
  try {
    const u = new URL(value);
    return u.protocol === 'http:' || u.protocol === 'https:';
  } catch {
    return false;
  }
}

function isPlainHttpBase(value: string): boolean {
  return isHttpUrl(value) && !new URL(value).search && !new URL(value).hash;
}

function isRedisUrl(value: string): boolean {
  try {
    return ['redis:', 'rediss:'].includes(new URL(value).protocol);
  } catch {
    return false;
  }
}

/** Exactly one topology per connection set (REDIS_URL counts only when set explicitly: it has a default). */
function checkRedisTopologies(config: AppConfig, env: Record<string, string | undefined>): void {
  const fallback = { kind: 'standalone', url: config.REDIS_URL } as const;
  resolveRedisTopology(
    {
      url: env.REDIS_URL,
      sentinels: config.REDIS_SENTINELS,
      sentinelName: config.REDIS_SENTINEL_NAME,
      clusterNodes: config.REDIS_CLUSTER_NODES,
    },
    'REDIS_',
    fallback,
  );
  resolveRedisTopology(
    {
      url: config.REDIS_QUEUE_URL,
      sentinels: config.REDIS_QUEUE_SENTINELS,
      sentinelName: config.REDIS_QUEUE_SENTINEL_NAME,
      clusterNodes: config.REDIS_QUEUE_CLUSTER_NODES,
    },
    'REDIS_QUEUE_',
    fallback,
  );
}

function crossChecks(config: AppConfig, env: Record<string, string | undefined>): string[] {
  const problems: string[] = [];
  const attempt = (fn: () => void) => {
    try {
      fn();
    } catch (e) {
      problems.push((e as Error).message);
    }
  };
  if (!isHttpUrl(config.TWELVEGO_BASE_URL)) problems.push('TWELVEGO_BASE_URL must be an http(s) URL');
  if (config.CATALOG_URL && !isHttpUrl(config.CATALOG_URL) && !config.CATALOG_URL.startsWith('file:'))
    problems.push('CATALOG_URL must be an http(s) or file: URL');
  if (config.STATIC_LINK_BASE_URL?.trim() && !isPlainHttpBase(config.STATIC_LINK_BASE_URL.trim()))
    problems.push('STATIC_LINK_BASE_URL must be an http(s) URL without query or fragment');
  if (!isRedisUrl(config.REDIS_URL)) problems.push('REDIS_URL must be a redis:// or rediss:// URL');
  if (config.REDIS_QUEUE_URL && !isRedisUrl(config.REDIS_QUEUE_URL))
    problems.push('REDIS_QUEUE_URL must be a redis:// or rediss:// URL');
  if (config.LEGACY_BASE_URL && !isHttpUrl(config.LEGACY_BASE_URL))
    problems.push('LEGACY_BASE_URL must be an http(s) URL');
  if (config.RECORD_REQUESTS_SAMPLE > 0 && !config.RECORD_REQUESTS_PATH)
    problems.push('RECORD_REQUESTS_PATH is required when RECORD_REQUESTS_SAMPLE is above 0');
  attempt(() => checkRedisTopologies(config, env));
  const clusterQueues = Boolean(env.REDIS_QUEUE_CLUSTER_NODES?.trim() || env.REDIS_CLUSTER_NODES?.trim());
  if (clusterQueues && env.QUEUE_PREFIX?.trim() && !hasHashTag(env.QUEUE_PREFIX))
    problems.push(
      "QUEUE_PREFIX must hold one {hash tag} on a Redis Cluster (e.g. {tcb-q}): a queue's keys share one slot",
    );
  if (!config.TWELVEGO_HEALTH_PATH.startsWith('/')) problems.push('TWELVEGO_HEALTH_PATH must start with /');
  if (config.RATE_LIMIT_DEFAULT_BURST < config.RATE_LIMIT_DEFAULT_RPS)
    problems.push('RATE_LIMIT_DEFAULT_BURST must be at least RATE_LIMIT_DEFAULT_RPS');
  attempt(() => parseApiVersions(config.API_VERSIONS));
  attempt(() => parseTwelveGoTimeouts(config.TWELVEGO_TIMEOUTS));
  for (const name of ['WEBHOOK_RETRY_SCHEDULE', 'NOTIFY_INBOUND_RETRY_SCHEDULE'] as const)
    attempt(() => {
      try {
        parseDurationList(config[name]);
      } catch (e) {
        throw new Error(`${name}: ${(e as Error).message}`);
      }
    });
  attempt(() => parseCidrList(config.TWELVEGO_WEBHOOK_ALLOWED_CIDRS));
  const pathSecrets = splitList(config.TWELVEGO_WEBHOOK_PATH_SECRETS);
  if (pathSecrets.length > 2 || pathSecrets.some((s) => s.length < 32 || !/^[A-Za-z0-9_-]+$/.test(s)))
    problems.push('TWELVEGO_WEBHOOK_PATH_SECRETS must hold 1–2 URL-safe values of at least 32 characters');
  const adminTokens = splitList(config.ADMIN_TOKENS);
  if (adminTokens.length > 2 || adminTokens.some((t) => t.length < 32))
    problems.push('ADMIN_TOKENS must hold at most 2 tokens of at least 32 characters');
  if (config.isProduction) {
    if (!env.TWELVEGO_BASE_URL?.trim()) problems.push('TWELVEGO_BASE_URL is required in production');
    if (pathSecrets.length === 0) problems.push('TWELVEGO_WEBHOOK_PATH_SECRETS is required in production');
    if (!config.BOOKING_TOKEN_HMAC_KEY) problems.push('BOOKING_TOKEN_HMAC_KEY is required in production');
    // Signed static-data links must not take their origin from anything but configuration.
    if (!config.STATIC_LINK_BASE_URL?.trim()) problems.push('STATIC_LINK_BASE_URL is required in production');
    if (config.CONFIG_ALLOW_INLINE_SECRETS)
      problems.push('CONFIG_ALLOW_INLINE_SECRETS=true is refused when NODE_ENV=production');
    if (!config.WEBHOOK_REQUIRE_HTTPS)
      problems.push('WEBHOOK_REQUIRE_HTTPS cannot be false when NODE_ENV=production');
  }
  if (splitList(config.BOOKING_TOKEN_HMAC_KEY).some((k) => k.length < 32))
    problems.push('BOOKING_TOKEN_HMAC_KEY values must be at least 32 characters');
  return problems;
}

/**
 * Validates the environment into an AppConfig (fail fast at boot, with every problem listed and no
 * secret value echoed). Blank values count as unset.
 */
export function loadAppConfig(env: Record<string, string | undefined>): AppConfig {
  const present: Record<string, string> = {};
  for (const [k, v] of Object.entries(env)) if (v !== undefined && v.trim() !== '') present[k] = v;
  const config = plainToInstance(AppConfig, present, {
    excludeExtraneousValues: true,
    exposeDefaultValues: true,
  });
  const problems = validateSync(config, { forbidUnknownValues: false }).flatMap((e) =>
    Object.values(e.constraints ?? {}),
  );
  if (problems.length === 0) problems.push(...crossChecks(config, env));
  if (problems.length > 0) throw new ConfigValidationError(problems);
  if (!config.isProduction) {
    if (!config.TWELVEGO_WEBHOOK_PATH_SECRETS)
      config.TWELVEGO_WEBHOOK_PATH_SECRETS = LOCAL_ONLY_DEFAULTS.TWELVEGO_WEBHOOK_PATH_SECRETS;
    if (!config.BOOKING_TOKEN_HMAC_KEY)
      config.BOOKING_TOKEN_HMAC_KEY = LOCAL_ONLY_DEFAULTS.BOOKING_TOKEN_HMAC_KEY;
  }
  config.QUEUE_PREFIX = queuePrefixFrom(present);
  config.rawEnv = Object.freeze({ ...env });
  return config;
}
