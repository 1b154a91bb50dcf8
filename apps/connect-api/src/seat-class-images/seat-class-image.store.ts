import { Injectable, Logger } from '@nestjs/common';
import { redisKeys } from '../platform/redis/redis-keys';
import { RedisService } from '../platform/redis/redis.service';
import type { SeatClassImageIndex } from './seat-class-images';

/** How long an instance reuses the index it read before asking Redis again. */
const LOCAL_TTL_MS = 30_000;

/**
 * The seat-class image index of the current catalogue, shared by every instance: the static-data refresh
 * writes it (`{static}:class-images`, next to the static documents), search and GetItinerary read it. Reads are
 * cached per instance; when Redis cannot answer, the last index read (or none) is used, so images degrade to
 * `null` rather than failing a search.
 */
@Injectable()
export class SeatClassImageStore {
  private readonly logger = new Logger(SeatClassImageStore.name);
  private cached: { index: SeatClassImageIndex; readAt: number } | null = null;

  constructor(private readonly redis: RedisService) {}

  private key(): string {
    return redisKeys.staticData(this.redis.keyPrefix, 'class-images');
  }

  /** Never fails the catalogue refresh it is part of: photos are optional, the next refresh writes them again. */
  async save(index: SeatClassImageIndex, ttlS: number): Promise<void> {
    this.cached = { index, readAt: Date.now() };
    try {
      await this.redis.run('seat_class_images.save', (c) =>
        c.set(this.key(), JSON.stringify(index), 'EX', ttlS),
      );
    } catch (e) {
      this.logger.warn({ msg: 'seat_class_images.save_failed', error: (e as Error).message });
    }
  }

  async current(now = Date.now()): Promise<SeatClassImageIndex> {
    if (this.cached && now - this.cached.readAt < LOCAL_TTL_MS) return this.cached.index;
    try {
      const raw = await this.redis.run('seat_class_images.read', (c) => c.get(this.key()));
      this.cached = { index: raw ? (JSON.parse(raw) as SeatClassImageIndex) : {}, readAt: now };
    } catch (e) {
      // Keep what was read (or nothing) for another LOCAL_TTL_MS: one warning, not one per search.
      this.cached = { index: this.cached?.index ?? {}, readAt: now };
      this.logger.warn({ msg: 'seat_class_images.unavailable', error: (e as Error).message });
    }
    return this.cached.index;
  }
}
