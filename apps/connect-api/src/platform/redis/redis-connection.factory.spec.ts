import Redis, { Cluster } from 'ioredis';
import { answeringNode, createRedisConnection, type ConnectionTuning } from './redis-connection.factory';

const tuning: ConnectionTuning = {
  connectionName: 'tc-test',
  enableOfflineQueue: false,
  maxRetriesPerRequest: 1,
  commandTimeout: 500,
  lazyConnect: true,
};

describe('createRedisConnection', () => {
  it('standalone: a Redis on the URL, with the tuning', () => {
    const c = createRedisConnection({ kind: 'standalone', url: 'redis://h:6380/3' }, tuning) as Redis;
    expect(c).toBeInstanceOf(Redis);
    expect(c.options).toMatchObject({
      host: 'h',
      port: 6380,
      db: 3,
      commandTimeout: 500,
      enableOfflineQueue: false,
    });
    expect(answeringNode(c, 'k')).toBeUndefined(); // not connected
    c.disconnect();
  });

  it('sentinel: a Redis that asks the sentinels for the named master', () => {
    const c = createRedisConnection(
      { kind: 'sentinel', name: 'tcb', sentinels: [{ host: 's1', port: 26379 }] },
      tuning,
    ) as Redis;
    expect(c).toBeInstanceOf(Redis);
    expect(c.options).toMatchObject({
      name: 'tcb',
      sentinels: [{ host: 's1', port: 26379 }],
      connectionName: 'tc-test',
    });
    c.disconnect();
  });

  it('cluster: a Cluster with per-node tuning and the cluster-level offline queue', () => {
    const c = createRedisConnection(
      { kind: 'cluster', nodes: [{ host: 'n1', port: 7000 }] },
      tuning,
    ) as Cluster;
    expect(c).toBeInstanceOf(Cluster);
    expect(c.options.enableOfflineQueue).toBe(false);
    expect(c.options.redisOptions).toMatchObject({ commandTimeout: 500, maxRetriesPerRequest: 1 });
    c.disconnect();
  });
});
