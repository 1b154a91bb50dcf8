import { Body, Controller, HttpCode, Param, Post, Query, Res } from '@nestjs/common';
import { ApiResponse } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import { AppConfig } from '../platform/config/app-config';
import { CurrentClient } from '../platform/clients/current-client.decorator';
import type { ClientSnapshot } from '../platform/clients/client-snapshot';
import type { ContractBooking } from '../contract/booking/contract-booking';
import { AsyncFlowRunner, type AsyncOutcome } from './async-flow/async-flow.runner';
import { assertFunnelQuery } from './dto/funnel-query';
import { ConfirmBookingService } from './funnel/confirm-booking.service';
import { CreateBookingService } from './funnel/create-booking.service';
import { ApiPartnerOperation } from '../contract/openapi/decorators/partner-operation.decorator';
import {
  ACCEPTED_HEADERS,
  ApiBookingIdParam,
  ApiPartnerController,
} from '../contract/openapi/decorators/partner-route.decorators';
import {
  BookingRequestSchema,
  BookingSchema,
  IncompleteResultAcceptedSchema,
} from '../contract/openapi/schemas/booking.schemas';

const BOOKING_OK = { description: 'Booking.', type: BookingSchema };

/** The 202 of the asynchronous mode (docs/contract/endpoints.md#incompleteresults-async-flow). */
const ApiStillProcessing = () =>
  ApiResponse({
    status: 202,
    description: 'Still processing (asynchronous mode); poll the Location URL.',
    type: IncompleteResultAcceptedSchema,
    headers: ACCEPTED_HEADERS,
  });

/** CreateBooking and ConfirmBooking (docs/contract/endpoints.md#createbooking, docs/contract/endpoints.md#confirmbooking), synchronous or via IncompleteResults (docs/contract/endpoints.md#incompleteresults-async-flow). */
@ApiPartnerController('Booking')
@Controller()
export class BookingController {
  constructor(
    private readonly createBooking: CreateBookingService,
    private readonly confirmBooking: ConfirmBookingService,
    private readonly asyncFlow: AsyncFlowRunner,
    private readonly config: AppConfig,
  ) {}

  @Post('v1/:client_id/bookings')
  @HttpCode(200)
  @ApiPartnerOperation({
    operationId: 'createBooking',
    summary: 'Reserve (CreateBooking)',
    description:
      'Shape errors → 400 `validation_error`; violations of the booking schema → 422 `booking_data_invalid`.',
    body: BookingRequestSchema,
    ok: BOOKING_OK,
    also: [ApiStillProcessing()],
    errors: [402, 404, 409, 413, 415, 422],
  })
  async create(
    @CurrentClient() client: ClientSnapshot,
    @Body() body: unknown,
    @Query() query: Record<string, unknown>,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<ContractBooking | { id: string }> {
    reply.header('cache-control', 'no-store');
    assertFunnelQuery(query, this.config.supportedCurrencies);
    const request = this.createBooking.parse(body);
    const outcome = await this.asyncFlow.run(
      client,
      'create_booking',
      () => this.createBooking.execute(client, request),
      (b) => b.integration_booking_id,
    );
    return answer(outcome, reply);
  }

  @Post('v1/:client_id/bookings/:booking_id/confirm')
  @HttpCode(200)
  @ApiBookingIdParam()
  @ApiPartnerOperation({
    operationId: 'confirmBooking',
    summary: 'Confirm a reserved booking',
    description:
      'No request body (any body is ignored). Returns the Booking with status `approved`, `pending` or `declined`.',
    ok: BOOKING_OK,
    also: [ApiStillProcessing()],
    errors: [404, 409, 422],
  })
  async confirm(
    @CurrentClient() client: ClientSnapshot,
    @Param('booking_id') bookingId: string,
    @Query() query: Record<string, unknown>,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<ContractBooking | { id: string }> {
    reply.header('cache-control', 'no-store');
    const ref = this.confirmBooking.resolve(client, bookingId);
    assertFunnelQuery(query, this.config.supportedCurrencies);
    const outcome = await this.asyncFlow.run(
      client,
      'confirm_booking',
      () => this.confirmBooking.execute(client, ref),
      (b) => b.integration_booking_id,
      { bid: ref.bid, bookingId: ref.id },
    );
    return answer(outcome, reply);
  }
}

function answer(
  outcome: AsyncOutcome<ContractBooking>,
  reply: FastifyReply,
): ContractBooking | { id: string } {
  if (outcome.kind === 'done') return outcome.value;
  reply.status(202).header('location', outcome.location).header('retry-after', '1');
  return { id: outcome.id };
}
