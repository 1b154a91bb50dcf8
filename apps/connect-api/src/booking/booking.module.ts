import { Module } from '@nestjs/common';
import { BookingIdsModule } from '../booking-ids/booking-ids.module';
import { BookingOwnerModule } from '../booking-owner/booking-owner.module';
import { IdsModule } from '../ids/ids.module';
import { SeatClassImagesModule } from '../seat-class-images/seat-class-images.module';
import { AsyncFlowRunner } from './async-flow/async-flow.runner';
import { IncompleteResultsService } from './async-flow/incomplete-results.service';
import { IncompleteResultsStore } from './async-flow/incomplete-results.store';
import { BookingController } from './booking.controller';
import { BookingReadback } from './funnel/booking-readback';
import { CartOfferLoader } from './funnel/cart-offer.loader';
import { CheckoutLoader } from './funnel/checkout-loader';
import { ConfirmBookingService } from './funnel/confirm-booking.service';
import { CreateBookingService } from './funnel/create-booking.service';
import { GetItineraryService } from './funnel/get-itinerary.service';
import { IncompleteResultsController } from './incomplete-results.controller';
import { ItineraryController } from './itinerary.controller';
import { SeatLockController } from './seat-lock.controller';
import { CartAccess } from './seat-lock/cart-access.service';
import { SeatLockService } from './seat-lock/seat-lock.service';
import { SeatLockStore } from './seat-lock/seat-lock.store';
import { BookingTokenService } from './token/booking-token.service';

/** The booking funnel: GetItinerary, SeatLock, CreateBooking, ConfirmBooking, IncompleteResults. */
@Module({
  imports: [IdsModule, BookingIdsModule, BookingOwnerModule, SeatClassImagesModule],
  controllers: [ItineraryController, SeatLockController, BookingController, IncompleteResultsController],
  providers: [
    BookingTokenService,
    CheckoutLoader,
    CartOfferLoader,
    BookingReadback,
    GetItineraryService,
    CreateBookingService,
    ConfirmBookingService,
    SeatLockStore,
    CartAccess,
    SeatLockService,
    IncompleteResultsStore,
    IncompleteResultsService,
    AsyncFlowRunner,
  ],
})
export class BookingModule {}
