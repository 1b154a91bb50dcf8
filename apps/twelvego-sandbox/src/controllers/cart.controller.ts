import { Body, Controller, Get, Header, HttpCode, Param, Post, Query, UseGuards } from '@nestjs/common';
import type { TwelveGoCartDetailsResponse } from '@app/twelvego-client';
import type { SandboxApiKey } from '../config/sandbox-config';
import { formatDateTime, parseGodate, parsePathDateTime } from '../core/local-time';
import { BookingService } from '../booking/booking.service';
import { Agent, ApiKeyGuard } from '../http/api-key.guard';
import { Query as Q, parseSeats } from '../http/params';
import { fieldErrors, notFound } from '../http/upstream-error';
import { DEPARTURE_PLANS } from '../trips/departure-plan';
import { TripCatalogService } from '../trips/trip-catalog.service';

/** docs/upstream-12go.md#carts — carts. Add-to-cart answers the cart id as a bare JSON string. */
@Controller()
@UseGuards(ApiKeyGuard)
export class CartController {
  constructor(
    private readonly catalog: TripCatalogService,
    private readonly bookings: BookingService,
  ) {}

  @Post('cart/:tripId/:datetime')
  @HttpCode(200)
  @Header('Content-Type', 'application/json; charset=utf-8')
  addByTrip(
    @Agent() agent: SandboxApiKey,
    @Param('tripId') tripId: string,
    @Param('datetime') datetime: string,
    @Query() query: Q,
  ): string {
    const errors: Record<string, string> = {};
    const dep = parsePathDateTime(datetime);
    if (dep === null) errors.datetime = 'Invalid date-time, expected yyyy-MM-dd-HH-mm-ss';
    const seats = parseSeats(query);
    if (seats === null) errors.seats = 'Seats must be an integer between 1 and 20';
    if (dep === null || seats === null) throw fieldErrors(400, errors, 'Invalid cart parameters');
    const d = this.catalog.findDeparture(tripId, dep);
    if (!d) throw notFound('Trip');
    return JSON.stringify(this.bookings.addToCart(agent, d, seats));
  }

  @Post('cart')
  @HttpCode(200)
  @Header('Content-Type', 'application/json; charset=utf-8')
  addByBody(@Agent() agent: SandboxApiKey, @Body() body: unknown, @Query() query: Q): string {
    const b = (body && typeof body === 'object' && !Array.isArray(body) ? body : {}) as Record<
      string,
      unknown
    >;
    const errors: Record<string, string> = {};
    const intField = (name: string) => {
      const v = b[name];
      if (typeof v !== 'number' || !Number.isInteger(v) || v <= 0) errors[name] = 'Required positive integer';
      return v as number;
    };
    const fromId = intField('from_id');
    const toId = intField('to_id');
    const operatorId = intField('operator_id');
    const classId = intField('class_id');
    if (typeof b.duration !== 'number' || !Number.isInteger(b.duration)) errors.duration = 'Required integer';
    const official = b.official_id;
    if (official !== undefined && official !== null && typeof official !== 'string')
      errors.official_id = 'Must be a string or null';
    const godate = typeof b.godate === 'string' ? parseGodate(b.godate) : null;
    if (godate === null) errors.godate = 'Required date-time (yyyy-MM-dd HH:mm:ss)';
    const seats = parseSeats(query);
    if (seats === null) errors.seats = 'Seats must be an integer between 1 and 20';
    if (Object.keys(errors).length || godate === null || seats === null)
      throw fieldErrors(400, errors, 'Invalid cart request');

    const godateText = formatDateTime(godate);
    const plan = DEPARTURE_PLANS.find((p) => {
      const first = p.seed.segments[0];
      const last = p.seed.segments[p.seed.segments.length - 1];
      if (first.type !== 'route' || last.type !== 'route') return false;
      if (
        first.from !== fromId ||
        last.to !== toId ||
        p.firstOperator.id !== operatorId ||
        p.firstClass.id !== classId
      )
        return false;
      if (typeof official === 'string' && first.officialId !== official) return false;
      return p.time === godateText.slice(11, 16);
    });
    const d = plan ? this.catalog.findDeparture(plan.tripKey, godate) : null;
    if (!d) throw notFound('Trip');
    return JSON.stringify(this.bookings.addToCart(agent, d, seats));
  }

  @Get('cart/:cartId')
  details(@Agent() agent: SandboxApiKey, @Param('cartId') cartId: string): TwelveGoCartDetailsResponse {
    const cart = this.bookings.getCart(agent, cartId);
    const d = this.bookings.cartDeparture(cart);
    return { cart: [{ trip_key: cart.tripKey, godate: d.depText }] };
  }
}
