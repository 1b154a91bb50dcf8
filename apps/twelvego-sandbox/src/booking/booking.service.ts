import { Inject, Injectable } from '@nestjs/common';
import { SANDBOX_CONFIG, SandboxApiKey, SandboxConfig } from '../config/sandbox-config';
import { SeatAmounts, convertCents, convertSeatAmounts, seatAmountsFromNet } from '../core/money';
import { SandboxClock } from '../core/sandbox-clock';
import { TimerScheduler } from '../core/timer-scheduler';
import { CheckoutService } from '../checkout/checkout.service';
import { validateReserve } from '../checkout/reserve-validator';
import {
  UpstreamError,
  fieldErrors,
  internalServerError,
  notFound,
  tripUnavailable,
} from '../http/upstream-error';
import { MAGIC_LAST_NAMES } from '../catalog/scenario-guide';
import { Booking, Cart, SandboxState } from '../state/sandbox-state';
import { planByTripKey } from '../trips/departure-plan';
import type { DatedDeparture } from '../trips/dated-departure';
import { TripCatalogService } from '../trips/trip-catalog.service';
import { WebhookSenderService } from '../webhooks/webhook-sender.service';
import { FIRST_BID, cartId, ticketUrl, trackerFor } from './booking-ids';
import { webhookSnapshot, webhookTypeFor } from './booking-view';

/** Carts, reservations, confirmations and their timers (docs/upstream-12go.md). */
@Injectable()
export class BookingService {
  constructor(
    @Inject(SANDBOX_CONFIG) private readonly config: SandboxConfig,
    private readonly clock: SandboxClock,
    private readonly scheduler: TimerScheduler,
    private readonly state: SandboxState,
    private readonly catalog: TripCatalogService,
    private readonly checkout: CheckoutService,
    private readonly webhooks: WebhookSenderService,
  ) {}

  // ── carts ────────────────────────────────────────────────────────────────

  /** docs/upstream-12go.md#carts: checks sellability and creates a cart; 400 "Trip is no longer available" otherwise. */
  addToCart(agent: SandboxApiKey, d: DatedDeparture, seats: number): string {
    const scenario = d.plan.scenario;
    if (scenario === 'GONE40') throw notFound('Trip');
    if (scenario === 'CART40') {
      throw tripUnavailable(
        400,
        this.catalog.errorProduct(d),
        d.plan.routeName,
        'The operator no longer sells this departure',
      );
    }
    const { reason, available } = this.catalog.sellability(d, seats);
    if (reason !== '') {
      const message =
        reason === 'sold_out'
          ? 'Sold out'
          : reason === 'not_enough_seats'
            ? `Only ${available} seats left, ${seats} requested`
            : 'Sales for this departure are closed';
      throw tripUnavailable(400, this.catalog.errorProduct(d), d.plan.routeName, message);
    }
    let n = this.state.cartsCreated + 1;
    let id = cartId(this.state.seed, this.config.idBase + n);
    while (this.state.carts.has(id)) id = cartId(this.state.seed, this.config.idBase + ++n);
    this.state.cartsCreated = n;
    const snapshot: SeatAmounts = seatAmountsFromNet(d.validatedNetCents, d.plan.agfeeRate);
    this.state.carts.set(id, {
      id,
      apiKey: agent.key,
      tripKey: d.plan.tripKey,
      date: d.date,
      seats,
      priceSnapshot: snapshot,
      createdAtMs: this.clock.nowMs(),
    });
    return id;
  }

  /** A live cart of this key; 404 when unknown, expired or another key's (docs/upstream-12go.md#authentication-and-key-scoping, docs/upstream-12go.md#carts). */
  getCart(agent: SandboxApiKey, id: string): Cart {
    const cart = this.state.carts.get(id);
    if (
      !cart ||
      cart.apiKey !== agent.key ||
      this.clock.nowMs() >= cart.createdAtMs + this.config.cartTtlS * 1000
    )
      throw notFound('Cart');
    return cart;
  }

  cartDeparture(cart: Cart): DatedDeparture {
    const plan = planByTripKey.get(cart.tripKey);
    if (!plan) throw notFound('Cart');
    return this.catalog.departure(plan, cart.date);
  }

  // ── reserve ──────────────────────────────────────────────────────────────

  reserve(agent: SandboxApiKey, cart: Cart, body: unknown): Booking {
    if (cart.reservedBid !== undefined) {
      throw new UpstreamError(409, {
        messages: ['Cart has already been reserved'],
        data: { bid: cart.reservedBid },
      });
    }
    if (body === null || typeof body !== 'object' || Array.isArray(body)) {
      throw new UpstreamError(400, { messages: ['Request body must be a JSON object'] });
    }
    const d = this.cartDeparture(cart);
    const scenario = d.plan.scenario;
    const { spec, seatMap } = this.checkout.build(d, cart.seats, cart.seats, agent.currency);
    const result = validateReserve({
      body: body as Record<string, unknown>,
      spec,
      cartSeats: cart.seats,
      tripKey: d.plan.tripKey,
      seatMap,
    });
    if (result.kind === 'bad_request') throw fieldErrors(400, result.fields, 'Malformed request body');
    if (result.kind === 'invalid')
      throw fieldErrors(422, result.fields, 'Please correct the highlighted fields');

    if (scenario === 'RSV500') throw internalServerError();
    const { reason, available } = this.catalog.sellability(d, cart.seats);
    if (scenario === 'RSVTNA' || this.catalog.hasDeparted(d) || reason !== '') {
      const message =
        scenario === 'RSVTNA'
          ? 'The operator rejected the reservation'
          : reason === 'sales_closed'
            ? 'Sales for this departure are closed'
            : `Only ${available} seats left, ${cart.seats} requested`;
      throw tripUnavailable(422, this.catalog.errorProduct(d), d.plan.routeName, message);
    }

    const v = result.value;
    const bid = FIRST_BID + this.config.idBase + this.state.reservesMade;
    this.state.reservesMade++;
    const factor = scenario === 'RSVPRC' ? 1.05 : 1;
    const perSeat = convertSeatAmounts(
      {
        net: Math.round(cart.priceSnapshot.net * factor),
        sysfee: Math.round(cart.priceSnapshot.sysfee * factor),
        agfee: Math.round(cart.priceSnapshot.agfee * factor),
      },
      agent.currency,
    );
    const lastName = String(v.passengers[0]?.last_name ?? '').toUpperCase();
    const now = this.clock.nowMs();
    const booking: Booking = {
      bid,
      apiKey: agent.key,
      cartId: cart.id,
      tripKey: d.plan.tripKey,
      date: d.date,
      fromId: d.plan.from,
      toId: d.plan.to,
      depText: d.depText,
      seats: cart.seats,
      status: 'pending_client_confirmation',
      tracker: trackerFor(bid),
      passengers: v.passengers,
      contact: v.contact,
      otherFields: v.other,
      seatsAssigned: v.seatsAssigned,
      extras: v.extras,
      amounts: {
        currency: agent.currency,
        net: perSeat.net * cart.seats,
        sysfee: perSeat.sysfee * cart.seats,
        agfee: perSeat.agfee * cart.seats,
        extras: v.extras.reduce((sum, e) => sum + convertCents(e.amountThbCents, agent.currency), 0),
      },
      createdOn: Math.floor(now / 1000),
      stamp: Math.floor(now / 1000),
      confirmedAtMs: null,
      ticketUrl: null,
      usedRefundHashes: new Set(),
      magicLastName: MAGIC_LAST_NAMES.has(lastName) ? lastName : null,
      timers: [],
    };
    this.state.addBooking(booking);
    cart.reservedBid = bid;
    booking.timers.push(
      this.scheduler.schedule(this.config.reservationTtlS * 1000, `hold-expiry:${bid}`, () => {
        if (booking.status === 'pending_client_confirmation') this.transition(booking, 'expired');
      }),
    );
    return booking;
  }

  // ── bookings ─────────────────────────────────────────────────────────────

  getBooking(agent: SandboxApiKey, bidText: string): Booking {
    const booking = /^\d{1,15}$/.test(bidText) ? this.state.bookings.get(Number(bidText)) : undefined;
    if (!booking || booking.apiKey !== agent.key) throw notFound('Booking');
    return booking;
  }

  bookingDeparture(b: Booking): DatedDeparture {
    const plan = planByTripKey.get(b.tripKey);
    if (!plan) throw new Error(`booking ${b.bid} has an unknown trip`);
    return this.catalog.departure(plan, b.date);
  }

  /** docs/upstream-12go.md#confirm + scenarios: instant → confirmed, otherwise pending and the operator answers after the confirm delay. */
  confirm(b: Booking): void {
    if (b.status === 'pending' || b.status === 'confirmed')
      throw new UpstreamError(409, { messages: ['Booking is already confirmed'] });
    if (b.status !== 'pending_client_confirmation')
      throw new UpstreamError(422, { messages: ['Booking cannot be confirmed'] });
    const d = this.bookingDeparture(b);
    const scenario = d.plan.scenario;
    const declines = scenario === 'PENDFL' || b.magicLastName === 'SANDBOXDECLINE';
    const viaPending =
      d.plan.confirmationTime > 0 ||
      b.magicLastName === 'SANDBOXPENDING' ||
      b.magicLastName === 'SANDBOXDECLINE';
    b.timers.forEach((t) => this.scheduler.cancel(t));
    b.timers = [];
    if (!viaPending) {
      this.confirmNow(b, scenario);
      return;
    }
    this.transition(b, 'pending');
    b.timers.push(
      this.scheduler.schedule(this.config.confirmDelayMs, `operator-answer:${b.bid}`, () => {
        if (b.status !== 'pending') return;
        if (declines) this.transition(b, 'declined');
        else this.confirmNow(b, scenario);
      }),
    );
  }

  private confirmNow(b: Booking, scenario: string | undefined): void {
    this.transition(b, 'confirmed');
    if (scenario === 'OPCANC' || b.magicLastName === 'SANDBOXCANCEL') {
      b.timers.push(
        this.scheduler.schedule(this.config.confirmDelayMs, `operator-cancel:${b.bid}`, () => {
          if (b.status === 'confirmed') this.transition(b, 'cancelled');
        }),
      );
    }
  }

  /** Any status change: stamp, side effects, one webhook (docs/upstream-12go.md#booking-lifecycle, docs/upstream-12go.md#webhook-from-12go). */
  transition(b: Booking, status: string, type?: string): void {
    const previous = webhookSnapshot(b);
    const now = this.clock.nowMs();
    b.status = status;
    b.stamp = Math.floor(now / 1000);
    if (status === 'confirmed') {
      b.confirmedAtMs = b.confirmedAtMs ?? now;
      b.ticketUrl = ticketUrl(this.config.publicUrl, this.config.secret, b.bid);
    } else {
      b.ticketUrl = null;
    }
    if (status === 'cancelled' || status === 'declined' || status === 'expired') {
      b.timers.forEach((t) => this.scheduler.cancel(t));
      b.timers = [];
    }
    this.webhooks.enqueue(b.apiKey, {
      bid: b.bid,
      type: type ?? webhookTypeFor(status),
      stamp: b.stamp,
      new_data: webhookSnapshot(b),
      previous_data: previous,
    });
  }

  /** Admin resend of the current state (duplicate-delivery tests). */
  resendWebhook(b: Booking, type: string): void {
    const snapshot = webhookSnapshot(b);
    this.webhooks.enqueue(b.apiKey, {
      bid: b.bid,
      type,
      stamp: b.stamp,
      new_data: snapshot,
      previous_data: snapshot,
    });
  }
}
