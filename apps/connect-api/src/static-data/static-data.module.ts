import { Module } from '@nestjs/common';
import { IdsModule } from '../ids/ids.module';
import { SeatClassImagesModule } from '../seat-class-images/seat-class-images.module';
import { CatalogRefreshService } from './catalog-refresh.service';
import { StaticDataAdminController } from './static-data-admin.controller';
import { StaticDataController } from './static-data.controller';
import { StaticDataService } from './static-data.service';
import { StaticDocumentController } from './static-document.controller';
import { StaticDataStore } from './store/static-data.store';

/** Stations, operating carriers and POIs from a refreshed catalogue (issue 6, docs/contract/endpoints.md#master-data). */
@Module({
  imports: [IdsModule, SeatClassImagesModule],
  controllers: [StaticDataController, StaticDocumentController, StaticDataAdminController],
  providers: [StaticDataStore, CatalogRefreshService, StaticDataService],
  exports: [CatalogRefreshService],
})
export class StaticDataModule {}
