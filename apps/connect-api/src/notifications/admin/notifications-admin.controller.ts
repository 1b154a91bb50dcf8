import { Body, Controller, Delete, Get, HttpCode, Param, Post, Query, Req, UseGuards } from '@nestjs/common';
import type { FastifyRequest } from 'fastify';
import { ContractError } from '../../platform/errors/contract-error';
import { AdminGuard } from '../../platform/admin/admin.guard';
import { DeadLettersService } from './dead-letters.service';
import { BulkReplayDto, DeadLetterQueryDto, ReplayQueryDto } from './dto/dead-letter-query.dto';

const JOB_ID = /^(in-[0-9A-Za-z_-]{1,200}|evt_[0-9a-f]{32})$/;

function jobIdOf(raw: string): string {
  if (!JOB_ID.test(raw)) throw new ContractError('not_found', 'No such notification job.');
  return raw;
}

/**
 * docs/operations.md#admin-api notification admin routes (DTOs validated by the global contract pipe). Authentication,
 * the 10 req/s limit and the audit line come from the platform's `/admin/**` hook; AdminGuard re-checks.
 */
@Controller('admin/notifications')
@UseGuards(AdminGuard)
export class NotificationsAdminController {
  constructor(private readonly deadLetters: DeadLettersService) {}

  @Get('stats')
  stats() {
    return this.deadLetters.stats();
  }

  @Get('dead-letters')
  list(@Query() q: DeadLetterQueryDto) {
    return this.deadLetters.list(
      { queue: q.queue, clientId: q.client_id, reason: q.reason },
      q.limit,
      Number(q.cursor ?? 0),
    );
  }

  @Get('jobs/:job_id')
  inspect(@Param('job_id') jobId: string) {
    return this.deadLetters.inspect(jobIdOf(jobId));
  }

  @Post('dead-letters/replay')
  @HttpCode(200)
  replayMany(@Body() body: BulkReplayDto, @Req() req: FastifyRequest) {
    const filter = {
      queue: body.queue,
      clientId: body.client_id,
      reason: body.reason,
      sinceMs: body.since ? Date.parse(body.since) : undefined,
    };
    return this.deadLetters.replayMany(filter, body.limit, req.ip);
  }

  @Post('dead-letters/:job_id/replay')
  @HttpCode(202)
  replay(@Param('job_id') jobId: string, @Query() q: ReplayQueryDto, @Req() req: FastifyRequest) {
    return this.deadLetters.replay(jobIdOf(jobId), q.refresh === 'true', req.ip);
  }

  @Delete('dead-letters/:job_id')
  @HttpCode(204)
  async discard(@Param('job_id') jobId: string, @Req() req: FastifyRequest): Promise<void> {
    await this.deadLetters.discard(jobIdOf(jobId), req.ip);
  }
}
