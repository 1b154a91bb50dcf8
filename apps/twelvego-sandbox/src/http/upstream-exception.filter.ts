import { ArgumentsHost, Catch, ExceptionFilter, HttpException, Logger } from '@nestjs/common';
import type { FastifyReply } from 'fastify';
import { UpstreamError } from './upstream-error';

/** Renders every error as a 12go error body (docs/upstream-12go.md#errors): `UpstreamError` verbatim, others as `{ messages }`. */
@Catch()
export class UpstreamExceptionFilter implements ExceptionFilter {
  private readonly logger = new Logger('twelvego-sandbox');

  catch(exception: unknown, host: ArgumentsHost): void {
    const reply = host.switchToHttp().getResponse<FastifyReply>();
    if (exception instanceof UpstreamError) {
      void reply.code(exception.getStatus()).type('application/json; charset=utf-8').send(exception.body);
      return;
    }
    if (exception instanceof HttpException) {
      const status = exception.getStatus();
      const message = status === 404 ? 'Not found' : exception.message;
      void reply
        .code(status)
        .type('application/json; charset=utf-8')
        .send({ messages: [message] });
      return;
    }
    const status = (exception as { statusCode?: unknown })?.statusCode;
    if (typeof status === 'number' && status >= 400 && status < 500) {
      // Fastify errors: malformed JSON, body too large, unsupported media type
      void reply
        .code(status)
        .type('application/json; charset=utf-8')
        .send({ messages: [(exception as Error).message] });
      return;
    }
    this.logger.error(
      exception instanceof Error ? (exception.stack ?? exception.message) : String(exception),
    );
    void reply
      .code(500)
      .type('application/json; charset=utf-8')
      .send({ messages: ['Internal server error'] });
  }
}
