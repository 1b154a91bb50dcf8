import { Module } from '@nestjs/common';
import { BookingIdResolver } from './booking-id.resolver';
import { LegacyBookingMapService } from './legacy-booking-map.service';

/** Booking ids (booking-schema.md §8): inbound resolution and the legacy map's reverse lookup. */
@Module({
  providers: [LegacyBookingMapService, BookingIdResolver],
  exports: [LegacyBookingMapService, BookingIdResolver],
})
export class BookingIdsModule {}
