import { AsyncLocalStorage } from 'node:async_hooks';
import type { ClientSnapshot } from '../clients/client-snapshot';
import type { BusinessEventName } from '../events/business-event-names';

/** Per-request facts every layer may read (docs/contract/headers.md#tracing-headers, docs/platform.md#logs-and-redaction). */
export interface RequestContext {
  correlationId: string;
  requestId: string;
  /** Resolved API version (the current one until docs/contract/headers.md#processing-order step 4 has run). */
  apiVersion: string;
  experiment?: string;
  clientId?: string;
  keyId?: string;
  /** The client snapshot the request started with (set by the auth step). */
  client?: ClientSnapshot;
  /** Route template, e.g. `/v1/:client_id/bookings/:booking_id`. */
  route?: string;
  /** Tracing headers that were sent but invalid (logged once, never echoed). */
  invalidTracingHeaders?: string[];
  /** Contract error code of the response, for the access log. */
  errorCode?: string;
  /** `proxied`: answered by the legacy system; `shadow_run`: the BFF's background run of a shadowed request. */
  migration?: 'proxied' | 'shadow_run';
  /** Set when the platform refused the request before its handler (rate limit, version). */
  rejectedBeforeHandler?: boolean;
  /** The business event of this request (docs/platform.md#business-events), emitted once on response. */
  businessEvent?: { name: BusinessEventName; fields: Record<string, unknown>; emitted: boolean };
  /** Emits an event at once (set by the platform; used after the response was sent). */
  emitBusinessEvent?: (name: BusinessEventName, fields: Record<string, unknown>) => void;
  /** 12go calls of this request for the access log (`upstream.calls[]`). */
  upstreamCalls?: Array<{
    op: string;
    status?: number;
    duration_ms: number;
    attempt?: number;
    breaker?: string;
  }>;
}

const storage = new AsyncLocalStorage<RequestContext>();

/** The context of the request being handled, or undefined outside a request. */
export function getRequestContext(): RequestContext | undefined {
  return storage.getStore();
}

export function runWithRequestContext<T>(context: RequestContext, fn: () => T): T {
  return storage.run(context, fn);
}
