import { Injectable } from '@nestjs/common';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { AppConfig } from '../config/app-config';
import type { ClientSnapshot } from '../clients/client-snapshot';
import { contextForRawRequest } from '../context/raw-request-context';
import { ContractError } from '../errors/contract-error';
import { ClientRateLimiter } from './client-rate-limiter';
import { rateLimitHeaders } from './token-bucket';

/**
 * docs/contract/headers.md#processing-order step 5: after authentication and version, before the body. Every response to an
 * authenticated client carries `RateLimit-*`; over the limit → 429 `rate_limited` + `Retry-After`.
 */
@Injectable()
export class RateLimitStep {
  constructor(
    private readonly limiter: ClientRateLimiter,
    private readonly config: AppConfig,
  ) {}

  async run(request: FastifyRequest, reply: FastifyReply): Promise<void> {
    const client = contextForRawRequest(request.raw).client;
    if (!client) return;
    const headers = await this.charge(client, 1);
    for (const [name, value] of Object.entries(headers)) reply.header(name, value);
  }

  /**
   * Takes `cost` tokens from the client's bucket and returns the `RateLimit-*` headers after it; over the
   * limit → 429 `rate_limited`. Search charges one more token per upstream search beyond the first.
   */
  async charge(client: ClientSnapshot, cost: number, isRequest = true): Promise<Record<string, string>> {
    const limits = client.rateLimit ?? {
      rps: this.config.RATE_LIMIT_DEFAULT_RPS,
      burst: this.config.RATE_LIMIT_DEFAULT_BURST,
    };
    const decision = await this.limiter.take(client.clientId, limits, cost, isRequest);
    const headers = rateLimitHeaders(decision);
    if (!decision.allowed) {
      throw new ContractError('rate_limited', 'Too many requests; retry after the time in Retry-After.', {
        retryAfterSec: decision.retryAfterSec,
        headers,
      });
    }
    return headers;
  }
}
