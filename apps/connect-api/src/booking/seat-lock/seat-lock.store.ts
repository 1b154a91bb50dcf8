import { Injectable } from '@nestjs/common';
import { AppConfig } from '../../platform/config/app-config';
import { RedisService } from '../../platform/redis/redis.service';

export interface SeatLockEntry {
  clientId: string;
  seats: string[];
  lockedAt: string;
}

/**
 * Locked seats of a cart (operations.md §3.1/§3.3, booking-schema.md §5.2): hash `schema:{cart_id}` with
 * `client_id`, `locked_seats` (JSON array of seat ids) and `locked_at`. The TTL is set when the hash is
 * created and never extended by a later lock. Seat ids only: no passenger or contact data.
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
    return this.redis.key('schema', cartId);
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

  /** Seats locked for `cartId` by `clientId`; an entry of another client is ignored (null). */
  async read(cartId: string, clientId: string): Promise<SeatLockEntry | null> {
    const h = await this.redis.run('seatlock.read', (c) => c.hgetall(this.keyOf(cartId)));
    if (!h || h.client_id !== clientId || !h.locked_seats) return null;
    let seats: unknown;
    try {
      seats = JSON.parse(h.locked_seats);
    } catch {
      return null;
    }
    if (!Array.isArray(seats) || !seats.every((s) => typeof s === 'string')) return null;
    return { clientId: h.client_id, seats, lockedAt: h.locked_at ?? '' };
  }

  async delete(cartId: string): Promise<void> {
    await this.redis.run('seatlock.delete', (c) => c.del(this.keyOf(cartId)));
  }
}

function throwOnFailure(results: Array<[Error | null, unknown]> | null): void {
  const failed = results?.find(([err]) => err);
  if (failed) throw failed[0];
}
