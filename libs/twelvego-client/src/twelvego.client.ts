import { Inject, Injectable, Logger, type OnApplicationShutdown } from '@nestjs/common';
import {
  BreakerRegistry,
  type TwelveGoBreakerOperation,
  type TwelveGoBreakerState,
} from './http/breaker-registry';
import { resolveRetryOptions } from './http/retry-policy';
import { HttpExchange } from './http/http-exchange';
import { TwelveGoTransport, type QueryValue } from './http/twelvego-transport';
import {
  parseBidResult,
  parseBookingDetails,
  parseCartDetails,
  parseCartId,
  parseCheckout,
  parseRefundOptions,
  parseRefundResult,
  parseSearchResponse,
  type ResponseParser,
  type TwelveGoBidResult,
  type TwelveGoBookingDetailsNormalized,
} from './normalize/response-parsers';
import { TwelveGoPinger, type TwelveGoPingResult } from './health/twelvego-ping';
import { RecheckDispatcher } from './recheck/recheck-dispatcher';
import type { TwelveGoCallContext } from './twelvego-call-context';
import type { TwelveGoSearchParams, TwelveGoTripRef } from './twelvego-call-params';
import {
  DEFAULT_TWELVEGO_TIMEOUTS_MS,
  type TwelveGoClientOptions,
  type TwelveGoLogger,
} from './twelvego-client.options';
import { TWELVEGO_CLIENT_OPTIONS } from './twelvego-client.tokens';
import type {
  TwelveGoAddToCartBody,
  TwelveGoCartDetailsResponse,
  TwelveGoCheckoutResponse,
  TwelveGoRefundBody,
  TwelveGoRefundOptionsResponse,
  TwelveGoRefundResponse,
  TwelveGoReserveBody,
  TwelveGoSearchResponse,
  TwelveGoTripDetailsResponse,
} from './types';

export type { TwelveGoSearchParams, TwelveGoTripRef } from './twelvego-call-params';
export type { TwelveGoPingResult } from './health/twelvego-ping';

const enc = encodeURIComponent;

/**
 * Typed client of the 12go REST API (docs/upstream-12go.md): one method per endpoint, parsed and
 * normalised answers, exactly one `TwelveGoError` per failed call.
 */
@Injectable()
export class TwelveGoClient implements OnApplicationShutdown {
  private readonly exchange: HttpExchange;
  private readonly transport: TwelveGoTransport;
  private readonly breakers: BreakerRegistry;
  private readonly rechecks: RecheckDispatcher;
  private readonly logger: TwelveGoLogger;
  private readonly options: TwelveGoClientOptions;
  private pinger?: TwelveGoPinger;

  constructor(@Inject(TWELVEGO_CLIENT_OPTIONS) options: TwelveGoClientOptions) {
    if (!options?.baseUrl || !/^https?:\/\//i.test(options.baseUrl)) {
      throw new Error('TwelveGoClient: baseUrl must be an absolute http(s) URL');
    }
    this.options = options;
    this.logger = options.logger ?? new Logger('TwelveGoClient');
    const timeoutsMs = { ...DEFAULT_TWELVEGO_TIMEOUTS_MS, ...options.timeoutsMs };
    this.breakers = new BreakerRegistry(options.breaker, (op, state) => {
      const log = state === 'open' ? this.logger.warn : this.logger.log;
      log.call(this.logger, { msg: '12go circuit breaker state changed', op, to: state });
      options.onBreakerStateChange?.(op, state);
    });
    this.exchange = new HttpExchange(options.maxConnections ?? 128, options.headers);
    this.transport = new TwelveGoTransport(this.exchange, this.breakers, {
      baseUrl: options.baseUrl,
      timeoutsMs,
      retry: resolveRetryOptions(options.retry),
      logger: this.logger,
      onCall: options.onCall,
      durationClock: options.durationClock,
    });
    this.rechecks = new RecheckDispatcher({
      timeoutMs: timeoutsMs.recheck,
      dedupMs: options.recheckDedupMs ?? 15_000,
      logger: this.logger,
      get: (url, timeoutMs) => this.exchange.send({ method: 'GET', url, headers: {} }, timeoutMs),
    });
  }

  /** #1 `GET /search/{from}/{to}/{date}?seats=&direct=true`. */
  search(ctx: TwelveGoCallContext, params: TwelveGoSearchParams): Promise<TwelveGoSearchResponse> {
    return this.get(
      ctx,
      'search',
      `/search/${enc(params.from)}/${enc(params.to)}/${enc(params.date)}`,
      'GET /search/{from}/{to}/{date}',
      parseSearchResponse,
      { seats: params.seats, direct: 'true' },
    );
  }

  /** #2 `GET /trip/{tripId}/{datetime}?seats=` — the search shape with one trip. */
  getTripDetails(ctx: TwelveGoCallContext, params: TwelveGoTripRef): Promise<TwelveGoTripDetailsResponse> {
    return this.get(
      ctx,
      'tripDetails',
      `/trip/${enc(params.tripId)}/${enc(params.datetime)}`,
      'GET /trip/{trip_id}/{datetime}',
      parseSearchResponse,
      { seats: params.seats },
    );
  }

  /** #3 `POST /cart/{tripId}/{datetime}?seats=` → cart id. */
  addToCart(ctx: TwelveGoCallContext, params: TwelveGoTripRef): Promise<string> {
    return this.post(
      ctx,
      'addToCart',
      `/cart/${enc(params.tripId)}/${enc(params.datetime)}`,
      'POST /cart/{trip_id}/{datetime}',
      parseCartId,
      undefined,
      { seats: params.seats },
    );
  }

  /** #4 `POST /cart?seats=&lang=` with a route/operator/class body → cart id. */
  addToCartByBody(
    ctx: TwelveGoCallContext,
    body: TwelveGoAddToCartBody,
    params: { seats: number },
  ): Promise<string> {
    return this.post(ctx, 'addToCartByBody', '/cart', 'POST /cart', parseCartId, body, {
      seats: params.seats,
      lang: ctx.lang ?? 'en',
    });
  }

  /** #5 `GET /cart/{cartId}`. */
  getCartDetails(ctx: TwelveGoCallContext, cartId: string): Promise<TwelveGoCartDetailsResponse> {
    return this.get(ctx, 'cartDetails', `/cart/${enc(cartId)}`, 'GET /cart/{cart_id}', parseCartDetails);
  }

  /** #6 `GET /checkout/{cartId}?people=` — the booking form; seat-map `[]` maps become `{}`. */
  getCheckout(ctx: TwelveGoCallContext, cartId: string, people = 1): Promise<TwelveGoCheckoutResponse> {
    return this.get(ctx, 'checkout', `/checkout/${enc(cartId)}`, 'GET /checkout/{cart_id}', parseCheckout, {
      people,
    });
  }

  /** #7 `POST /reserve/{cartId}` — never retried; answers the new booking id. */
  reserve(ctx: TwelveGoCallContext, cartId: string, body: TwelveGoReserveBody): Promise<TwelveGoBidResult> {
    return this.post(
      ctx,
      'reserve',
      `/reserve/${enc(cartId)}`,
      'POST /reserve/{booking_id}',
      parseBidResult,
      body,
    );
  }

  /** #8 `POST /confirm/{bid}` with an empty body — never retried; read #9 for the new state. */
  confirm(ctx: TwelveGoCallContext, bid: string): Promise<TwelveGoBidResult> {
    return this.post(ctx, 'confirm', `/confirm/${enc(bid)}`, 'POST /confirm/{booking_id}', parseBidResult);
  }

  /** #9 `GET /booking/{bid}`. */
  getBookingDetails(ctx: TwelveGoCallContext, bid: string): Promise<TwelveGoBookingDetailsNormalized> {
    return this.get(ctx, 'bookingDetails', `/booking/${enc(bid)}`, 'GET /booking/{bid}', parseBookingDetails);
  }

  /** #10 `GET /booking/{bid}/refund-options`. */
  getRefundOptions(ctx: TwelveGoCallContext, bid: string): Promise<TwelveGoRefundOptionsResponse> {
    return this.get(
      ctx,
      'refundOptions',
      `/booking/${enc(bid)}/refund-options`,
      'GET /booking/{bid}/refund-options',
      parseRefundOptions,
    );
  }

  /** #11 `POST /booking/{bid}/refund` — never retried; `success: false` is a normal answer. */
  refund(ctx: TwelveGoCallContext, bid: string, body: TwelveGoRefundBody): Promise<TwelveGoRefundResponse> {
    return this.post(
      ctx,
      'refund',
      `/booking/${enc(bid)}/refund`,
      'POST /booking/{bid}/refund',
      parseRefundResult,
      body,
    );
  }

  /**
   * Fire-and-forget GET of a recheck URL from a search answer (docs/upstream-12go.md#recheck). Never throws, never
   * awaited by the caller; at most one call per URL per 15 s.
   */
  triggerRecheck(url: string): void {
    this.rechecks.trigger(url);
  }

  /** Waits until the recheck calls started so far have finished (tests and graceful shutdown). */
  settleRechecks(): Promise<void> {
    return this.rechecks.settle();
  }

  /** Circuit-breaker state per operation, for readiness and admin views. */
  getBreakerStates(): Record<TwelveGoBreakerOperation, TwelveGoBreakerState> {
    return this.breakers.states();
  }

  /** Reachability of 12go for `/health/ready`, cached for `health.cacheMs` (see `TwelveGoPinger`). */
  ping(): Promise<TwelveGoPingResult> {
    return (this.pinger ??= new TwelveGoPinger(this.exchange, this.options)).ping();
  }

  /**
   * Last of the shutdown hooks (docs/adr/0144): every `onModuleDestroy` (queue workers finishing their active
   * jobs) and every other module's `onApplicationShutdown` (background flows) has run by then, since this
   * module is global. Calls still in flight finish (within their own deadlines); then breakers and sockets
   * are released (a fire-and-forget recheck still running is cut).
   */
  async onApplicationShutdown(): Promise<void> {
    await this.transport.settle();
    this.breakers.shutdown();
    this.exchange.destroy();
  }

  private withAmbient(ctx: TwelveGoCallContext): TwelveGoCallContext {
    let ambient: Partial<Omit<TwelveGoCallContext, 'apiKey'>> | undefined;
    try {
      ambient = this.options.ambientContext?.();
    } catch {
      ambient = undefined;
    }
    if (!ambient) return ctx;
    return {
      ...ctx,
      correlationId: ctx.correlationId ?? ambient.correlationId,
      requestId: ctx.requestId ?? ambient.requestId,
      clientId: ctx.clientId ?? ambient.clientId,
      lang: ctx.lang ?? ambient.lang,
      deadlineAt: ctx.deadlineAt ?? ambient.deadlineAt,
    };
  }

  private get<T>(
    ctx: TwelveGoCallContext,
    operation: TwelveGoBreakerOperation,
    path: string,
    resource: string,
    parse: ResponseParser<T>,
    query?: Record<string, QueryValue>,
  ): Promise<T> {
    return this.transport.call({
      operation,
      method: 'GET',
      path,
      resource,
      query,
      parse,
      ctx: this.withAmbient(ctx),
    });
  }

  private post<T>(
    ctx: TwelveGoCallContext,
    operation: TwelveGoBreakerOperation,
    path: string,
    resource: string,
    parse: ResponseParser<T>,
    body?: unknown,
    query?: Record<string, QueryValue>,
  ): Promise<T> {
    return this.transport.call({
      operation,
      method: 'POST',
      path,
      resource,
      query,
      body,
      parse,
      ctx: this.withAmbient(ctx),
    });
  }
}
