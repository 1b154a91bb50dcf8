import { Controller, Get, Param, Query, Req, UseGuards } from '@nestjs/common';
import type { TwelveGoTripDetailsResponse } from '@app/twelvego-client';
import type { SandboxApiKey } from '../config/sandbox-config';
import { parsePathDateTime } from '../core/local-time';
import { markForcedBody } from '../faults/request-faults';
import { Agent, ApiKeyGuard } from '../http/api-key.guard';
import { Query as Q, parseSeats } from '../http/params';
import { fieldErrors, notFound } from '../http/upstream-error';
import { TripCatalogService } from '../trips/trip-catalog.service';

/** docs/upstream-12go.md#trip-details — GET /trip/{tripId}/{datetime}. */
@Controller()
@UseGuards(ApiKeyGuard)
export class TripController {
  constructor(private readonly catalog: TripCatalogService) {}

  @Get('trip/:tripId/:datetime')
  tripDetails(
    @Agent() agent: SandboxApiKey,
    @Param('tripId') tripId: string,
    @Param('datetime') datetime: string,
    @Query() query: Q,
    @Req() req: object,
  ): TwelveGoTripDetailsResponse {
    const errors: Record<string, string> = {};
    const dep = parsePathDateTime(datetime);
    if (dep === null) errors.datetime = 'Invalid date-time, expected yyyy-MM-dd-HH-mm-ss';
    const seats = parseSeats(query);
    if (seats === null) errors.seats = 'Seats must be an integer between 1 and 20';
    if (dep === null || seats === null) throw fieldErrors(400, errors, 'Invalid trip parameters');
    const d = this.catalog.findDeparture(tripId, dep);
    if (!d || d.plan.scenario === 'GONE40') throw notFound('Trip');
    if (d.plan.scenario === 'MALFRM') markForcedBody(req, 'truncate');
    return this.catalog.tripDetails(d, seats, agent.currency);
  }
}
