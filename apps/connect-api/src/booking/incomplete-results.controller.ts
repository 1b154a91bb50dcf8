import { Controller, Get, Param, Res } from '@nestjs/common';
import { ApiDefaultResponse, ApiOperation, ApiParam, ApiResponse } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import { CurrentClient } from '../platform/clients/current-client.decorator';
import type { ClientSnapshot } from '../platform/clients/client-snapshot';
import { IncompleteResultsService } from './async-flow/incomplete-results.service';
import {
  ACCEPTED_HEADERS,
  ApiContractErrors,
  ApiPartnerController,
  SUCCESS_HEADERS,
} from '../contract/openapi/decorators/partner-route.decorators';
import { BookingSchema } from '../contract/openapi/schemas/booking.schemas';
import { ErrorEnvelopeSchema } from '../contract/openapi/schemas/errors.schemas';

/** IncompleteResults polling (docs/contract/endpoints.md#incompleteresults-async-flow): 202 while running, then the replayed outcome. */
@ApiPartnerController('Booking')
@Controller()
export class IncompleteResultsController {
  constructor(private readonly results: IncompleteResultsService) {}

  @Get('v1/:client_id/incomplete_results/:incomplete_results_id')
  @ApiOperation({
    operationId: 'getIncompleteResult',
    summary: 'Poll an asynchronous CreateBooking / ConfirmBooking',
    description:
      'While running: 202. When finished: the status and body the original endpoint would have returned.',
  })
  @ApiParam({
    name: 'incomplete_results_id',
    required: true,
    description: 'UUID from a 202 response (malformed values return 404).',
    schema: { type: 'string' },
  })
  @ApiResponse({ status: 200, description: 'Booking.', type: BookingSchema, headers: SUCCESS_HEADERS })
  @ApiResponse({ status: 202, description: 'Still running. No body.', headers: ACCEPTED_HEADERS })
  @ApiContractErrors(400, 401, 403, 404, 429, 504)
  @ApiDefaultResponse({
    description: 'Replayed error outcome of the original CreateBooking / ConfirmBooking call.',
    type: ErrorEnvelopeSchema,
  })
  async poll(
    @CurrentClient() client: ClientSnapshot,
    @Param('incomplete_results_id') id: string,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<unknown> {
    reply.header('cache-control', 'no-store');
    const outcome = await this.results.poll(client, id);
    if (outcome.kind === 'running') {
      reply.status(202).header('location', outcome.location).header('retry-after', '1');
      return undefined;
    }
    reply.status(outcome.status);
    for (const [name, value] of Object.entries(outcome.headers)) reply.header(name, value);
    return outcome.body;
  }
}
