import { Body, Controller, HttpCode, Inject, Param, Post, UseGuards } from '@nestjs/common';
import type { TwelveGoConfirmResponse, TwelveGoReserveResponse } from '@app/twelvego-client';
import { SANDBOX_CONFIG, SandboxApiKey, SandboxConfig } from '../config/sandbox-config';
import { BookingService } from '../booking/booking.service';
import { Agent, ApiKeyGuard } from '../http/api-key.guard';
import { AbortableSleeps } from '../http/sandbox-hooks';
import { internalServerError } from '../http/upstream-error';

/** docs/upstream-12go.md#reserve reserve and docs/upstream-12go.md#confirm confirm (with scenarios CNFSLO and CNF500). */
@Controller()
@UseGuards(ApiKeyGuard)
export class ReserveController {
  constructor(
    @Inject(SANDBOX_CONFIG) private readonly config: SandboxConfig,
    private readonly bookings: BookingService,
    private readonly sleeps: AbortableSleeps,
  ) {}

  @Post('reserve/:cartId')
  @HttpCode(200)
  reserve(
    @Agent() agent: SandboxApiKey,
    @Param('cartId') cartId: string,
    @Body() body: unknown,
  ): TwelveGoReserveResponse {
    const cart = this.bookings.getCart(agent, cartId);
    const booking = this.bookings.reserve(agent, cart, body);
    return { bid: String(booking.bid) };
  }

  /** The state change happens first; CNF500 then fails and CNFSLO answers late ("failed/slow but done"). */
  @Post('confirm/:bid')
  @HttpCode(200)
  async confirm(@Agent() agent: SandboxApiKey, @Param('bid') bid: string): Promise<TwelveGoConfirmResponse> {
    const booking = this.bookings.getBooking(agent, bid);
    this.bookings.confirm(booking);
    const scenario = this.bookings.bookingDeparture(booking).plan.scenario;
    if (scenario === 'CNF500') throw internalServerError();
    if (scenario === 'CNFSLO') await this.sleeps.sleep(this.config.slowConfirmMs);
    return { bid: booking.bid };
  }
}
