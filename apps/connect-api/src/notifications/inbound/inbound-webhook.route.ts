import { Inject, Injectable, Logger, OnModuleInit } from '@nestjs/common';
import { HttpAdapterHost } from '@nestjs/core';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { contextForRawRequest } from '../../platform/context/raw-request-context';
import { ContractError, type ContractErrorCode } from '../../platform/errors/contract-error';
import { sendContractError } from '../../platform/errors/error-response';
import { NOTIFICATIONS_SETTINGS } from '../notifications.settings.provider';
import type { NotificationsSettings } from '../notifications.settings';
import { InboundRateLimiter } from './inbound-rate-limiter';
import { InboundWebhookService } from './inbound-webhook.service';
import { matchesPathSecret, sourceAllowed } from './path-secret';

export const INBOUND_WEBHOOK_PATH = '/webhooks/12go/:path_secret';
export const INBOUND_BODY_LIMIT = 64 * 1024;

/** The platform's error envelope (docs/contract/errors.md#envelope) with the request's tracing ids. */
function sendError(
  req: FastifyRequest,
  reply: FastifyReply,
  code: ContractErrorCode,
  extra: { message?: string; retryAfterSec?: number; status?: number } = {},
): FastifyReply {
  const error = new ContractError(code, extra.message, {
    retryAfterSec: extra.retryAfterSec,
    status: extra.status,
  });
  const ctx = contextForRawRequest(req.raw);
  ctx.errorCode = error.code;
  return sendContractError(reply, error, ctx);
}

/**
 * `POST /webhooks/12go/{path_secret}` as a plain Fastify route in its own encapsulated context, so it
 * owns its body handling: any content type is read as raw bytes up to 64 KiB and parsed as JSON by the
 * service (docs/contract/webhooks.md#receiving-12go-notifications). A wrong secret or source is handed to the platform's not-found handler.
 */
@Injectable()
export class InboundWebhookRoute implements OnModuleInit {
  private readonly limiter: InboundRateLimiter;

  constructor(
    private readonly adapterHost: HttpAdapterHost,
    private readonly inbound: InboundWebhookService,
    @Inject(NOTIFICATIONS_SETTINGS) private readonly settings: NotificationsSettings,
  ) {
    this.limiter = new InboundRateLimiter(settings.inboundRatePerSec);
  }

  onModuleInit(): void {
    if (this.settings.production && this.settings.allowedCidrs.length === 0) {
      new Logger('InboundWebhook').warn({
        msg: 'webhook.allow_list_off',
        detail: 'TWELVEGO_WEBHOOK_ALLOWED_CIDRS is empty: the path secret alone guards the 12go webhook',
      });
    }
    const fastify = this.adapterHost.httpAdapter?.getInstance<FastifyInstance>();
    if (!fastify || typeof fastify.register !== 'function') return;
    const { settings, limiter, inbound } = this;
    void fastify.register(async (scope) => {
      scope.removeAllContentTypeParsers();
      scope.addContentTypeParser(
        '*',
        { parseAs: 'buffer', bodyLimit: INBOUND_BODY_LIMIT },
        (_req, body, done) => done(null, body),
      );
      scope.setErrorHandler((err: Error & { statusCode?: number; code?: string }, req, reply) => {
        if (err.code === 'FST_ERR_CTP_BODY_TOO_LARGE' || err.statusCode === 413)
          return sendError(req, reply, 'payload_too_large');
        if (err.statusCode && err.statusCode >= 400 && err.statusCode < 500)
          return sendError(req, reply, 'validation_error');
        req.log.error({ err }, 'webhook.inbound failed');
        return sendError(req, reply, 'internal_error');
      });
      scope.route({
        method: 'POST',
        url: INBOUND_WEBHOOK_PATH,
        bodyLimit: INBOUND_BODY_LIMIT,
        onRequest: (req, reply, done) => {
          const secret = (req.params as { path_secret?: string }).path_secret ?? '';
          if (
            !matchesPathSecret(secret, settings.pathSecrets) ||
            !sourceAllowed(req.ip, settings.allowedCidrs)
          ) {
            // The platform's not-found handler: the same 404 body as a route that does not exist.
            reply.callNotFound();
            return;
          }
          if (!limiter.tryTake()) {
            sendError(req, reply, 'rate_limited', { retryAfterSec: 1 });
            return;
          }
          done();
        },
        handler: async (req, reply) => {
          const raw = Buffer.isBuffer(req.body) ? req.body : Buffer.alloc(0);
          const answer = await inbound.accept(raw, contextForRawRequest(req.raw).correlationId);
          if (answer.status === 200) return reply.code(200).send();
          if (answer.status === 503)
            return sendError(req, reply, 'upstream_unavailable', {
              message: answer.message,
              retryAfterSec: 5,
              status: 503,
            });
          return sendError(req, reply, answer.code, { message: answer.message });
        },
      });
    });
  }
}
