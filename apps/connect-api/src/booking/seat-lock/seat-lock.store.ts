import { Injectable } from '@nestjs/common';
import { AppConfig } from '../../platform/config/app-config';
import { RedisService } from '../../platform/redis/redis.service';
import { redisKeys } from '../../platform/redis/redis-keys';

/** What CreateBooking needs to know about a cart: its locked seats and whether it was already reserved. */
export interface CartFunnelState {
  seats: string[] | null;
  reservedBid: string | null;
}

/**
 * Locked seats of a cart (operations.md §3.1/§3.3, booking-schema.md §5.2): hash `schema:{cart_id}` with
 * `client_id`, `locked_seats` (JSON array of seat ids) and `locked_at`. The TTL is set when the hash is
 * created and never extended by a later lock. Seat ids only: no passenger or contact data. After a reserve
 * the locked seats are dropped and `reserved_bid` (the 12go booking id) marks the cart as consumed.
 * Redis failures surface as RedisUnavailableError (→ 503 on SeatLock; CreateBooking degrades).
 */
@Injectable()
export class SeatLockStore {
  private readonly ttlSec: number;

  constructor(
    private readonly redis: RedisService,
    config: AppConfig,
  ) {
    this.ttlSec = config.SEATLOCK_TTL_S;
  }

  private keyOf(cartId: string): string {
    return redisKeys.seatLockSchema(this.redis.keyPrefix, cartId);
  }

  async write(cartId: string, clientId: string, seats: string[], now: Date = new Date()): Promise<void> {
    const key = this.keyOf(cartId);
    await this.redis.run('seatlock.write', (c) =>
      c
        .multi()
        .hset(key, { client_id: clientId, locked_seats: JSON.stringify(seats), locked_at: now.toISOString() })
        .expire(key, this.ttlSec, 'NX')
        .exec()
        .then(throwOnFailure),
    );
  }

  /** Locked seats and the reserve marker of `cartId` for `clientId` (another client's entry counts as none). */
  async readCart(cartId: string, clientId: string): Promise<CartFunnelState> {
    const h = await this.redis.run('seatlock.read', (c) => c.hgetall(this.keyOf(cartId)));
    if (!h || h.client_id !== clientId) return { seats: null, reservedBid: null };
    return { seats: lockedSeatsOf(h), reservedBid: h.reserved_bid || null };
  }

  /** The cart was reserved as `bid`: a second CreateBooking with its token is 409 `already_reserved` at once. */
  async markReserved(cartId: string, clientId: string, bid: string): Promise<void> {
    const key = this.keyOf(cartId);
    await this.redis.run('seatlock.write', (c) =>
      c
        .multi()
        .hdel(key, 'locked_seats', 'locked_at')
        .hset(key, { client_id: clientId, reserved_bid: bid })
        .expire(key, this.ttlSec, 'NX')
        .exec()
        .then(throwOnFailure),
    );
  }
}

function throwOnFailure(results: Array<[Error | null, unknown]> | null): void {
  const failed = results?.find(([err]) => err);
  if (failed) throw failed[0];
}

function lockedSeatsOf(h: Record<string, string>): string[] | null {
  if (!h.locked_seats) return null;
  let seats: unknown;
  try {
    seats = JSON.parse(h.locked_seats);
  } catch {
    return null;
  }
  return Array.isArray(seats) && seats.every((s) => typeof s === 'string') ? seats : null;
}
