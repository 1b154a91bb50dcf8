/** Where Redis lives: one standalone server, a Sentinel-monitored master, or a Redis Cluster. */
export type RedisTopology =
  | { kind: 'standalone'; url: string }
  | { kind: 'sentinel'; sentinels: HostPort[]; name: string }
  | { kind: 'cluster'; nodes: HostPort[] };

export interface HostPort {
  host: string;
  port: number;
}

/** The raw values of one topology choice (REDIS_* or REDIS_QUEUE_*); blank = unset. */
export interface TopologySettings {
  url?: string;
  sentinels?: string;
  sentinelName?: string;
  clusterNodes?: string;
}

const blank = (v: string | undefined): boolean => v === undefined || v.trim() === '';

/** `host:port,host:port` → HostPort[]; throws with the variable name on a malformed entry. */
export function parseHostPorts(value: string, variable: string): HostPort[] {
  const entries = value
    .split(',')
    .map((s) => s.trim())
    .filter((s) => s.length > 0);
  if (entries.length === 0) throw new Error(`${variable} must list host:port entries`);
  return entries.map((entry) => {
    const m = /^(\[[^\]]+\]|[^:\s]+):(\d{1,5})$/.exec(entry);
    const port = m ? Number(m[2]) : NaN;
    if (!m || port < 1 || port > 65535) throw new Error(`${variable}: "${entry}" is not host:port`);
    return { host: m[1].replace(/^\[|\]$/g, ''), port };
  });
}

/**
 * The topology chosen by `<prefix>URL` | `<prefix>SENTINELS` + `<prefix>SENTINEL_NAME` | `<prefix>CLUSTER_NODES`.
 * Exactly one may be set; none set → `fallback` (the main topology for queues, the default URL otherwise).
 * Throws one readable line on a conflict or a malformed value.
 */
export function resolveRedisTopology(
  settings: TopologySettings,
  prefix: 'REDIS_' | 'REDIS_QUEUE_',
  fallback: RedisTopology,
): RedisTopology {
  const chosen = [
    !blank(settings.url) && `${prefix}URL`,
    !blank(settings.sentinels) && `${prefix}SENTINELS`,
    !blank(settings.clusterNodes) && `${prefix}CLUSTER_NODES`,
  ].filter((v): v is string => typeof v === 'string');
  if (chosen.length > 1)
    throw new Error(
      `Set exactly one Redis topology, not ${chosen.join(' and ')}: ${prefix}URL, ${prefix}SENTINELS (+ ${prefix}SENTINEL_NAME) or ${prefix}CLUSTER_NODES`,
    );
  if (!blank(settings.sentinelName) && blank(settings.sentinels))
    throw new Error(`${prefix}SENTINEL_NAME is set but ${prefix}SENTINELS is not`);
  if (!blank(settings.sentinels)) {
    if (blank(settings.sentinelName))
      throw new Error(`${prefix}SENTINELS needs ${prefix}SENTINEL_NAME (the monitored master's name)`);
    return {
      kind: 'sentinel',
      sentinels: parseHostPorts(settings.sentinels!, `${prefix}SENTINELS`),
      name: settings.sentinelName!.trim(),
    };
  }
  if (!blank(settings.clusterNodes))
    return { kind: 'cluster', nodes: parseHostPorts(settings.clusterNodes!, `${prefix}CLUSTER_NODES`) };
  if (!blank(settings.url)) return { kind: 'standalone', url: settings.url!.trim() };
  return fallback;
}

/** For logs, readiness and the admin view: no credentials. */
export function describeTopology(t: RedisTopology): string {
  switch (t.kind) {
    case 'standalone': {
      const u = new URL(t.url);
      return `standalone ${u.hostname}:${u.port || 6379}`;
    }
    case 'sentinel':
      return `sentinel ${t.name} via ${t.sentinels.map((s) => `${s.host}:${s.port}`).join(',')}`;
    case 'cluster':
      return `cluster ${t.nodes.map((s) => `${s.host}:${s.port}`).join(',')}`;
  }
}
