import { ArgumentsHost, Catch, ExceptionFilter } from '@nestjs/common';
import { AppLogger, ContextLogger } from '../logging/app-logger';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { contextForRawRequest } from '../context/raw-request-context';
import { RouteTable } from '../http/route-table';
import { ContractError } from './contract-error';
import { sendContractError } from './error-response';
import { toContractError } from './to-contract-error';

/**
 * The one global filter (docs/contract/errors.md, docs/contract/errors.md#envelope): every 4xx/5xx, framework errors
 * included, leaves as the docs/contract/errors.md envelope with the tracing ids; stack traces only in logs.
 */
@Catch()
export class ContractExceptionFilter implements ExceptionFilter {
  private readonly logger: ContextLogger;

  constructor(
    private readonly routes: RouteTable,
    appLogger: AppLogger,
  ) {
    this.logger = appLogger.forContext('ErrorFilter');
  }

  catch(exception: unknown, host: ArgumentsHost): void {
    if (host.getType() !== 'http') throw exception;
    const request = host.switchToHttp().getRequest<FastifyRequest>();
    const reply = host.switchToHttp().getResponse<FastifyReply>();
    const ctx = contextForRawRequest(request.raw);
    const routeUrl = request.routeOptions?.url;
    let error = toContractError(exception);

    // No route matched: a known path with another method is 405 (docs/contract/README.md#endpoints-at-a-glance). A route that exists for
    // this very method got here through `reply.callNotFound()` (the route decided the resource does not
    // exist, e.g. a wrong webhook path secret): that stays the plain 404.
    if (error.code === 'not_found' && !routeUrl) {
      const allowed = this.routes.allowedMethods(request.url);
      if (allowed.length > 0 && !allowed.includes(request.method.toUpperCase()))
        error = new ContractError('method_not_allowed', undefined, {
          headers: { allow: allowed.join(', ') },
        });
    }

    ctx.errorCode = error.code;
    this.log(error, exception, ctx, reply);
    if (reply.sent || reply.raw.headersSent) return;

    void sendContractError(reply, error, ctx);
  }

  /** 5xx: the cause (with its stack) goes on the access line via pino-http's `res.err`; never into the body. */
  private log(
    error: ContractError,
    exception: unknown,
    ctx: { correlationId: string; requestId: string; route?: string },
    reply: FastifyReply,
  ): void {
    const fields = { correlation_id: ctx.correlationId, request_id: ctx.requestId, 'error.code': error.code };
    if (error.status >= 500) {
      const cause = exception instanceof ContractError ? (exception.cause ?? exception) : exception;
      if (cause instanceof Error) (reply.raw as { err?: Error }).err = cause;
      if ((ctx.route ?? '').startsWith('/health/'))
        this.logger.error({ msg: 'request failed', ...fields, err: cause });
    } else if (exception instanceof ContractError && exception.cause) {
      this.logger.debug({ msg: 'request rejected', ...fields, err: exception.cause });
    }
  }
}
