import { Logger } from '@nestjs/common';
import { parseTwelveGoTimeouts, type TwelveGoClientOptions } from '@app/twelvego-client';
import type { AppConfig } from '../config/app-config';
import { getRequestContext } from '../context/request-context';

/** TwelveGoClientModule options from the environment (operations.md §6.1–6.3, §7.4). */
export function twelveGoClientOptions(config: AppConfig): TwelveGoClientOptions {
  return {
    baseUrl: config.TWELVEGO_BASE_URL,
    timeoutsMs: parseTwelveGoTimeouts(config.TWELVEGO_TIMEOUTS),
    retry: { maxRetries: config.TWELVEGO_RETRY_MAX },
    breaker: {
      errorThresholdPercentage: config.BREAKER_ERROR_PCT,
      volumeThreshold: config.BREAKER_MIN_REQUESTS,
      rollingCountTimeoutMs: config.BREAKER_WINDOW_MS,
      resetTimeoutMs: config.BREAKER_RESET_MS,
    },
    health: { path: config.TWELVEGO_HEALTH_PATH, apiKey: config.TWELVEGO_HEALTH_API_KEY || undefined },
    maxConnections: config.TWELVEGO_MAX_CONNECTIONS,
    logger: new Logger('TwelveGoClient'),
    onCall: (record) => {
      const ctx = getRequestContext();
      if (!ctx) return;
      (ctx.upstreamCalls ??= []).push({
        op: record.op,
        status: record.status,
        duration_ms: record.duration_ms,
        attempt: record.attempt,
        breaker: record.breaker,
      });
    },
  };
}
