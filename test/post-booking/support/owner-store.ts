import { BookingOwnerStore } from '../../../apps/connect-api/src/booking-owner/booking-owner.store';
import { loadAppConfig } from '../../../apps/connect-api/src/platform/config/load-app-config';
import { AppLogger } from '../../../apps/connect-api/src/platform/logging/app-logger';
import { RedisService } from '../../../apps/connect-api/src/platform/redis/redis.service';
import { testClusterNodes, type TestStack } from '../../support/stack';

/** The running BFF's own store: what CreateBooking writes at reserve. */
export function appOwnerStore(stack: TestStack): BookingOwnerStore {
  return stack.app.get(BookingOwnerStore, { strict: false });
}

/**
 * A separate store (own Redis connection, given key prefix) built from the app's platform pieces, on the
 * same topology as the stack (standalone, or the Cluster of `npm run test:cluster`).
 */
export async function openOwnerStore(
  stack: TestStack,
  keyPrefix: string,
): Promise<{ store: BookingOwnerStore; redis: RedisService; close(): Promise<void> }> {
  const nodes = testClusterNodes();
  const config = loadAppConfig({
    ...(nodes.length ? { REDIS_CLUSTER_NODES: nodes.join(',') } : { REDIS_URL: stack.redisUrl }),
    REDIS_KEY_PREFIX: keyPrefix,
    REDIS_COMMAND_TIMEOUT_MS: '2000',
    BOOKING_OWNER_GRACE_DAYS: '30',
  });
  const redis = new RedisService(config, stack.app.get(AppLogger, { strict: false }));
  await redis.client.connect();
  return { store: new BookingOwnerStore(redis, config), redis, close: () => redis.onApplicationShutdown() };
}
