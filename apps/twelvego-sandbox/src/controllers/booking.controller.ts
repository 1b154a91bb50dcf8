import { Body, Controller, Get, HttpCode, Param, Post, UseGuards } from '@nestjs/common';
import type {
  TwelveGoBookingDetails,
  TwelveGoRefundOptionsResponse,
  TwelveGoRefundResponse,
} from '@app/twelvego-client';
import type { SandboxApiKey } from '../config/sandbox-config';
import { BookingService } from '../booking/booking.service';
import { RefundService } from '../booking/refund.service';
import { bookingDetailsJson } from '../booking/booking-view';
import { Agent, ApiKeyGuard } from '../http/api-key.guard';

/** docs/upstream-12go.md#booking-details booking details, docs/upstream-12go.md#refunds refund options, docs/upstream-12go.md#refunds refund. */
@Controller()
@UseGuards(ApiKeyGuard)
export class BookingController {
  constructor(
    private readonly bookings: BookingService,
    private readonly refunds: RefundService,
  ) {}

  @Get('booking/:bid')
  details(@Agent() agent: SandboxApiKey, @Param('bid') bid: string): TwelveGoBookingDetails {
    return bookingDetailsJson(this.bookings.getBooking(agent, bid));
  }

  @Get('booking/:bid/refund-options')
  refundOptions(@Agent() agent: SandboxApiKey, @Param('bid') bid: string): TwelveGoRefundOptionsResponse {
    return this.refunds.refundOptions(this.bookings.getBooking(agent, bid));
  }

  @Post('booking/:bid/refund')
  @HttpCode(200)
  refund(
    @Agent() agent: SandboxApiKey,
    @Param('bid') bid: string,
    @Body() body: unknown,
  ): TwelveGoRefundResponse {
    return this.refunds.refund(this.bookings.getBooking(agent, bid), body);
  }
}
