/* eslint-disable @typescript-eslint/no-explicit-any -- JSON bodies of the API are walked dynamically */
import type { TestStack } from '../../support/stack';
import {
  FunnelClient,
  fillBookingData,
  scenarioItineraryId,
  travelDate,
} from '../../booking/support/funnel.helpers';

/**
 * Preparation steps shared by the reliability suites: real funnel calls through the BFF (no faults active)
 * that leave an itinerary, a booking token, a reserved or a confirmed booking to aim a fault at.
 */
export class FunnelFixtures {
  readonly api: FunnelClient;
  private date?: string;
  private opened_ = 0;

  constructor(readonly stack: TestStack) {
    this.api = new FunnelClient(stack);
  }

  async travelDate(): Promise<string> {
    this.date ??= await travelDate(this.stack);
    return this.date;
  }

  /** An instant-confirm, refundable scenario trip (docs/upstream-12go.md#scenario-trips OKINST). */
  /**
   * An instant-confirm, refundable scenario trip (docs/upstream-12go.md#scenario-trips OKINST). Each call moves to the next
   * of 30 travel dates: the trip has 40 seats per date, and carts and bookings hold them.
   */
  async itineraryId(): Promise<string> {
    const first = new Date(`${await this.travelDate()}T00:00:00Z`).getTime();
    const date = new Date(first + (this.opened_++ % 30) * 86_400_000).toISOString().slice(0, 10);
    return scenarioItineraryId('OKINST', date);
  }

  async opened(): Promise<{ token: string; schema: any; price: any }> {
    const res = await this.api.itinerary(await this.itineraryId());
    if (res.status !== 200)
      throw new Error(`prepare: GetItinerary → ${res.status} ${JSON.stringify(res.body)}`);
    const it0 = res.body.itineraries[0];
    return { token: it0.booking_token, schema: it0.booking_schema, price: it0.pricing.net_price };
  }

  async bookingBody(): Promise<Record<string, unknown>> {
    const { token, schema } = await this.opened();
    return { booking_token: token, booking_data: fillBookingData(schema, 1) };
  }

  async reserved(): Promise<string> {
    const res = await this.api.book(await this.bookingBody());
    if (res.status !== 200)
      throw new Error(`prepare: CreateBooking → ${res.status} ${JSON.stringify(res.body)}`);
    return res.body.id;
  }

  async confirmed(): Promise<string> {
    const id = await this.reserved();
    const res = await this.api.confirm(id);
    if (res.status !== 200 || res.body.status !== 'approved')
      throw new Error(`prepare: ConfirmBooking → ${res.status} ${JSON.stringify(res.body)}`);
    return id;
  }
}
