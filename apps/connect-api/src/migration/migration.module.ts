import { Module } from '@nestjs/common';
import { RecordingSampler } from './recording/recording-sampler';
import { RequestRecorder } from './recording/request-recorder';
import { LegacyProxy } from './routing/legacy-proxy';
import { MigrationRouter } from './routing/migration-router';
import { ShadowMarker } from './shadow/shadow-marker';
import { ShadowReportController } from './shadow/shadow-report.controller';
import { ShadowReportStore } from './shadow/shadow-report.store';
import { ShadowRunner } from './shadow/shadow-runner';

/** Moving partners from the legacy system: per-client routing, shadow comparison, recording (docs/migration.md). */
@Module({
  controllers: [ShadowReportController],
  providers: [
    LegacyProxy,
    MigrationRouter,
    ShadowMarker,
    ShadowRunner,
    ShadowReportStore,
    RequestRecorder,
    RecordingSampler,
  ],
})
export class MigrationModule {}
