import Redis, { Cluster, type RedisOptions } from 'ioredis';
import { REDIS_DISCONNECT_TIMEOUT_MS, redisOptionsFromUrl } from './redis-connection-options';
import type { HostPort, RedisTopology } from './redis-topology';

/** Every connection of the service is one of these; both speak the same command API. */
export type RedisClient = Redis | Cluster;

/** What differs between the connections of one process (request path, queues, the static-data writer). */
export interface ConnectionTuning {
  connectionName: string;
  enableOfflineQueue: boolean;
  maxRetriesPerRequest: number | null;
  commandTimeout?: number;
  connectTimeout?: number;
  lazyConnect?: boolean;
  retryStrategy?: (times: number) => number | null;
}

/**
 * The one place that news up ioredis clients (RedisService.connection() is how modules get one): the same
 * tuning gives a `Redis` for a standalone server, a Sentinel-following `Redis` (it asks the sentinels for
 * the current master on every reconnect), or a `Cluster` that follows slot moves.
 */
export function createRedisConnection(topology: RedisTopology, tuning: ConnectionTuning): RedisClient {
  const { retryStrategy, enableOfflineQueue, lazyConnect, ...perNode } = tuning;
  const common: RedisOptions = { ...perNode, disconnectTimeout: REDIS_DISCONNECT_TIMEOUT_MS };
  switch (topology.kind) {
    case 'standalone':
      return new Redis({
        ...redisOptionsFromUrl(topology.url),
        ...common,
        enableOfflineQueue,
        lazyConnect,
        retryStrategy,
      });
    case 'sentinel':
      return new Redis({
        ...common,
        sentinels: topology.sentinels.map(hostPort),
        name: topology.name,
        enableOfflineQueue,
        lazyConnect,
        retryStrategy,

        sentinelRetryStrategy: (times) => Math.min(100 * times, 2000),
      });
    case 'cluster':
      return new Cluster(topology.nodes.map(hostPort), {
        redisOptions: common,
        enableOfflineQueue,
        lazyConnect,
        clusterRetryStrategy: retryStrategy ?? ((times) => Math.min(100 * times, 2000)),
        slotsRefreshTimeout: 2000,
        scaleReads: 'master',
      });
  }
}

const hostPort = (n: HostPort) => ({ host: n.host, port: n.port });

/**
 * `host:port` of the server that holds this connection's socket (the current master under Sentinel); for a
 * Cluster, of the master that serves `key`'s slot. Undefined when not connected.
 */
export function answeringNode(client: RedisClient, key: string): string | undefined {
  if (client instanceof Cluster) {
    const owners = client.slots[clusterSlotOf(key)];
    return owners?.[0];
  }
  const stream = client.stream as { remoteAddress?: string; remotePort?: number } | undefined;
  return client.status === 'ready' && stream?.remoteAddress
    ? `${stream.remoteAddress}:${stream.remotePort}`
    : undefined;
}

// ioredis's own dependency (untyped): the slot function its Cluster client routes with
const clusterSlotOf: (key: string) => number = require('cluster-key-slot');
