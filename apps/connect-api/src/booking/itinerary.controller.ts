import { Controller, Get, Param, Query, Res } from '@nestjs/common';
import type { FastifyReply } from 'fastify';
import { CurrentClient } from '../platform/clients/current-client.decorator';
import type { ClientSnapshot } from '../platform/clients/client-snapshot';
import type { GetItineraryResponse } from './funnel/checkout-itinerary.mapper';
import { GetItineraryService } from './funnel/get-itinerary.service';

/**
 * GetItinerary (client-api.md §4.2). A wildcard route, so an id whose `/` the client did not encode still
 * reaches the decoder (booking-schema.md §6.3).
 */
@Controller()
export class ItineraryController {
  constructor(private readonly getItinerary: GetItineraryService) {}

  @Get('v1/:client_id/itineraries/*')
  get(
    @CurrentClient() client: ClientSnapshot,
    @Param('*') itineraryId: string,
    @Query('pax') pax: string | undefined,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<GetItineraryResponse> {
    reply.header('cache-control', 'no-store');
    return this.getItinerary.execute(client, itineraryId ?? '', typeof pax === 'string' ? pax : undefined);
  }
}
