import type { TwelveGoBookingStatus } from '@app/twelvego-client';
import type { SeatAmounts } from '../core/money';

/** In-memory state of docs/upstream-12go.md#state-and-timers; everything here is cleared by `POST /__sandbox/reset`. */

export interface Cart {
  id: string;
  apiKey: string;
  tripKey: string;
  date: string;
  seats: number;
  /** Per-seat amounts frozen at add-to-cart, THB cents. */
  priceSnapshot: SeatAmounts;
  createdAtMs: number;
  reservedBid?: number;
}

export interface BookingExtra {
  field: string;
  passenger: number | null;
  value: string;
  /** THB cents. */
  amountThbCents: number;
}

export interface BookingAmounts {
  currency: string;
  /** Totals in account-currency cents; `net` excludes extras. */
  net: number;
  sysfee: number;
  agfee: number;
  extras: number;
}

export interface Booking {
  bid: number;
  apiKey: string;
  cartId: string;
  tripKey: string;
  date: string;
  fromId: number;
  toId: number;
  depText: string;
  seats: number;
  status: TwelveGoBookingStatus;
  tracker: string;
  passengers: Array<Record<string, string | number | boolean>>;
  contact: Record<string, string>;
  otherFields: Record<string, string | number | boolean>;
  seatsAssigned: string[];
  extras: BookingExtra[];
  amounts: BookingAmounts;
  createdOn: number;
  stamp: number;
  confirmedAtMs: number | null;
  ticketUrl: string | null;
  usedRefundHashes: Set<string>;
  magicLastName: string | null;
  timers: number[];
}

export interface RecheckGroup {
  key: string;
  state: 'unvalidated' | 'checking' | 'validated';
  validatedUntilMs: number;
  waiters: Array<() => void>;
}

/** Statuses that hold seats (docs/upstream-12go.md#seed-data-and-trips). */
export const HOLDING_STATUSES = new Set<string>(['pending_client_confirmation', 'pending', 'confirmed']);

export class SandboxState {
  seed: number;
  carts = new Map<string, Cart>();
  bookings = new Map<number, Booking>();
  bookingsByDeparture = new Map<string, Set<number>>();
  rechecks = new Map<string, RecheckGroup>();
  webhookTargets = new Map<string, string | null>();
  cartsCreated = 0;
  reservesMade = 0;
  /** Incremented by every reset, so per-run streams (latency) restart. */
  epoch = 0;

  constructor(seed: number) {
    this.seed = seed;
  }

  reset(seed: number): void {
    this.seed = seed;
    this.epoch++;
    this.carts.clear();
    this.bookings.clear();
    this.bookingsByDeparture.clear();
    this.rechecks.clear();
    this.webhookTargets.clear();
    this.cartsCreated = 0;
    this.reservesMade = 0;
  }

  static departureKey(tripKey: string, date: string): string {
    return `${tripKey}|${date}`;
  }

  addBooking(b: Booking): void {
    this.bookings.set(b.bid, b);
    const key = SandboxState.departureKey(b.tripKey, b.date);
    const set = this.bookingsByDeparture.get(key) ?? new Set<number>();
    set.add(b.bid);
    this.bookingsByDeparture.set(key, set);
  }

  private holdingBookings(tripKey: string, date: string): Booking[] {
    const bids = this.bookingsByDeparture.get(SandboxState.departureKey(tripKey, date));
    if (!bids) return [];
    return [...bids]
      .map((bid) => this.bookings.get(bid))
      .filter((b): b is Booking => !!b && HOLDING_STATUSES.has(b.status));
  }

  /** Seats held by sandbox bookings of a departure. */
  heldSeats(tripKey: string, date: string): number {
    return this.holdingBookings(tripKey, date).reduce((sum, b) => sum + b.seats, 0);
  }

  /** Seat ids taken by sandbox bookings of a departure. */
  takenSeatIds(tripKey: string, date: string): Set<string> {
    return new Set(this.holdingBookings(tripKey, date).flatMap((b) => b.seatsAssigned));
  }
}
