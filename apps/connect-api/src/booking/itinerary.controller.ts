import { Controller, Get, Param, Query, Res } from '@nestjs/common';
import { ApiParam } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import { AppConfig } from '../platform/config/app-config';
import { CurrentClient } from '../platform/clients/current-client.decorator';
import type { ClientSnapshot } from '../platform/clients/client-snapshot';
import type { GetItineraryResponse } from '../contract/booking/checkout-itinerary';
import { assertFunnelQuery } from './dto/funnel-query';
import { GetItineraryService } from './funnel/get-itinerary.service';
import { ApiPartnerOperation } from '../contract/openapi/decorators/partner-operation.decorator';
import { ApiPartnerController } from '../contract/openapi/decorators/partner-route.decorators';
import { GetItineraryResponseSchema } from '../contract/openapi/schemas/booking.schemas';

/**
 * GetItinerary (docs/contract/endpoints.md#getitinerary). A wildcard route, so an id whose `/` the client did not encode still
 * reaches the decoder (docs/contract/ids.md#cipher-and-klv).
 */
@ApiPartnerController('Booking')
@Controller()
export class ItineraryController {
  constructor(
    private readonly getItinerary: GetItineraryService,
    private readonly config: AppConfig,
  ) {}

  @Get('v1/:client_id/itineraries/*')
  @ApiParam({
    name: 'itinerary_id',
    required: true,
    description: 'An `id` from Search, opaque (`:` may be percent-encoded). Undecodable IDs return 404.',
    schema: { type: 'string', maxLength: 128, examples: ['TH000300044mDt00c01hdkRw-2026-04-01-18:57'] },
  })
  @ApiPartnerOperation({
    operationId: 'getItinerary',
    summary: 'Start checkout for one itinerary (details, booking schema, booking token)',
    ok: { description: 'Checkout data.', type: GetItineraryResponseSchema },
    errors: [404, 422],
  })
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
