import { Controller, Get, Query, UseGuards } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import { AdminGuard } from '../../platform/admin/admin.guard';
import { AppConfig } from '../../platform/config/app-config';
import { ContractError } from '../../platform/errors/contract-error';
import { ShadowReportQueryDto } from './shadow-report.query.dto';
import { ShadowReportStore } from './shadow-report.store';

const DAY_MS = 24 * 3600 * 1000;

/** `GET /admin/shadow/report`: the most frequent differences of shadowed answers (docs/migration.md). */
@ApiExcludeController()
@Controller('admin/shadow')
@UseGuards(AdminGuard)
export class ShadowReportController {
  constructor(
    private readonly store: ShadowReportStore,
    private readonly config: AppConfig,
  ) {}

  @Get('report')
  async report(@Query() query: ShadowReportQueryDto) {
    const now = Date.now();
    const since = query.since ? new Date(query.since) : new Date(now - DAY_MS);
    if (since.getTime() > now)
      throw new ContractError('validation_error', 'since must not be in the future.', {
        details: [{ field: 'since', reason: 'out_of_range', message: 'since must not be in the future.' }],
      });
    const oldest = now - this.config.SHADOW_REPORT_TTL_S * 1000;
    const from = new Date(Math.max(since.getTime(), oldest));
    const endpoints = await this.store.report(query.client_id, from, new Date(now));
    return {
      client_id: query.client_id,
      since: from.toISOString(),
      until: new Date(now).toISOString(),
      endpoints,
    };
  }
}
