import { createHash, timingSafeEqual } from 'node:crypto';
import { CanActivate, ExecutionContext, Injectable, Logger } from '@nestjs/common';
import type { FastifyRequest } from 'fastify';
import { AppConfig } from '../../platform/config/app-config';
import { ContractError } from '../../platform/errors/contract-error';
import { InboundRateLimiter } from '../inbound/inbound-rate-limiter';

const digest = (s: string) => createHash('sha256').update(s, 'utf8').digest();

/**
 * operations.md §5.2 admin auth for the notification routes: `Authorization: Bearer <token>` compared in
 * constant time with each of `ADMIN_TOKENS`; no tokens configured → 404 as if the route did not exist;
 * 10 req/s per instance. (No shared platform admin guard existed when this module was written.)
 */
@Injectable()
export class NotificationsAdminGuard implements CanActivate {
  private readonly logger = new Logger('NotifyAdmin');
  private readonly limiter = new InboundRateLimiter(10);
  private readonly tokenDigests: Buffer[];

  constructor(config: AppConfig) {
    this.tokenDigests = config.adminTokens.map(digest);
  }

  canActivate(context: ExecutionContext): boolean {
    if (this.tokenDigests.length === 0) throw new ContractError('not_found');
    const req = context.switchToHttp().getRequest<FastifyRequest>();
    const header = req.headers.authorization;
    const presented = typeof header === 'string' && /^Bearer /i.test(header) ? header.slice(7).trim() : '';
    const candidate = digest(presented);
    let matched = false;
    for (const d of this.tokenDigests) if (timingSafeEqual(candidate, d)) matched = true;
    if (!matched || presented.length === 0) {
      this.logger.warn({ msg: 'admin.auth_failed', route: req.routeOptions?.url, remote_ip: req.ip });
      throw new ContractError('unauthorized');
    }
    if (!this.limiter.tryTake()) throw new ContractError('rate_limited', undefined, { retryAfterSec: 1 });
    this.logger.log({
      msg: 'admin.audit',
      action: `${req.method} ${req.routeOptions?.url ?? ''}`,
      params: req.params,
      query: req.query,
      remote_ip: req.ip,
    });
    return true;
  }
}
