import { Controller, Get, Param, Query, Res, UseGuards } from '@nestjs/common';
import type { FastifyReply } from 'fastify';
import type { TwelveGoSearchResponse } from '@app/twelvego-client';
import type { SandboxApiKey } from '../config/sandbox-config';
import { parseDate } from '../core/local-time';
import { Agent, ApiKeyGuard } from '../http/api-key.guard';
import { Query as Q, parseBoolean, parsePlace, parseSeats } from '../http/params';
import { fieldErrors } from '../http/upstream-error';
import { TripCatalogService } from '../trips/trip-catalog.service';

/** docs/upstream-12go.md#search — GET /search/{from}/{to}/{date}. */
@Controller()
@UseGuards(ApiKeyGuard)
export class SearchController {
  constructor(private readonly catalog: TripCatalogService) {}

  @Get('search/:from/:to/:date')
  search(
    @Agent() agent: SandboxApiKey,
    @Param('from') fromText: string,
    @Param('to') toText: string,
    @Param('date') date: string,
    @Query() query: Q,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): TwelveGoSearchResponse {
    const errors: Record<string, string> = {};
    const from = parsePlace(fromText);
    const to = parsePlace(toText);
    if (!from) errors.from = 'Invalid place id';
    if (!to) errors.to = 'Invalid place id';
    if (from && to && fromText === toText) errors.to = 'Destination must differ from origin';
    if (parseDate(date) === null) errors.date = 'Invalid date, expected yyyy-MM-dd';
    else if (this.catalog.isPastDate(date)) errors.date = 'Date is in the past';
    const seats = parseSeats(query);
    if (seats === null) errors.seats = 'Seats must be an integer between 1 and 20';
    if (Object.keys(errors).length || !from || !to || seats === null)
      throw fieldErrors(400, errors, 'Invalid search parameters');
    const { response, token } = this.catalog.search({
      from,
      to,
      date,
      seats,
      direct: parseBoolean(query, 'direct'),
      currency: agent.currency,
    });
    if (token) reply.header('Token', token);
    return response;
  }
}
