import { Module } from '@nestjs/common';
import { BookingOwnerStore } from './booking-owner.store';
import { BookingOwnershipService } from './booking-ownership.service';
import { ReconcileWatchList } from './reconcile-watch-list';

/** Exports `BookingOwnerStore`, `BookingOwnershipService` and `ReconcileWatchList`; needs the global platform (Redis, config). */
@Module({
  providers: [BookingOwnerStore, BookingOwnershipService, ReconcileWatchList],
  exports: [BookingOwnerStore, BookingOwnershipService, ReconcileWatchList],
})
export class BookingOwnerModule {}
