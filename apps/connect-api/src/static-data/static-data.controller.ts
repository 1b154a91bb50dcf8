import { Controller, Get, Query, Req, Res } from '@nestjs/common';
import { ApiOperation, ApiResponse } from '@nestjs/swagger';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { CurrentClient } from '../platform/clients/current-client.decorator';
import type { ClientSnapshot } from '../platform/clients/client-snapshot';
import type { StaticDocumentName } from './documents/static-document.types';
import { GetListQueryDto, StaticUrlQueryDto } from './dto/static-data-query.dto';
import { wantsJsonString } from './links/accept-negotiation';
// One locale rule for the whole API (docs/contract/headers.md#locale-and-currency D4), as Search applies it.
import { normaliseLocale } from '../contract/locale';
import { sendJsonDocument } from './static-data.http';
import { StaticDataService } from './static-data.service';
import {
  ApiContractErrors,
  ApiLocaleQuery,
  ApiMasterDataUrlResponse,
  ApiPartnerController,
  ApiTop10KQuery,
  COMMON_ERROR_STATUSES,
  LIST_HEADERS,
} from '../contract/openapi/decorators/partner-route.decorators';
import {
  OperatingCarrierSchema,
  PoiSchema,
  StationSchema,
} from '../contract/openapi/schemas/static-data.schemas';

/** Stations, Operators, POIs (docs/contract/endpoints.md#master-data): signed link by default, inline arrays via GetList. */
@ApiPartnerController('Master data')
@Controller('v1/:client_id')
export class StaticDataController {
  constructor(private readonly service: StaticDataService) {}

  @Get('stations')
  @ApiOperation({
    operationId: 'getStationsUrl',
    summary: 'URL of the station list document (array of Station)',
  })
  @ApiLocaleQuery()
  @ApiMasterDataUrlResponse()
  @ApiContractErrors(...COMMON_ERROR_STATUSES)
  stations(
    @CurrentClient() client: ClientSnapshot,
    @Query() q: StaticUrlQueryDto,
    @Req() req: FastifyRequest,
    @Res() reply: FastifyReply,
  ) {
    return this.sendLink(client, 'stations', q, req, reply);
  }

  @Get('operating_carriers')
  @ApiOperation({
    operationId: 'getOperatorsUrl',
    summary: 'URL of the operator list document (array of OperatingCarrier)',
  })
  @ApiLocaleQuery()
  @ApiMasterDataUrlResponse()
  @ApiContractErrors(...COMMON_ERROR_STATUSES)
  operators(
    @CurrentClient() client: ClientSnapshot,
    @Query() q: StaticUrlQueryDto,
    @Req() req: FastifyRequest,
    @Res() reply: FastifyReply,
  ) {
    return this.sendLink(client, 'operating_carriers', q, req, reply);
  }

  @Get('pois')
  @ApiOperation({ operationId: 'getPoisUrl', summary: 'URL of the POI list document (array of Poi)' })
  @ApiLocaleQuery()
  @ApiMasterDataUrlResponse()
  @ApiContractErrors(...COMMON_ERROR_STATUSES)
  pois(
    @CurrentClient() client: ClientSnapshot,
    @Query() q: StaticUrlQueryDto,
    @Req() req: FastifyRequest,
    @Res() reply: FastifyReply,
  ) {
    return this.sendLink(client, 'pois', q, req, reply);
  }

  @Get('stations/GetList')
  @ApiOperation({ operationId: 'getStationsList', summary: 'Station list inline' })
  @ApiLocaleQuery()
  @ApiTop10KQuery()
  @ApiResponse({
    status: 200,
    description: 'All stations (or the first 10 000 by ID when `top10K=true`).',
    type: StationSchema,
    isArray: true,
    headers: LIST_HEADERS,
  })
  @ApiContractErrors(...COMMON_ERROR_STATUSES)
  stationList(
    @CurrentClient() client: ClientSnapshot,
    @Query() q: GetListQueryDto,
    @Req() req: FastifyRequest,
    @Res() reply: FastifyReply,
  ) {
    return this.sendList(client, 'stations', q, req, reply);
  }

  @Get('operating_carriers/GetList')
  @ApiOperation({ operationId: 'getOperatorsList', summary: 'Operator list inline' })
  @ApiLocaleQuery()
  @ApiTop10KQuery()
  @ApiResponse({
    status: 200,
    description: 'All operators (or the first 10 000 by ID when `top10K=true`).',
    type: OperatingCarrierSchema,
    isArray: true,
    headers: LIST_HEADERS,
  })
  @ApiContractErrors(...COMMON_ERROR_STATUSES)
  operatorList(
    @CurrentClient() client: ClientSnapshot,
    @Query() q: GetListQueryDto,
    @Req() req: FastifyRequest,
    @Res() reply: FastifyReply,
  ) {
    return this.sendList(client, 'operating_carriers', q, req, reply);
  }

  @Get('pois/GetList')
  @ApiOperation({ operationId: 'getPoisList', summary: 'POI list inline' })
  @ApiLocaleQuery()
  @ApiTop10KQuery()
  @ApiResponse({
    status: 200,
    description: 'All POIs (or the first 10 000 by ID when `top10K=true`).',
    type: PoiSchema,
    isArray: true,
    headers: LIST_HEADERS,
  })
  @ApiContractErrors(...COMMON_ERROR_STATUSES)
  poiList(
    @CurrentClient() client: ClientSnapshot,
    @Query() q: GetListQueryDto,
    @Req() req: FastifyRequest,
    @Res() reply: FastifyReply,
  ) {
    return this.sendList(client, 'pois', q, req, reply);
  }

  private async sendLink(
    client: ClientSnapshot,
    document: StaticDocumentName,
    q: StaticUrlQueryDto,
    req: FastifyRequest,
    reply: FastifyReply,
  ) {
    const url = await this.service.link(
      client,
      document,
      normaliseLocale(q.locale),
      this.service.linkOrigin(),
    );
    if (wantsJsonString(req.headers.accept)) {
      return reply
        .code(200)
        .header('content-type', 'application/json; charset=utf-8')
        .send(JSON.stringify(url));
    }
    return reply.code(200).header('content-type', 'text/plain; charset=utf-8').send(url);
  }

  private async sendList(
    client: ClientSnapshot,
    document: StaticDocumentName,
    q: GetListQueryDto,
    req: FastifyRequest,
    reply: FastifyReply,
  ) {
    const top10K = typeof q.top10K === 'string' && q.top10K.toLowerCase() === 'true';
    const doc = await this.service.list(client, document, normaliseLocale(q.locale), top10K);
    const body = sendJsonDocument(req, reply, doc);
    return reply.code(200).send(body);
  }
}
