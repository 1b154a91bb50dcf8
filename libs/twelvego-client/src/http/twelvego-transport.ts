import tracer from 'dd-trace';
import { badResponse, classifyHttpError, classifyTransportError } from '../errors/classify-twelvego-error';
import { TwelveGoError } from '../errors/twelvego.errors';
import type { ResponseParser } from '../normalize/response-parsers';
import type { TwelveGoCallContext } from '../twelvego-call-context';
import type { TwelveGoLogger } from '../twelvego-client.options';
import type { TwelveGoOperation } from '../twelvego-operation';
import type { BreakerRegistry, TwelveGoBreakerOperation, TwelveGoBreakerState } from './breaker-registry';
import { ExchangeFailure, type HttpExchange, type RawAnswer } from './http-exchange';
import { isRetryableFailure, retryDelayMs, type ResolvedRetryOptions } from './retry-policy';

export type QueryValue = string | number | boolean | undefined;

export interface TwelveGoRequest<T> {
  operation: TwelveGoBreakerOperation;
  method: 'GET' | 'POST';
  /** Path with every dynamic segment already URI-encoded. */
  path: string;
  /** Span resource, e.g. `GET /booking/{bid}` (docs/platform.md#traces). */
  resource: string;
  query?: Record<string, QueryValue>;
  /** JSON body; `undefined` sends no body (`Content-Length: 0`, no `Content-Type`). */
  body?: unknown;
  parse: ResponseParser<T>;
  ctx: TwelveGoCallContext;
}

/** One line of `upstream.calls[]` (docs/platform.md#logs-and-redaction), reported for every attempt. */
export interface TwelveGoCallRecord {
  op: TwelveGoOperation;
  method: string;
  path: string;
  status?: number;
  duration_ms: number;
  attempt: number;
  breaker: TwelveGoBreakerState;
  kind?: TwelveGoError['kind'];
  client_id?: string;
}

export interface TransportSettings {
  baseUrl: string;
  timeoutsMs: Record<TwelveGoOperation, number>;
  retry: ResolvedRetryOptions;
  logger: TwelveGoLogger;
  onCall?: (record: TwelveGoCallRecord) => void;
  /** Milliseconds clock for call durations (`elapsedMs`, `duration_ms`); default `Date.now`. */
  durationClock?: () => number;
}

const SPAN_ERROR_TYPE: Record<TwelveGoError['kind'], string> = {
  timeout: 'timeout',
  unavailable: 'network',
  circuit_open: 'breaker_open',
  bad_response: 'bad_response',
  server: 'http_5xx',
  auth: 'http_4xx',
  trip_unavailable: 'http_4xx',
  not_found: 'http_4xx',
  conflict: 'http_4xx',
  validation: 'http_4xx',
  request: 'http_4xx',
  rate_limited: 'http_4xx',
};

const sleep = (ms: number) =>
  new Promise<void>((resolve) => {
    const timer = setTimeout(resolve, ms);
    timer.unref?.();
  });

/** HTTP to 12go: keep-alive agents, `k` appended last, per-call timeout, breaker per op, GET retries. */
export class TwelveGoTransport {
  private readonly baseUrl: string;
  private readonly clock: () => number;

  constructor(
    private readonly exchange: HttpExchange,
    private readonly breakers: BreakerRegistry,
    private readonly settings: TransportSettings,
  ) {
    this.baseUrl = settings.baseUrl.replace(/\/+$/, '');
    this.clock = settings.durationClock ?? Date.now;
  }

  /** Calls not yet settled, for a shutdown that lets them finish (each is bounded by its own deadlines). */
  private readonly inflight = new Set<Promise<unknown>>();

  call<T>(request: TwelveGoRequest<T>): Promise<T> {
    const pending = this.callWithRetries(request);
    const tracked = pending.then(
      () => undefined,
      () => undefined,
    );
    this.inflight.add(tracked);
    void tracked.then(() => this.inflight.delete(tracked));
    return pending;
  }

  /** Resolves once no call is in flight (calls started meanwhile included). */
  async settle(): Promise<void> {
    while (this.inflight.size > 0) await Promise.all([...this.inflight]);
  }

  private async callWithRetries<T>(request: TwelveGoRequest<T>): Promise<T> {
    const started = this.clock();
    const timeoutMs = this.settings.timeoutsMs[request.operation];
    for (let attempt = 1; ; attempt++) {
      try {
        return await this.attemptOnce(request, attempt, timeoutMs);
      } catch (caught) {
        const error = caught instanceof TwelveGoError ? caught : this.unexpected(request, caught);
        const delay = this.nextRetryDelay(request, error, attempt, timeoutMs);
        if (delay === undefined) {
          const final = error.withAttempts(attempt, this.clock() - started);
          this.settings.logger.warn({
            msg: '12go call failed',
            op: request.operation,
            method: request.method,
            path: request.path,
            kind: final.kind,
            status: final.status,
            network_code: final.networkCode,
            attempts: attempt,
            duration_ms: final.elapsedMs,
            client_id: request.ctx.clientId,
            correlation_id: request.ctx.correlationId,
          });
          throw final;
        }
        this.settings.logger.debug?.({
          msg: '12go call retried',
          op: request.operation,
          attempt,
          kind: error.kind,
          status: error.status,
          delay_ms: delay,
        });
        await sleep(delay);
      }
    }
  }

  private nextRetryDelay(
    request: TwelveGoRequest<unknown>,
    error: TwelveGoError,
    attempt: number,
    timeoutMs: number,
  ): number | undefined {
    const retry = this.settings.retry;
    if (request.method !== 'GET' || attempt > retry.maxRetries || !isRetryableFailure(error))
      return undefined;
    const delay = retryDelayMs(attempt, error, retry);
    if (delay === undefined) return undefined;
    const deadline = request.ctx.deadlineAt;
    if (deadline !== undefined && deadline - Date.now() - delay < timeoutMs) return undefined;
    return delay;
  }

  private attemptOnce<T>(request: TwelveGoRequest<T>, attempt: number, timeoutMs: number): Promise<T> {
    const { operation } = request;
    const tags = {
      'peer.service': 'twelvego',
      'span.kind': 'client',
      'twelvego.op': operation,
      'http.method': request.method,
      'http.url': `${this.baseUrl}${request.path}`,
      'tc.client_id': request.ctx.clientId,
      'tc.attempt': attempt,
      'tc.timeout_ms': timeoutMs,
      'tc.breaker': this.breakers.state(operation),
    };
    return tracer.trace('twelvego.request', { resource: request.resource, tags }, async (span) => {
      const started = this.clock();
      const breakerBefore = this.breakers.state(operation);
      let status: number | undefined;
      try {
        const result = await this.breakers.run(operation, async () => {
          const answer = await this.send(request, timeoutMs);
          status = answer.status;
          return this.interpret(request, answer, this.clock() - started);
        });
        span?.setTag('http.status_code', status);
        this.report(request, attempt, breakerBefore, this.clock() - started, status);
        return result;
      } catch (error) {
        const typed = error instanceof TwelveGoError ? error : this.unexpected(request, error);
        if (status !== undefined) span?.setTag('http.status_code', status);
        span?.setTag('error.type', SPAN_ERROR_TYPE[typed.kind]);
        this.report(request, attempt, breakerBefore, this.clock() - started, status, typed.kind);
        throw typed;
      }
    });
  }

  private report(
    request: TwelveGoRequest<unknown>,
    attempt: number,
    breaker: TwelveGoBreakerState,
    durationMs: number,
    status?: number,
    kind?: TwelveGoError['kind'],
  ): void {
    const record: TwelveGoCallRecord = {
      op: request.operation,
      method: request.method,
      path: request.path,
      status,
      duration_ms: durationMs,
      attempt,
      breaker,
      kind,
      client_id: request.ctx.clientId,
    };
    this.settings.logger.debug?.({ msg: '12go call', ...record });
    try {
      this.settings.onCall?.(record);
    } catch {
      // an observer must never break a 12go call
    }
  }

  /** One HTTP exchange; no answer at all becomes the `timeout`/`unavailable` error of docs/upstream-12go.md#errors row 1. */
  private async send(request: TwelveGoRequest<unknown>, timeoutMs: number): Promise<RawAnswer> {
    const started = this.clock();
    const headers: Record<string, string> = {};
    if (request.ctx.correlationId) headers['x-correlation-id'] = request.ctx.correlationId;
    if (request.ctx.requestId) headers['X-Request-Id'] = request.ctx.requestId;
    let data: string | undefined;
    if (request.body === undefined) {
      headers['Content-Length'] = '0'; // and no Content-Type
    } else {
      data = JSON.stringify(request.body);
      headers['Content-Type'] = 'application/json';
    }
    try {
      return await this.exchange.send(
        { method: request.method, url: this.buildUrl(request), headers, data },
        timeoutMs,
      );
    } catch (error) {
      const failure = error instanceof ExchangeFailure ? error : new ExchangeFailure(false, undefined);
      throw classifyTransportError({
        operation: request.operation,
        timedOut: failure.timedOut,
        code: failure.code,
        elapsedMs: this.clock() - started,
        request: `${request.method} ${request.path}`,
      });
    }
  }

  private interpret<T>(request: TwelveGoRequest<T>, answer: RawAnswer, elapsedMs: number): T {
    const retryAfter = answer.headers['retry-after'];
    const context = {
      operation: request.operation,
      status: answer.status,
      bodyText: answer.text,
      retryAfter: typeof retryAfter === 'string' ? retryAfter : undefined,
      elapsedMs,
      request: `${request.method} ${request.path}`,
      secrets: [request.ctx.apiKey],
    };
    if (answer.status < 200 || answer.status >= 300) throw classifyHttpError(context);
    let json: unknown;
    try {
      json = JSON.parse(answer.text);
    } catch {
      throw badResponse(context);
    }
    const parsed = request.parse(json);
    if (parsed === undefined) throw badResponse(context);
    return parsed;
  }

  private buildUrl(request: TwelveGoRequest<unknown>): string {
    const params = new URLSearchParams();
    for (const [key, value] of Object.entries(request.query ?? {})) {
      if (value !== undefined) params.append(key, String(value));
    }
    params.append('k', request.ctx.apiKey); // always last (docs/upstream-12go.md#authentication-and-key-scoping)
    return `${this.baseUrl}${request.path}?${params.toString()}`;
  }

  private unexpected(request: TwelveGoRequest<unknown>, error: unknown): TwelveGoError {
    // Programming errors inside the pipeline: surface as a bad response without leaking details.
    this.settings.logger.error({
      msg: '12go client internal error',
      op: request.operation,
      error_name: (error as Error | null)?.name,
    });
    return new TwelveGoError({
      kind: 'bad_response',
      operation: request.operation,
      request: `${request.method} ${request.path}`,
    });
  }
}
