import { Module } from '@nestjs/common';
import { BookingOwnerStore } from './booking-owner.store';
import { BookingOwnershipService } from './booking-ownership.service';

/** Exports `BookingOwnerStore` and `BookingOwnershipService`; needs the global platform (Redis, config). */
@Module({
  providers: [BookingOwnerStore, BookingOwnershipService],
  exports: [BookingOwnerStore, BookingOwnershipService],
})
export class BookingOwnerModule {}
