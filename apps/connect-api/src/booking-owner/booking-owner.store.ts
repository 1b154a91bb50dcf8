import { Injectable, Logger } from '@nestjs/common';
import { AppConfig } from '../platform/config/app-config';
import { RedisService } from '../platform/redis/redis.service';
import { DEFAULT_OWNER_GRACE_DAYS, ownerRecordTtlSeconds } from './booking-owner.ttl';
import { redisKeys } from '../platform/redis/redis-keys';

/** `booking:{bid}` (operations.md §2.4, §3.1). */
export interface BookingOwnerRecord {
  bid: string;
  clientId: string;
  /** ISO UTC, when the record was first written. */
  createdAt: string | null;
  /** 12go local departure `yyyy-MM-dd HH:mm:ss` when known. */
  departureAt: string | null;
}

export interface BookingOwnerWriteOptions {
  departureAt?: string | null;
  now?: Date;
}

/**
 * The booking-owner record. Written by CreateBooking (reserve), the notification owner probe and
 * `import-owners`; read by the post-booking isolation check and by notification routing.
 */
@Injectable()
export class BookingOwnerStore {
  private readonly logger = new Logger(BookingOwnerStore.name);
  private readonly graceDays: number;

  constructor(
    private readonly redis: RedisService,
    config: AppConfig,
  ) {
    this.graceDays = config.BOOKING_OWNER_GRACE_DAYS ?? DEFAULT_OWNER_GRACE_DAYS;
  }

  private keyOf(bid: string): string {
    return redisKeys.bookingOwner(this.redis.keyPrefix, bid);
  }

  /**
   * Records `clientId` as the owner of `bid`. Never throws: a failed write must not fail the booking
   * (§2.4); it is logged as `booking_owner.write_failed` and reported as `false`.
   */
  async write(bid: string, clientId: string, opts: BookingOwnerWriteOptions = {}): Promise<boolean> {
    const now = opts.now ?? new Date();
    const key = this.keyOf(bid);
    const ttl = ownerRecordTtlSeconds(opts.departureAt, now, this.graceDays);
    const fields: Record<string, string> = { client_id: clientId };
    if (opts.departureAt) fields.departure_at = opts.departureAt;
    try {
      await this.redis.run('booking_owner.write', async (client) => {
        const results = await client
          .multi()
          .hsetnx(key, 'created_at', now.toISOString())
          .hset(key, fields)
          .expire(key, ttl)
          .exec();
        const failed = results?.find(([err]) => err);
        if (failed) throw failed[0];
      });
      return true;
    } catch (err) {
      this.logger.warn({
        msg: 'booking_owner.write_failed',
        event: 'booking_owner.write_failed',
        bid,
        client_id: clientId,
        err: (err as Error).message,
      });
      return false;
    }
  }

  /** The record, or null when absent. `RedisUnavailableError` propagates (callers decide: 503 or degrade). */
  async read(bid: string): Promise<BookingOwnerRecord | null> {
    const h = await this.redis.run('booking_owner.read', (client) => client.hgetall(this.keyOf(bid)));
    if (!h || !h.client_id) return null;
    return {
      bid,
      clientId: h.client_id,
      createdAt: h.created_at ?? null,
      departureAt: h.departure_at ?? null,
    };
  }
}
