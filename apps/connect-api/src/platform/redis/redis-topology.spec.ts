import { describeTopology, parseHostPorts, resolveRedisTopology, type RedisTopology } from './redis-topology';

const DEFAULT: RedisTopology = { kind: 'standalone', url: 'redis://localhost:6379' };

describe('resolveRedisTopology', () => {
  it('falls back when nothing is set (blank counts as unset)', () => {
    expect(resolveRedisTopology({}, 'REDIS_', DEFAULT)).toBe(DEFAULT);
    expect(resolveRedisTopology({ url: ' ', clusterNodes: '' }, 'REDIS_', DEFAULT)).toBe(DEFAULT);
  });

  it('reads each topology', () => {
    expect(resolveRedisTopology({ url: 'redis://h:1' }, 'REDIS_', DEFAULT)).toEqual({
      kind: 'standalone',
      url: 'redis://h:1',
    });
    expect(
      resolveRedisTopology({ sentinels: 'a:26379, b:26380', sentinelName: 'mymaster' }, 'REDIS_', DEFAULT),
    ).toEqual({
      kind: 'sentinel',
      name: 'mymaster',
      sentinels: [
        { host: 'a', port: 26379 },
        { host: 'b', port: 26380 },
      ],
    });
    expect(
      resolveRedisTopology({ clusterNodes: '10.0.0.1:7000,[::1]:7001' }, 'REDIS_QUEUE_', DEFAULT),
    ).toEqual({
      kind: 'cluster',
      nodes: [
        { host: '10.0.0.1', port: 7000 },
        { host: '::1', port: 7001 },
      ],
    });
  });

  it('refuses two topologies with one line naming both', () => {
    expect(() =>
      resolveRedisTopology({ url: 'redis://h:1', clusterNodes: 'h:7000' }, 'REDIS_', DEFAULT),
    ).toThrow(/^Set exactly one Redis topology, not REDIS_URL and REDIS_CLUSTER_NODES: [^\n]+$/);
    expect(() =>
      resolveRedisTopology(
        { sentinels: 'h:1', sentinelName: 'm', clusterNodes: 'h:7000' },
        'REDIS_QUEUE_',
        DEFAULT,
      ),
    ).toThrow('not REDIS_QUEUE_SENTINELS and REDIS_QUEUE_CLUSTER_NODES');
  });

  it('needs the sentinel name with sentinels, and host:port entries', () => {
    expect(() => resolveRedisTopology({ sentinels: 'h:1' }, 'REDIS_', DEFAULT)).toThrow(
      'REDIS_SENTINEL_NAME',
    );
    expect(() => resolveRedisTopology({ sentinelName: 'm' }, 'REDIS_', DEFAULT)).toThrow(
      'REDIS_SENTINELS is not',
    );
    expect(() => parseHostPorts('h', 'REDIS_CLUSTER_NODES')).toThrow('"h" is not host:port');
    expect(() => parseHostPorts('h:70000', 'REDIS_CLUSTER_NODES')).toThrow('is not host:port');
  });

  it('describes a topology without credentials', () => {
    expect(describeTopology({ kind: 'standalone', url: 'redis://user:secret@h:6380/2' })).toBe(
      'standalone h:6380',
    );
    expect(describeTopology({ kind: 'cluster', nodes: [{ host: 'a', port: 1 }] })).toBe('cluster a:1');
  });
});
