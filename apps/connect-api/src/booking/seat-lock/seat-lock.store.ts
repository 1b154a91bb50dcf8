import { Injectable } from '@nestjs/common';
import { AppConfig } from '../../platform/config/app-config';
import { RedisService } from '../../platform/redis/redis.service';
import { redisKeys } from '../../platform/redis/redis-keys';

/** Who a cart belongs to, from the caller's point of view. */
export type CartOwnership = 'caller' | 'other';

/** What CreateBooking needs to know about a cart: its owner, its locked seats and whether it was reserved. */
export interface CartFunnelState {
  owner: CartOwnership;
  seats: string[] | null;
  reservedBid: string | null;
}

/**
 * Claims the cart for ARGV[1] when it has no owner yet (TTL ARGV[2] s, set once), then answers
 * { owner, locked_seats, reserved_bid } — the last two only when the caller is the owner.
 */
const CLAIM_LUA = `
local owner = redis.call('HGET', KEYS[1], 'client_id')
if not owner then
  redis.call('HSET', KEYS[1], 'client_id', ARGV[1])
  redis.call('EXPIRE', KEYS[1], ARGV[2], 'NX')
  return { ARGV[1], false, false }
end
if owner ~= ARGV[1] then return { owner, false, false } end
return { owner, redis.call('HGET', KEYS[1], 'locked_seats'), redis.call('HGET', KEYS[1], 'reserved_bid') }
`;

/**
 * Writes fields ARGV[4..] (name, value pairs) unless the cart belongs to another client than ARGV[1] (TTL
 * ARGV[3] s when the record is new); drops `locked_seats`/`locked_at` first when ARGV[2] is '1'. Returns 1
 * when written, 0 when refused.
 */
const WRITE_OWNED_LUA = `
local owner = redis.call('HGET', KEYS[1], 'client_id')
if owner and owner ~= ARGV[1] then return 0 end
if ARGV[2] == '1' then redis.call('HDEL', KEYS[1], 'locked_seats', 'locked_at') end
redis.call('HSET', KEYS[1], 'client_id', ARGV[1], unpack(ARGV, 4))
redis.call('EXPIRE', KEYS[1], ARGV[3], 'NX')
return 1
`;

/**
 * The cart record (docs/platform.md#redis-keyspace, docs/contract/endpoints.md#seatlock, docs/contract/booking-schema.md#state-between-checkout-and-booking): hash `schema:{cart_id}` with
 * `client_id` (the owner: the client whose GetItinerary created the cart), `locked_seats` (JSON array of
 * seat ids) and `locked_at`. The TTL is set when the hash is created and never extended by a later lock.
 * Seat ids only: no passenger or contact data. After a reserve the locked seats are dropped and
 * `reserved_bid` (the 12go booking id) marks the cart as consumed. A record of another client makes the
 * cart unknown to the caller (docs/adr/0101-cart-owner-records.md); every write checks the owner atomically.
 * Redis failures surface as RedisUnavailableError (→ 503 on SeatLock; CreateBooking degrades).
 */
@Injectable()
export class SeatLockStore {
  private readonly ttlSec: number;

  constructor(
    private readonly redis: RedisService,
    config: AppConfig,
  ) {
    // The owner record outlives every token that names the cart (and every seat lock on it).
    this.ttlSec = Math.max(config.SEATLOCK_TTL_S, config.BOOKING_TOKEN_MAX_AGE_S);
  }

  private keyOf(cartId: string): string {
    return redisKeys.seatLockSchema(this.redis.keyPrefix, cartId);
  }

  /**
   * Records `clientId` as the owner of a cart nobody owns yet and returns the cart's state for `clientId`
   * (`owner: 'other'` with nothing else when another client owns it).
   */
  async claim(cartId: string, clientId: string): Promise<CartFunnelState> {
    const reply = (await this.redis.run('seatlock.claim', (c) =>
      c.eval(CLAIM_LUA, 1, this.keyOf(cartId), clientId, String(this.ttlSec)),
    )) as [string, string | null, string | null];
    if (reply[0] !== clientId) return { owner: 'other', seats: null, reservedBid: null };
    return { owner: 'caller', seats: lockedSeatsOf(reply[1]), reservedBid: reply[2] || null };
  }

  /** Locks `seats` for the cart; false (nothing written) when the cart belongs to another client. */
  async write(cartId: string, clientId: string, seats: string[], now: Date = new Date()): Promise<boolean> {
    return this.writeOwned('seatlock.write', cartId, clientId, false, {
      locked_seats: JSON.stringify(seats),
      locked_at: now.toISOString(),
    });
  }

  /** The cart was reserved as `bid`: a second CreateBooking with its token is 409 `already_reserved` at once. */
  async markReserved(cartId: string, clientId: string, bid: string): Promise<boolean> {
    return this.writeOwned('seatlock.write', cartId, clientId, true, { reserved_bid: bid });
  }

  private async writeOwned(
    operation: string,
    cartId: string,
    clientId: string,
    dropSeats: boolean,
    fields: Record<string, string>,
  ): Promise<boolean> {
    const args = [clientId, dropSeats ? '1' : '0', String(this.ttlSec), ...Object.entries(fields).flat()];
    const written = await this.redis.run(operation, (c) =>
      c.eval(WRITE_OWNED_LUA, 1, this.keyOf(cartId), ...args),
    );
    return written === 1;
  }
}

function lockedSeatsOf(raw: string | null): string[] | null {
  if (!raw) return null;
  let seats: unknown;
  try {
    seats = JSON.parse(raw);
  } catch {
    return null;
  }
  return Array.isArray(seats) && seats.every((s) => typeof s === 'string') ? seats : null;
}
