import { Controller, Get, Param, Query, Req, Res } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { ClientRegistry } from '../platform/clients/client-registry';
import { ContractError } from '../platform/errors/contract-error';
import { PublicRoute } from '../platform/http/public-route.decorator';
import { isStaticDocumentName } from './documents/static-document.types';
import { acceptsGzip, gzipEtag, isNotModified, sendJsonDocument } from './static-data.http';
import { linkRejected, StaticDataService, type SignedDocumentQuery } from './static-data.service';

/**
 * The document behind a signed link (docs/contract/endpoints.md#master-data): no API key — the HMAC signature and expiry are the
 * credential. Conditional (ETag / Last-Modified → 304) and gzip-aware.
 *
 * `@PublicRoute()`: the one route under `/v1/:client_id` that the platform does not authenticate.
 */
@ApiExcludeController()
@Controller('v1/:client_id/static')
export class StaticDocumentController {
  constructor(
    private readonly service: StaticDataService,
    private readonly clients: ClientRegistry,
  ) {}

  @Get(':file')
  @PublicRoute()
  async document(
    @Param('client_id') clientId: string,
    @Param('file') file: string,
    @Query() query: SignedDocumentQuery,
    @Req() req: FastifyRequest,
    @Res() reply: FastifyReply,
  ) {
    const name = file.endsWith('.json') ? file.slice(0, -'.json'.length) : '';
    if (!isStaticDocumentName(name)) throw new ContractError('not_found');
    const claims = this.service.verifyLink(clientId, name, query);
    const client = this.clients.get(clientId);
    if (!client) throw linkRejected('invalid');
    if (!client.enabled) throw new ContractError('client_disabled');

    const doc = await this.service.document(client, name, claims.locale);
    reply.header('etag', acceptsGzip(req) ? gzipEtag(doc.etag) : doc.etag);
    reply.header('last-modified', doc.lastModified.toUTCString());
    reply.header('cache-control', 'private, max-age=300');
    if (isNotModified(req, doc.etag, doc.lastModified)) {
      return reply.code(304).header('vary', 'Accept-Encoding').send();
    }
    const body = sendJsonDocument(req, reply, doc);
    return reply.code(200).send(body);
  }
}
