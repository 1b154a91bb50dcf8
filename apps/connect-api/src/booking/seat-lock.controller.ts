import { Body, Controller, HttpCode, Post, Query, Res } from '@nestjs/common';
import type { FastifyReply } from 'fastify';
import { AppConfig } from '../platform/config/app-config';
import { CurrentClient } from '../platform/clients/current-client.decorator';
import type { ClientSnapshot } from '../platform/clients/client-snapshot';
import type { SeatLockResponse } from './seat-lock/seat-lock.mapper';
import { assertFunnelQuery } from './dto/funnel-query';
import { SeatLockService } from './seat-lock/seat-lock.service';

/** SeatLock (client-api.md §4.5). */
@Controller()
export class SeatLockController {
  constructor(
    private readonly seatLock: SeatLockService,
    private readonly config: AppConfig,
  ) {}

  @Post('v1/:client_id/seats')
  @HttpCode(200)
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
