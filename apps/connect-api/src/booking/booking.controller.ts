import { Body, Controller, HttpCode, Param, Post, Query, Res } from '@nestjs/common';
import type { FastifyReply } from 'fastify';
import { AppConfig } from '../platform/config/app-config';
import { CurrentClient } from '../platform/clients/current-client.decorator';
import type { ClientSnapshot } from '../platform/clients/client-snapshot';
import type { ContractBooking } from '../post-booking/contract-booking';
import { AsyncFlowRunner, type AsyncOutcome } from './async-flow/async-flow.runner';
import { assertFunnelQuery } from './dto/funnel-query';
import { ConfirmBookingService } from './funnel/confirm-booking.service';
import { CreateBookingService } from './funnel/create-booking.service';

/** CreateBooking and ConfirmBooking (client-api.md §4.3–4.4), synchronous or via IncompleteResults (§4.9). */
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
      { method: 'POST', url: '/v1/:client_id/bookings' },
      () => this.createBooking.execute(client, request),
      (b) => b.integration_booking_id,
    );
    return answer(outcome, reply);
  }

  @Post('v1/:client_id/bookings/:booking_id/confirm')
  @HttpCode(200)
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
      { method: 'POST', url: '/v1/:client_id/bookings/:booking_id/confirm' },
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
