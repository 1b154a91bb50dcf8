import { Injectable } from '@nestjs/common';
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { ClientSnapshot } from '../clients/client-snapshot';

/**
 * A feature that answers some authenticated client requests somewhere else (the migration routing:
 * `route: legacy | shadow`). Runs right after authentication, before version, rate limit and body.
 */
export interface ClientRequestDiverter {
  /** Resolves true once it has answered the request (the reply is sent), false to let the BFF answer. */
  divert(request: FastifyRequest, reply: FastifyReply, client: ClientSnapshot): Promise<boolean>;
}

/** The platform's registration point for the one diverter (the platform never imports features). */
@Injectable()
export class ClientDiversion {
  private diverter?: ClientRequestDiverter;

  register(diverter: ClientRequestDiverter): void {
    this.diverter = diverter;
  }

  async divert(
    request: FastifyRequest,
    reply: FastifyReply,
    client: ClientSnapshot | undefined,
  ): Promise<boolean> {
    if (!this.diverter || !client || client.route === 'bff') return false;
    return this.diverter.divert(request, reply, client);
  }
}
