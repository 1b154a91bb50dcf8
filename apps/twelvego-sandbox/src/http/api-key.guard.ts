import { CanActivate, ExecutionContext, Injectable, createParamDecorator } from '@nestjs/common';
import type { FastifyRequest } from 'fastify';
import type { SandboxApiKey } from '../config/sandbox-config';
import { ApiKeysService } from './api-keys.service';
import { UpstreamError } from './upstream-error';

type AgentRequest = FastifyRequest & { sandboxAgent?: SandboxApiKey };

/** docs/upstream-12go.md#authentication-and-key-scoping: every upstream endpoint needs a valid `k` query parameter; otherwise 401. */
@Injectable()
export class ApiKeyGuard implements CanActivate {
  constructor(private readonly keys: ApiKeysService) {}

  canActivate(context: ExecutionContext): boolean {
    const req = context.switchToHttp().getRequest<AgentRequest>();
    const k = (req.query as Record<string, unknown> | undefined)?.k;
    const agent = this.keys.resolve(Array.isArray(k) ? k[k.length - 1] : k);
    if (!agent) throw new UpstreamError(401, { messages: ['Invalid API key'] });
    req.sandboxAgent = agent;
    return true;
  }
}

/** The authenticated agent account of the request. */
export const Agent = createParamDecorator((_: unknown, ctx: ExecutionContext): SandboxApiKey => {
  const agent = ctx.switchToHttp().getRequest<AgentRequest>().sandboxAgent;
  if (!agent) throw new UpstreamError(401, { messages: ['Invalid API key'] });
  return agent;
});
