import type { AppConfig } from '../config/app-config';

export interface BodyPolicy {
  /** Max body bytes (Fastify route bodyLimit). */
  limit: number;
  /** The route takes no body: whatever is sent is ignored (docs/contract/headers.md#request-bodies-and-limits). */
  bodyless: boolean;
}

/** Client routes that read a JSON body (docs/contract/headers.md#request-bodies-and-limits); every other /v1 route ignores bodies. */
const V1_BODY_ROUTES = new Set(['POST /v1/:client_id/bookings', 'POST /v1/:client_id/seats']);

/**
 * A route may declare its body handling with `@RouteConfig({ tcBody: 'json' | 'none', tcBodyLimit?: bytes })`
 * (from @nestjs/platform-fastify); otherwise the defaults below apply.
 */
export interface BodyRouteConfig {
  tcBody?: 'json' | 'none';
  tcBodyLimit?: number;
  tcBodyPolicy?: BodyPolicy;
}

export function resolveBodyPolicy(
  method: string,
  url: string,
  routeConfig: BodyRouteConfig | undefined,
  config: AppConfig,
): BodyPolicy {
  const base = bodyPolicyFor(method, url, config);
  return {
    limit: routeConfig?.tcBodyLimit ?? base.limit,
    bodyless: routeConfig?.tcBody ? routeConfig.tcBody === 'none' : base.bodyless,
  };
}

/** Reconciliation 3: 10 MiB on CreateBooking, 1 MiB other client routes, 64 KiB webhook and admin routes. */
export function bodyPolicyFor(method: string, url: string, config: AppConfig): BodyPolicy {
  if (url.startsWith('/v1/')) {
    if (method === 'POST' && url === '/v1/:client_id/bookings')
      return { limit: config.BOOKING_BODY_LIMIT_BYTES, bodyless: false };
    return { limit: config.BODY_LIMIT_BYTES, bodyless: !V1_BODY_ROUTES.has(`${method} ${url}`) };
  }
  if (url.startsWith('/webhooks/') || url.startsWith('/admin/'))
    return { limit: config.SMALL_BODY_LIMIT_BYTES, bodyless: false };
  return { limit: config.BODY_LIMIT_BYTES, bodyless: false };
}

/** Booking, post-booking and IncompleteResults responses carry `Cache-Control: no-store` (docs/contract/headers.md#response-headers). */
export function isNoStoreRoute(url: string | undefined): boolean {
  if (!url) return false;
  return /^\/v1\/:client_id\/(bookings|seats|incomplete_results)(\/|$)/.test(url);
}
