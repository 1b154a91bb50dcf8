import { Controller, Get, Query, Res } from '@nestjs/common';
import type { FastifyReply } from 'fastify';
import { CurrentClient } from '../platform/clients/current-client.decorator';
import type { ClientSnapshot } from '../platform/clients/client-snapshot';
import { SearchQueryPipe } from './dto/search-query.pipe';
import type { SearchQuery } from './dto/search-query.parser';
import type { SearchResponse } from './dto/search-response';
import { SearchService } from './search.service';

/** `GET /v1/{client_id}/itineraries` (client-api.md §4.1): 200 complete, 206 partial. */
@Controller('v1/:client_id')
export class SearchController {
  constructor(private readonly search: SearchService) {}

  @Get('itineraries')
  async searchItineraries(
    @Query(SearchQueryPipe) query: SearchQuery,
    @CurrentClient() client: ClientSnapshot,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<SearchResponse> {
    const outcome = await this.search.search(client, query);
    reply.status(outcome.status);
    return outcome.body;
  }
}
