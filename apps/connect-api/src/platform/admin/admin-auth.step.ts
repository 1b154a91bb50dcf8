import { Injectable } from '@nestjs/common';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { AppConfig } from '../config/app-config';
import { ContractError } from '../errors/contract-error';
import { AppLogger, ContextLogger } from '../logging/app-logger';
import { BucketState, takeToken } from '../rate-limit/token-bucket';
import { AdminTokens } from './admin-tokens';

export const ADMIN_REQUEST_KEY = 'tcAdminTokenId';
export type RequestWithAdmin = FastifyRequest & { [ADMIN_REQUEST_KEY]?: string };

/** docs/operations.md#admin-api, docs/contract/headers.md#rate-limits: admin routes are limited to 10 req/s per instance. */
const ADMIN_LIMITS = { rps: 10, burst: 10 };

/**
 * Authentication of every `/admin/**` route (docs/operations.md#admin-api, docs/platform.md#hardening), run as a Fastify `onRequest` hook so
 * it precedes body reading: no `ADMIN_TOKENS` → 404 as if the routes did not exist; a missing or wrong
 * bearer token → 401; over 10 req/s → 429. Every call (refused ones included) is audit-logged on response.
 */
@Injectable()
export class AdminAuthStep {
  private readonly tokens: AdminTokens;
  private readonly audit: ContextLogger;
  private bucket: BucketState | undefined;

  constructor(config: AppConfig, appLogger: AppLogger) {
    this.tokens = new AdminTokens(config.adminTokens);
    this.audit = appLogger.forContext('AdminAudit');
  }

  get enabled(): boolean {
    return this.tokens.enabled;
  }

  /** Idempotent: a request authenticated once (by the hook) passes again (e.g. through AdminGuard). */
  authorize(request: FastifyRequest): string {
    const known = (request as RequestWithAdmin)[ADMIN_REQUEST_KEY];
    if (known) return known;
    if (!this.tokens.enabled) throw new ContractError('not_found');
    const tokenId = this.tokens.match(request.headers.authorization);
    if (!tokenId) {
      throw new ContractError('unauthorized', undefined, { headers: { 'www-authenticate': 'Bearer' } });
    }
    if (!isAdminStaticAsset(request)) {
      const taken = takeToken(this.bucket, ADMIN_LIMITS, Date.now());
      this.bucket = taken.state;
      if (!taken.allowed) throw new ContractError('rate_limited', undefined, { retryAfterSec: 1 });
    }
    (request as RequestWithAdmin)[ADMIN_REQUEST_KEY] = tokenId;
    return tokenId;
  }

  /** The audit line: action, parameters, source IP, which token (by id) and the outcome. */
  logCall(request: FastifyRequest, reply: FastifyReply): void {
    if (!this.tokens.enabled) return;
    this.audit.log({
      msg: 'admin.audit',
      action: `${request.method} ${request.routeOptions.url ?? request.url.split('?')[0]}`,
      params: request.params,
      query: request.query,
      body: isSmallObject(request.body) ? request.body : undefined,
      token_id: (request as RequestWithAdmin)[ADMIN_REQUEST_KEY] ?? null,
      source_ip: request.ip,
      status_code: reply.statusCode,
    });
  }
}

/**
 * Files of an admin UI (route config `adminStaticAsset: true`, e.g. the queue board's scripts): still behind
 * the token and audit-logged, but outside the 10 req/s budget a browser would spend loading one page.
 */
function isAdminStaticAsset(request: FastifyRequest): boolean {
  return (
    (request.routeOptions?.config as { adminStaticAsset?: boolean } | undefined)?.adminStaticAsset === true
  );
}

function isSmallObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && JSON.stringify(value).length <= 2048;
}
