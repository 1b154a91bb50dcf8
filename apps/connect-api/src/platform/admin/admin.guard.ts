import { CanActivate, ExecutionContext, Injectable } from '@nestjs/common';
import type { FastifyRequest } from 'fastify';
import { AdminAuthStep } from './admin-auth.step';

/**
 * The platform's admin guard for Nest controllers. Every route under `/admin/` is already authenticated by
 * the platform hook (AdminAuthStep); the guard repeats the check for routes mounted elsewhere and makes the
 * requirement visible on the controller: `@UseGuards(AdminGuard)`.
 */
@Injectable()
export class AdminGuard implements CanActivate {
  constructor(private readonly step: AdminAuthStep) {}

  canActivate(context: ExecutionContext): boolean {
    this.step.authorize(context.switchToHttp().getRequest<FastifyRequest>());
    return true;
  }
}
