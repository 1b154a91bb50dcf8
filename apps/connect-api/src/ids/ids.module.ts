import { Logger, Module } from '@nestjs/common';
import { AppConfig } from '../platform/config/app-config';
import { IdMapping } from './id-mapping';
import { loadIdMapping } from './id-mapping.loader';

/** Provides the station/POI/operator `IdMapping` loaded once from `ID_MAP_DIR` (identity when unset). */
@Module({
  providers: [
    {
      provide: IdMapping,
      inject: [AppConfig],
      useFactory: (config: AppConfig): IdMapping => {
        const mapping = loadIdMapping(config.ID_MAP_DIR);
        const logger = new Logger('IdMapping');
        for (const warning of mapping.warnings) logger.warn(warning);
        if (config.ID_MAP_DIR) logger.log(`id mapping loaded: ${JSON.stringify(mapping.sizes)}`);
        return mapping;
      },
    },
  ],
  exports: [IdMapping],
})
export class IdsModule {}
