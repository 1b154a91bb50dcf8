/** Types for the TypeScript tests, which start throwaway Redis topologies with these helpers. */
export interface RedisProcess {
  host: string;
  port: number;
  pid: number;
  kill(signal?: string): Promise<void>;
}
export interface RunningCluster {
  nodes: RedisProcess[];
  /** `127.0.0.1:p1,127.0.0.1:p2,…` for REDIS_CLUSTER_NODES. */
  nodesEnv: string;
  dir: string;
  stop(): Promise<void>;
}
export interface RunningSentinel {
  name: string;
  master: RedisProcess;
  replica: RedisProcess;
  sentinel: RedisProcess;
  /** For REDIS_SENTINELS. */
  sentinelsEnv: string;
  /** The port the sentinel reports for the master now. */
  currentMaster(): Promise<number | undefined>;
  dir: string;
  stop(): Promise<void>;
}
export function startRedisCluster(opts?: { masters?: number }): Promise<RunningCluster>;
export function startRedisSentinel(opts?: { name?: string; downAfterMs?: number }): Promise<RunningSentinel>;
export function redisCommand(port: number, command: string, timeoutMs?: number): Promise<string>;
