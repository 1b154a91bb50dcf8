import { Body, Controller, HttpCode, Post, Query, Res } from '@nestjs/common';
import type { FastifyReply } from 'fastify';
import { AppConfig } from '../platform/config/app-config';
import { CurrentClient } from '../platform/clients/current-client.decorator';
import type { ClientSnapshot } from '../platform/clients/client-snapshot';
import type { SeatLockResponse } from '../contract/booking/seat-lock-response';
import { assertFunnelQuery } from './dto/funnel-query';
import { SeatLockService } from './seat-lock/seat-lock.service';
import { ApiPartnerOperation } from '../contract/openapi/decorators/partner-operation.decorator';
import { ApiPartnerController } from '../contract/openapi/decorators/partner-route.decorators';
import { LockSeatsRequestSchema, LockSeatsResponseSchema } from '../contract/openapi/schemas/booking.schemas';

/** SeatLock (docs/contract/endpoints.md#seatlock). */
@ApiPartnerController('Booking')
@Controller()
export class SeatLockController {
  constructor(
    private readonly seatLock: SeatLockService,
    private readonly config: AppConfig,
  ) {}

  @Post('v1/:client_id/seats')
  @HttpCode(200)
  @ApiPartnerOperation({
    operationId: 'lockSeats',
    summary: 'Verify and remember seats for a checkout session (SeatLock)',
    body: LockSeatsRequestSchema,
    ok: { description: 'Seats verified and remembered for the token.', type: LockSeatsResponseSchema },
    errors: [404, 413, 415, 422],
  })
  lock(
    @CurrentClient() client: ClientSnapshot,
    @Body() body: unknown,
    @Query() query: Record<string, unknown>,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<SeatLockResponse> {
    reply.header('cache-control', 'no-store');
    assertFunnelQuery(query, this.config.supportedCurrencies);
    return this.seatLock.execute(client, body);
  }
}
