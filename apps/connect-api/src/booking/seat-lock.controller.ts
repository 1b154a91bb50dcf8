import { Body, Controller, HttpCode, Post, Res } from '@nestjs/common';
import type { FastifyReply } from 'fastify';
import { CurrentClient } from '../platform/clients/current-client.decorator';
import type { ClientSnapshot } from '../platform/clients/client-snapshot';
import type { SeatLockResponse } from './seat-lock/seat-lock.mapper';
import { SeatLockService } from './seat-lock/seat-lock.service';

/** SeatLock (client-api.md §4.5). */
@Controller()
export class SeatLockController {
  constructor(private readonly seatLock: SeatLockService) {}

  @Post('v1/:client_id/seats')
  @HttpCode(200)
  lock(
    @CurrentClient() client: ClientSnapshot,
    @Body() body: unknown,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<SeatLockResponse> {
    reply.header('cache-control', 'no-store');
    return this.seatLock.execute(client, body);
  }
}
