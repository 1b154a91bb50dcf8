import { parseTwelveGoTimeouts, type TwelveGoClientOptions } from '@app/twelvego-client';
import type { AppConfig } from '../config/app-config';
import type { AppLogger } from '../logging/app-logger';
import { getRequestContext } from '../context/request-context';
import type { MetricsService } from '../metrics/metrics.service';
import { BREAKER_STATE_VALUE, recordUpstreamCall } from '../metrics/upstream-metrics';
import { ambientCallContext } from './call-context';

/** TwelveGoClientModule options from the environment (docs/upstream-12go.md#timeouts-retries-and-breakers, README.md#environment-variables). */
export function twelveGoClientOptions(
  config: AppConfig,
  appLogger: AppLogger,
  metrics?: MetricsService,
): TwelveGoClientOptions {
  const logger = appLogger.forContext('TwelveGoClient');
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
    logger: {
      debug: (m: unknown) => logger.debug(m as Record<string, unknown>),
      log: (m: unknown) => logger.log(m as Record<string, unknown>),
      warn: (m: unknown) => logger.warn(m as Record<string, unknown>),
      error: (m: unknown) => logger.error(m as Record<string, unknown>),
    },
    ambientContext: ambientCallContext,
    onCall: (record) => {
      const ctx = getRequestContext();
      if (metrics) recordUpstreamCall(metrics, { ...record, client_id: record.client_id ?? ctx?.clientId });
      if (!ctx) return;
      (ctx.upstreamCalls ??= []).push({
        op: record.op,
        status: record.status,
        duration_ms: record.duration_ms,
        attempt: record.attempt,
        breaker: record.breaker,
      });
    },
    onBreakerStateChange: (op, state) => {
      metrics?.gauge('breaker.state', BREAKER_STATE_VALUE[state], { op });
      metrics?.increment('breaker.transitions', { op, to: state });
    },
  };
}
