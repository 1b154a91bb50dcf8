import { Injectable } from '@nestjs/common';
import { AppConfig } from '../../platform/config/app-config';
import { RedisService } from '../../platform/redis/redis.service';
import { redisKeys } from '../../platform/redis/redis-keys';

export type AsyncOperation = 'create_booking' | 'confirm_booking';

/** `ir:{id}` (docs/platform.md#redis-keyspace, docs/contract/endpoints.md#incompleteresults-async-flow). Holds the rendered outcome (Booking or error envelope), never request data. */
export interface IncompleteResultRecord {
  id: string;
  clientId: string;
  op: AsyncOperation;
  /** 202 while running, else the final status. */
  statusCode: number;
  /** JSON body of the final outcome ('' while running). */
  result: string;
  /** JSON of extra response headers of the final outcome (e.g. Retry-After). */
  headers: string;
  bid: string;
  /** The booking id as the partner sent it (confirm only), for the recovery read. */
  bookingId: string;
  createdAt: number;
  updatedAt: number;
  correlationId: string;
}

@Injectable()
export class IncompleteResultsStore {
  private readonly ttlSec: number;

  constructor(
    private readonly redis: RedisService,
    config: AppConfig,
  ) {
    this.ttlSec = config.INCOMPLETE_RESULTS_TTL_H * 3600;
  }

  private keyOf(id: string): string {
    return redisKeys.incompleteResult(this.redis.keyPrefix, id);
  }

  async create(record: IncompleteResultRecord): Promise<void> {
    const key = this.keyOf(record.id);
    await this.redis.run('ir.create', (c) =>
      c.multi().hset(key, toHash(record)).expire(key, this.ttlSec).exec().then(check),
    );
  }

  async complete(
    id: string,
    statusCode: number,
    result: string,
    headers: Record<string, string>,
    bid: string,
    now: number,
  ): Promise<void> {
    const key = this.keyOf(id);
    await this.redis.run('ir.complete', (c) =>
      c
        .multi()
        .hset(key, {
          status_code: String(statusCode),
          result,
          headers: JSON.stringify(headers),
          bid,
          updated_at: String(now),
        })
        .expire(key, this.ttlSec)
        .exec()
        .then(check),
    );
  }

  async read(id: string): Promise<IncompleteResultRecord | null> {
    const h = await this.redis.run('ir.read', (c) => c.hgetall(this.keyOf(id)));
    if (!h || !h.client_id) return null;
    return {
      id,
      clientId: h.client_id,
      op: h.op as AsyncOperation,
      statusCode: Number(h.status_code),
      result: h.result ?? '',
      headers: h.headers ?? '{}',
      bid: h.bid ?? '',
      bookingId: h.booking_id ?? '',
      createdAt: Number(h.created_at),
      updatedAt: Number(h.updated_at),
      correlationId: h.correlation_id ?? '',
    };
  }
}

function toHash(r: IncompleteResultRecord): Record<string, string> {
  return {
    client_id: r.clientId,
    op: r.op,
    status_code: String(r.statusCode),
    result: r.result,
    headers: r.headers,
    bid: r.bid,
    booking_id: r.bookingId,
    created_at: String(r.createdAt),
    updated_at: String(r.updatedAt),
    correlation_id: r.correlationId,
  };
}

function check(results: Array<[Error | null, unknown]> | null): void {
  const failed = results?.find(([err]) => err);
  if (failed) throw failed[0];
}
