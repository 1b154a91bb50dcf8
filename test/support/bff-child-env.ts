import { readLocalEnv } from './local-env';
import { LOCAL_CLIENTS_FILE } from './stack';

export interface BffChildEnvOptions {
  sandboxUrl: string;
  redisUrl: string;
  keyPrefix: string;
  queuePrefix?: string;
  /** Default config/clients.local.json. */
  clientsFile?: string;
  logLevel?: string;
}

/**
 * The environment of a BFF run as its own OS process against a test sandbox and Redis: config/local.env,
 * test mode, no tracing, the sandbox as 12go and catalog, the test's key prefixes, the clients file read
 * once. Spread it and add or override what the test is about.
 */
export function bffChildEnv(opts: BffChildEnvOptions): Record<string, string> {
  return {
    ...readLocalEnv(),
    NODE_ENV: 'test',
    LOG_LEVEL: opts.logLevel ?? 'info',
    DD_TRACE_ENABLED: 'false',
    TWELVEGO_BASE_URL: opts.sandboxUrl,
    CATALOG_URL: `${opts.sandboxUrl}/__sandbox/catalog`,
    REDIS_URL: opts.redisUrl,
    REDIS_KEY_PREFIX: opts.keyPrefix,
    ...(opts.queuePrefix ? { QUEUE_PREFIX: opts.queuePrefix } : {}),
    CLIENTS_CONFIG_PATH: opts.clientsFile ?? LOCAL_CLIENTS_FILE,
    CLIENTS_CONFIG_POLL_MS: '0',
  };
}
