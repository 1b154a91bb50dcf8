import { Module } from '@nestjs/common';
import { BookingIdsModule } from '../booking-ids/booking-ids.module';
import { BookingOwnerModule } from '../booking-owner/booking-owner.module';
import { IdsModule } from '../ids/ids.module';
import { BookingAccessService } from './booking-access.service';
import { PostBookingController } from './post-booking.controller';
import { PostBookingService } from './post-booking.service';

/** GetBookingDetails, GetTicket, CancelBooking (docs/contract/endpoints.md#getbookingdetails, docs/contract/endpoints.md#getticket, docs/contract/endpoints.md#cancelbooking). */
@Module({
  imports: [BookingIdsModule, BookingOwnerModule, IdsModule],
  controllers: [PostBookingController],
  providers: [BookingAccessService, PostBookingService],
  exports: [BookingAccessService],
})
export class PostBookingModule {}
