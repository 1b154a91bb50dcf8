import { Module } from '@nestjs/common';
import { BookingModule } from './booking/booking.module';
import { MigrationModule } from './migration/migration.module';
import { NotificationsModule } from './notifications/notifications.module';
import { PostBookingModule } from './post-booking/post-booking.module';
import { SearchModule } from './search/search.module';
import { StaticDataModule } from './static-data/static-data.module';

/**
 * Feature modules of the BFF. The platform (config, clients, auth, errors, logging, Redis, health,
 * 12go client) is global and added by createConnectApp; each feature adds one import line + entry here.
 */
@Module({
  imports: [
    BookingModule,
    NotificationsModule,
    StaticDataModule,
    PostBookingModule,
    SearchModule,
    MigrationModule,
  ],
})
export class AppModule {}
