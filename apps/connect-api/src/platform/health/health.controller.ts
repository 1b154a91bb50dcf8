import { Controller, Get, Res } from '@nestjs/common';
import type { FastifyReply } from 'fastify';
import { ReadinessService } from './readiness.service';

/** docs/operations.md#health-endpoints (no auth, not access-logged). */
@Controller('health')
export class HealthController {
  constructor(private readonly readiness: ReadinessService) {}

  @Get('live')
  live(): { status: 'ok' } {
    return { status: 'ok' };
  }

  @Get('ready')
  async ready(@Res() reply: FastifyReply): Promise<void> {
    const { httpStatus, report } = await this.readiness.report();
    await reply.status(httpStatus).header('cache-control', 'no-store').send(report);
  }
}
