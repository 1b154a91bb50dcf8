import { Module } from '@nestjs/common';
import { BookingIdResolver } from './booking-id.resolver';
import { LegacyBookingMapService } from './legacy-booking-map.service';

/** Booking ids (docs/contract/ids.md#booking-ids): inbound resolution and the legacy map's reverse lookup. */
@Module({
  providers: [LegacyBookingMapService, BookingIdResolver],
  exports: [LegacyBookingMapService, BookingIdResolver],
})
export class BookingIdsModule {}
