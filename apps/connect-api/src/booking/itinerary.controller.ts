import { Controller, Get, Param, Query, Res } from '@nestjs/common';
import type { FastifyReply } from 'fastify';
import { AppConfig } from '../platform/config/app-config';
import { CurrentClient } from '../platform/clients/current-client.decorator';
import type { ClientSnapshot } from '../platform/clients/client-snapshot';
import type { GetItineraryResponse } from './funnel/checkout-itinerary.mapper';
import { assertFunnelQuery } from './dto/funnel-query';
import { GetItineraryService } from './funnel/get-itinerary.service';

/**
 * GetItinerary (client-api.md §4.2). A wildcard route, so an id whose `/` the client did not encode still
 * reaches the decoder (booking-schema.md §6.3).
 */
@Controller()
export class ItineraryController {
  constructor(
    private readonly getItinerary: GetItineraryService,
    private readonly config: AppConfig,
  ) {}

  @Get('v1/:client_id/itineraries/*')
  get(
    @CurrentClient() client: ClientSnapshot,
    @Param('*') itineraryId: string,
    @Query() query: Record<string, unknown>,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<GetItineraryResponse> {
    reply.header('cache-control', 'no-store');
    assertFunnelQuery(query, this.config.supportedCurrencies);
    const pax = Array.isArray(query?.pax)
      ? String(query.pax[0])
      : query?.pax === undefined
        ? undefined
        : String(query.pax);
    return this.getItinerary.execute(client, itineraryId ?? '', pax);
  }
}
