/** Redis could not serve a request-path command (docs/operations.md#when-redis-is-down) → 503 `upstream_unavailable`. */
export class RedisUnavailableError extends Error {
  constructor(
    readonly operation: string,
    cause?: unknown,
  ) {
    super(`Redis unavailable during ${operation}`, cause !== undefined ? { cause } : undefined);
    this.name = 'RedisUnavailableError';
  }
}

const CONNECTION_MESSAGES = [
  'Connection is closed',
  "Stream isn't writeable",
  'Command timed out',
  'Reached the max retries per request limit',
  'connect ECONNREFUSED',
  'read ECONNRESET',
  'getaddrinfo',
];

/** ioredis connection-level failures (not command errors such as WRONGTYPE). */
export function isRedisConnectionError(error: unknown): boolean {
  if (error instanceof RedisUnavailableError) return true;
  if (!(error instanceof Error)) return false;
  if (error.name === 'MaxRetriesPerRequestError') return true;
  return CONNECTION_MESSAGES.some((m) => error.message.includes(m));
}
