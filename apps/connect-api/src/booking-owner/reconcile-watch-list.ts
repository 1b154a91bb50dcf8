import { Injectable } from '@nestjs/common';
import { AppConfig } from '../platform/config/app-config';
import { redisKeys } from '../platform/redis/redis-keys';
import { RedisService } from '../platform/redis/redis.service';

/** The status a partner was last told about (12go status and its `stamp`). */
export interface NotifiedState {
  status: string;
  stamp: number;
}

const NOTIFIED_STATUS = 'notified_status';
const NOTIFIED_STAMP = 'notified_stamp';

/**
 * Records `status`/`stamp` on the booking-owner hash unless it already holds a newer stamp; never creates
 * the hash (a booking without an owner record is not reconciled, and the record's TTL bounds the fields).
 */
const RECORD_NOTIFIED_LUA = `
if redis.call('EXISTS', KEYS[1]) == 0 then return 0 end
local current = tonumber(redis.call('HGET', KEYS[1], '${NOTIFIED_STAMP}') or '-1')
if tonumber(ARGV[2]) < current then return 0 end
redis.call('HSET', KEYS[1], '${NOTIFIED_STATUS}', ARGV[1], '${NOTIFIED_STAMP}', ARGV[2])
return 1
`;

/**
 * Which bookings the reconciler polls, and when (docs/operations.md, reconciliation). Two sorted sets in
 * one hash slot (`{reconcile}`): `due` scored by the next poll time, `since` by enrolment time (the age
 * bound prunes by it, so the index holds at most RECONCILE_MAX_AGE_DAYS of bookings). The last status a
 * partner was told lives on the booking's owner record (`booking:{bid}`), so it expires with it.
 */
@Injectable()
export class ReconcileWatchList {
  readonly enabled: boolean;
  private readonly firstPollAfterMs: number;

  constructor(
    private readonly redis: RedisService,
    config: AppConfig,
  ) {
    this.enabled = config.RECONCILE_ENABLED;
    this.firstPollAfterMs = config.RECONCILE_INTERVAL_MS;
  }

  get dueKey(): string {
    return redisKeys.reconcile(this.redis.keyPrefix, 'due');
  }

  get sinceKey(): string {
    return redisKeys.reconcile(this.redis.keyPrefix, 'since');
  }

  private ownerKey(bid: string): string {
    return redisKeys.bookingOwner(this.redis.keyPrefix, bid);
  }

  /** Adds a booking (kept as is when already watched). Redis failures propagate. */
  async enroll(bid: string, nowMs = Date.now()): Promise<void> {
    if (!this.enabled) return;
    await this.redis.run('reconcile.enroll', async (client) => {
      const results = await client
        .multi()
        .zadd(this.dueKey, 'NX', nowMs + this.firstPollAfterMs, bid)
        .zadd(this.sinceKey, 'NX', nowMs, bid)
        .exec();
      const failed = results?.find(([err]) => err);
      if (failed) throw failed[0];
    });
  }

  /** Bookings due at `nowMs`, earliest first. */
  due(nowMs: number, limit: number): Promise<string[]> {
    return this.redis.run('reconcile.due', (c) =>
      c.zrangebyscore(this.dueKey, '-inf', nowMs, 'LIMIT', 0, limit),
    );
  }

  /** Bookings enrolled before `beforeMs` (beyond the age bound). */
  enrolledBefore(beforeMs: number, limit: number): Promise<string[]> {
    return this.redis.run('reconcile.expired', (c) =>
      c.zrangebyscore(this.sinceKey, '-inf', `(${beforeMs}`, 'LIMIT', 0, limit),
    );
  }

  async enrolledAt(bid: string): Promise<number | null> {
    const score = await this.redis.run('reconcile.since', (c) => c.zscore(this.sinceKey, bid));
    return score === null ? null : Number(score);
  }

  /** Next poll time; XX: a booking removed meanwhile is not brought back. */
  async reschedule(bid: string, atMs: number): Promise<void> {
    await this.redis.run('reconcile.reschedule', (c) => c.zadd(this.dueKey, 'XX', atMs, bid));
  }

  async remove(...bids: string[]): Promise<void> {
    if (bids.length === 0) return;
    await this.redis.run('reconcile.remove', async (client) => {
      await client
        .multi()
        .zrem(this.dueKey, ...bids)
        .zrem(this.sinceKey, ...bids)
        .exec();
    });
  }

  async size(nowMs: number): Promise<{ watched: number; due: number }> {
    return this.redis.run('reconcile.size', async (c) => {
      const [watched, due] = await Promise.all([c.zcard(this.dueKey), c.zcount(this.dueKey, '-inf', nowMs)]);
      return { watched, due };
    });
  }

  async lastNotified(bid: string): Promise<NotifiedState | null> {
    const [status, stamp] = await this.redis.run('reconcile.notified_read', (c) =>
      c.hmget(this.ownerKey(bid), NOTIFIED_STATUS, NOTIFIED_STAMP),
    );
    if (!status || stamp === null || !/^\d+$/.test(stamp)) return null;
    return { status, stamp: Number(stamp) };
  }

  /** True when recorded (false: no owner record, or a newer status is already recorded). */
  async recordNotified(bid: string, state: NotifiedState): Promise<boolean> {
    const written = await this.redis.run('reconcile.notified_write', (c) =>
      c.eval(RECORD_NOTIFIED_LUA, 1, this.ownerKey(bid), state.status, String(state.stamp)),
    );
    return written === 1;
  }
}
