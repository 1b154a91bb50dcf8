import type { TwelveGoCallRecord } from '@app/twelvego-client';
import type { MetricsService } from './metrics.service';

type Kind = NonNullable<TwelveGoCallRecord['kind']>;

/** docs/platform.md#metrics `upstream.errors{kind}`; an open breaker made no call, so it is no upstream error. */
export function upstreamErrorKind(kind: Kind | undefined): string | undefined {
  switch (kind) {
    case undefined:
    case 'circuit_open':
      return undefined;
    case 'timeout':
      return 'timeout';
    case 'unavailable':
      return 'network';
    case 'server':
      return 'http_5xx';
    case 'bad_response':
      return 'bad_response';
    default:
      return 'http_4xx';
  }
}

export function statusClassOf(status: number | undefined): string {
  return status === undefined ? 'none' : `${Math.floor(status / 100)}xx`;
}

/** `breaker.state` gauge values (docs/platform.md#metrics). */
export const BREAKER_STATE_VALUE = { closed: 0, half_open: 1, open: 2 } as const;

/** upstream.requests / upstream.duration / upstream.errors / upstream.retries for one 12go attempt. */
export function recordUpstreamCall(metrics: MetricsService, record: TwelveGoCallRecord): void {
  const op = record.op;
  metrics.increment('upstream.requests', {
    op,
    status_code: record.status,
    outcome: record.status === undefined ? (record.kind ?? 'unknown') : undefined,
    client_id: record.client_id,
  });
  metrics.distribution('upstream.duration', record.duration_ms, {
    op,
    status_class: statusClassOf(record.status),
  });
  const kind = upstreamErrorKind(record.kind);
  if (kind) metrics.increment('upstream.errors', { op, kind });
  if (record.attempt > 1) metrics.increment('upstream.retries', { op });
}
