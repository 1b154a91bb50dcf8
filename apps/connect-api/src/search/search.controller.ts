import { Controller, Get, Query, Res } from '@nestjs/common';
import { ApiOperation, ApiResponse } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import { CurrentClient } from '../platform/clients/current-client.decorator';
import type { ClientSnapshot } from '../platform/clients/client-snapshot';
import { SearchQueryPipe } from './dto/search-query.pipe';
import type { SearchQuery } from './dto/search-query.parser';
import type { SearchResponse } from '../contract/itinerary/search-response';
import { SearchService } from './search.service';
import {
  ApiContractErrors,
  ApiPartnerController,
  COMMON_ERROR_STATUSES,
  SUCCESS_HEADERS,
} from '../contract/openapi/decorators/partner-route.decorators';
import { ApiSearchQuery } from '../contract/openapi/decorators/search-query.decorators';
import { SearchResponseSchema } from '../contract/openapi/schemas/search.schemas';

/** `GET /v1/{client_id}/itineraries` (docs/contract/endpoints.md#search): 200 complete, 206 partial. */
@ApiPartnerController('Search')
@Controller('v1/:client_id')
export class SearchController {
  constructor(private readonly search: SearchService) {}

  @Get('itineraries')
  @ApiOperation({
    operationId: 'searchItineraries',
    summary: 'Search one-way itineraries',
    description:
      'Exactly one of `departure_poi` / `departures[]` and exactly one of `arrival_poi` / `arrivals[]` must be given. ' +
      'Two station lists are read as pairs by index. Array parameters are also accepted without brackets or with indexes.',
  })
  @ApiSearchQuery()
  @ApiResponse({
    status: 200,
    description: 'Complete results (possibly empty arrays).',
    type: SearchResponseSchema,
    headers: SUCCESS_HEADERS,
  })
  @ApiResponse({
    status: 206,
    description: 'Partial results; more inventory is being fetched. Retry after ~500 ms or treat as final.',
    type: SearchResponseSchema,
    headers: SUCCESS_HEADERS,
  })
  @ApiContractErrors(...COMMON_ERROR_STATUSES)
  async searchItineraries(
    @Query(SearchQueryPipe) query: SearchQuery,
    @CurrentClient() client: ClientSnapshot,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<SearchResponse> {
    const outcome = await this.search.search(client, query);
    for (const [name, value] of Object.entries(outcome.rateLimitHeaders ?? {})) reply.header(name, value);
    reply.status(outcome.status);
    return outcome.body;
  }
}
