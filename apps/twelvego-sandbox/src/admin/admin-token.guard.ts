import { CanActivate, ExecutionContext, Inject, Injectable } from '@nestjs/common';
import { timingSafeEqual } from 'node:crypto';
import type { FastifyRequest } from 'fastify';
import { SANDBOX_CONFIG, SandboxConfig } from '../config/sandbox-config';
import { UpstreamError } from '../http/upstream-error';

/** `SANDBOX_ADMIN_TOKEN`, when set, protects `/__sandbox/*` with `Authorization: Bearer <token>`. */
@Injectable()
export class AdminTokenGuard implements CanActivate {
  constructor(@Inject(SANDBOX_CONFIG) private readonly config: SandboxConfig) {}

  canActivate(context: ExecutionContext): boolean {
    const expected = this.config.adminToken;
    if (!expected) return true;
    const header = context.switchToHttp().getRequest<FastifyRequest>().headers.authorization ?? '';
    const given = Buffer.from(header.replace(/^Bearer\s+/i, ''));
    const want = Buffer.from(expected);
    if (given.length === want.length && timingSafeEqual(given, want)) return true;
    throw new UpstreamError(401, { messages: ['Admin token required'] });
  }
}
