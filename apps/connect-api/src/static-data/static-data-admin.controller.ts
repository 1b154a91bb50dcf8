import { Controller, HttpCode, Post, UseGuards } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import { AdminGuard } from '../platform/admin/admin.guard';
import { CatalogRefreshService, type RefreshOutcome } from './catalog-refresh.service';
import { StaticDataStore } from './store/static-data.store';

/**
 * `POST /admin/static-data/refresh`: fetches the catalogue and publishes it now (under the build lock),
 * e.g. after Redis lost its data. Authentication, rate limit and audit line come from the platform's
 * `/admin/**` hook; AdminGuard re-checks.
 */
@ApiExcludeController()
@Controller('admin/static-data')
@UseGuards(AdminGuard)
export class StaticDataAdminController {
  constructor(
    private readonly refresh: CatalogRefreshService,
    private readonly store: StaticDataStore,
  ) {}

  @Post('refresh')
  @HttpCode(200)
  async refreshNow(): Promise<{
    outcome: RefreshOutcome;
    static_version: string | null;
    last_error: string | null;
  }> {
    const outcome = await this.refresh.refreshNow(true);
    const version = await this.store.currentVersion().catch(() => null);
    return {
      outcome,
      static_version: version,
      last_error: outcome === 'failed' ? this.refresh.stats.lastError : null,
    };
  }
}
