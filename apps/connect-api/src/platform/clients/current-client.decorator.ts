import { createParamDecorator, ExecutionContext } from '@nestjs/common';
import { CLIENT_REQUEST_KEY, RequestWithClient } from '../http/client-auth.step';
import { ContractError } from '../errors/contract-error';
import type { ClientSnapshot } from './client-snapshot';

/** The authenticated client of a `/v1/:client_id/**` request (the snapshot it started with). */
export const CurrentClient = createParamDecorator((_data: unknown, ctx: ExecutionContext): ClientSnapshot => {
  const client = ctx.switchToHttp().getRequest<RequestWithClient>()[CLIENT_REQUEST_KEY];
  // Only reachable when a controller outside /v1/:client_id uses the decorator: a programming error.
  if (!client) throw new ContractError('internal_error', 'No authenticated client on this route.');
  return client;
});
