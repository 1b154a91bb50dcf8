import { RouteConfig } from '@nestjs/platform-fastify';
import type { FastifyRequest } from 'fastify';

/**
 * Marks a `/v1/:client_id/**` route as public: the platform's authentication, version and rate-limit
 * steps skip it (e.g. the signed static-data links, whose HMAC signature is the credential).
 */
export const PublicRoute = (): MethodDecorator => RouteConfig({ publicRoute: true });

export function isPublicRoute(request: FastifyRequest): boolean {
  return (request.routeOptions.config as { publicRoute?: boolean } | undefined)?.publicRoute === true;
}
