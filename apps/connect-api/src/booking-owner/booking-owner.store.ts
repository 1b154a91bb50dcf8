import { Injectable, Logger, Optional } from '@nestjs/common';
import { AppConfig } from '../platform/config/app-config';
import { RedisService } from '../platform/redis/redis.service';
import { DEFAULT_OWNER_GRACE_DAYS, ownerRecordTtlSeconds } from './booking-owner.ttl';
import { ReconcileWatchList } from './reconcile-watch-list';
import { redisKeys } from '../platform/redis/redis-keys';

/** `booking:{bid}` (docs/contract/webhooks.md#who-owns-a-booking, docs/platform.md#redis-keyspace). */
export interface BookingOwnerRecord {
  bid: string;
  clientId: string;
  /** ISO UTC, when the record was first written. */
  createdAt: string | null;
  /** 12go local departure `yyyy-MM-dd HH:mm:ss` when known. */
  departureAt: string | null;
  /** Who wrote it: CreateBooking (`booking`), the notification owner probe, an import; null on records older than the field. */
  origin: OwnerOrigin | null;
}

/** `booking`: the BFF made the booking; `probe`: found by the notification owner probe; `import`: imported. */
export type OwnerOrigin = 'booking' | 'probe' | 'import';

/** What `claim` did: wrote the record, found it held by another client (left as is), or could not reach Redis. */
export type OwnerClaim =
  { outcome: 'written' } | { outcome: 'held_by_other'; heldBy: string } | { outcome: 'failed' };

/** Writes the record unless another client already owns the bid (then returns that client id). One key. */
const CLAIM_LUA = `
local owner = redis.call('HGET', KEYS[1], 'client_id')
if owner and owner ~= ARGV[1] then return owner end
redis.call('HSETNX', KEYS[1], 'created_at', ARGV[2])
redis.call('HSET', KEYS[1], 'client_id', ARGV[1])
if ARGV[4] ~= '' then redis.call('HSET', KEYS[1], 'departure_at', ARGV[4]) end
redis.call('HSET', KEYS[1], 'origin', 'booking')
redis.call('EXPIRE', KEYS[1], ARGV[3])
return false`;

export interface BookingOwnerWriteOptions {
  departureAt?: string | null;
  now?: Date;
  /** `write` only (`claim` always writes `booking`). */
  origin?: OwnerOrigin;
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
    @Optional() private readonly watchList?: ReconcileWatchList,
  ) {
    this.graceDays = config.BOOKING_OWNER_GRACE_DAYS ?? DEFAULT_OWNER_GRACE_DAYS;
  }

  private keyOf(bid: string): string {
    return redisKeys.bookingOwner(this.redis.keyPrefix, bid);
  }

  /**
   * Records `clientId` as the owner of `bid`. Never throws: a failed write must not fail the booking
   * (docs/contract/webhooks.md#who-owns-a-booking); it is logged as `booking_owner.write_failed` and reported as `false`.
   */
  async write(bid: string, clientId: string, opts: BookingOwnerWriteOptions = {}): Promise<boolean> {
    const now = opts.now ?? new Date();
    const key = this.keyOf(bid);
    const ttl = ownerRecordTtlSeconds(opts.departureAt, now, this.graceDays);
    const fields: Record<string, string> = { client_id: clientId };
    if (opts.departureAt) fields.departure_at = opts.departureAt;
    if (opts.origin) fields.origin = opts.origin;
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
    } catch (err) {
      this.writeFailed(bid, clientId, err);
      return false;
    }
    await this.watch(bid);
    return true;
  }

  /** Every owned booking is watched by the reconciler of missed 12go webhooks; a failure only costs that. */
  private async watch(bid: string): Promise<void> {
    try {
      await this.watchList?.enroll(bid);
    } catch (err) {
      this.logger.warn({ msg: 'reconcile.enroll_failed', bid, err: (err as Error).message });
    }
  }

  private writeFailed(bid: string, clientId: string, err: unknown): void {
    this.logger.warn({
      msg: 'booking_owner.write_failed',
      event: 'booking_owner.write_failed',
      bid,
      client_id: clientId,
      err: (err as Error).message,
    });
  }

  /**
   * CreateBooking's write: a new bid must not already belong to someone else (12go never reuses a bid; a
   * record held by another client means state from elsewhere, e.g. a sandbox restarted on the same Redis).
   * Such a record is left untouched. Never throws, like `write`; a written record is watched, like `write`'s.
   */
  async claim(bid: string, clientId: string, opts: BookingOwnerWriteOptions = {}): Promise<OwnerClaim> {
    const now = opts.now ?? new Date();
    const ttl = ownerRecordTtlSeconds(opts.departureAt, now, this.graceDays);
    let heldBy: unknown;
    try {
      heldBy = await this.redis.run('booking_owner.write', (client) =>
        client.eval(CLAIM_LUA, 1, this.keyOf(bid), clientId, now.toISOString(), ttl, opts.departureAt ?? ''),
      );
    } catch (err) {
      this.writeFailed(bid, clientId, err);
      return { outcome: 'failed' };
    }
    if (typeof heldBy === 'string') return { outcome: 'held_by_other', heldBy };
    await this.watch(bid);
    return { outcome: 'written' };
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
      origin: (h.origin as OwnerOrigin | undefined) ?? null,
    };
  }
}
