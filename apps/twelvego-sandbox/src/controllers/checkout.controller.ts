import { Controller, Get, Param, Query, UseGuards } from '@nestjs/common';
import type { TwelveGoCheckoutResponse } from '@app/twelvego-client';
import type { SandboxApiKey } from '../config/sandbox-config';
import { BookingService } from '../booking/booking.service';
import { CheckoutService } from '../checkout/checkout.service';
import { Agent, ApiKeyGuard } from '../http/api-key.guard';
import { Query as Q, parseSeats } from '../http/params';
import { fieldErrors, tripUnavailable } from '../http/upstream-error';
import { TripCatalogService } from '../trips/trip-catalog.service';

/** docs/upstream-12go.md#checkout — GET /checkout/{cartId}. */
@Controller()
@UseGuards(ApiKeyGuard)
export class CheckoutController {
  constructor(
    private readonly bookings: BookingService,
    private readonly checkout: CheckoutService,
    private readonly catalog: TripCatalogService,
  ) {}

  @Get('checkout/:cartId')
  checkoutSchema(
    @Agent() agent: SandboxApiKey,
    @Param('cartId') cartId: string,
    @Query() query: Q,
  ): TwelveGoCheckoutResponse {
    const cart = this.bookings.getCart(agent, cartId);
    const people = parseSeats(query, 'people', cart.seats);
    if (people === null)
      throw fieldErrors(
        400,
        { people: `People must be an integer between 1 and ${cart.seats}` },
        'Invalid checkout parameters',
      );
    const d = this.bookings.cartDeparture(cart);
    const { reason, available } = this.catalog.sellability(d, cart.seats);
    if (d.plan.scenario === 'CHKBAD' || this.catalog.hasDeparted(d) || reason !== '') {
      const message =
        d.plan.scenario === 'CHKBAD'
          ? 'Trip details changed at the operator'
          : `Only ${available} seats left, ${cart.seats} requested`;
      throw tripUnavailable(422, this.catalog.errorProduct(d), d.plan.routeName, message);
    }
    return this.checkout.build(d, cart.seats, people, agent.currency).spec.fields;
  }
}
