import { BookingOwnerStore } from '../../../apps/connect-api/src/booking-owner/booking-owner.store';
import type { AppConfig } from '../../../apps/connect-api/src/platform/config/app-config';
import { RedisService } from '../../../apps/connect-api/src/platform/redis/redis.service';

/** The real store on the stack's Redis and key prefix (what CreateBooking writes at reserve). */
export async function openOwnerStore(redisUrl: string, keyPrefix: string): Promise<{ store: BookingOwnerStore; redis: RedisService; close(): Promise<void> }> {
  const config = { REDIS_URL: redisUrl, REDIS_KEY_PREFIX: keyPrefix, REDIS_COMMAND_TIMEOUT_MS: 2000, BOOKING_OWNER_GRACE_DAYS: 30 } as AppConfig;
  const redis = new RedisService(config);
  await redis.client.connect();
  return { store: new BookingOwnerStore(redis, config), redis, close: () => redis.onApplicationShutdown() };
}
