/** Types for the TypeScript test harness, which shares these helpers with the npm scripts. */
/** `redisUrl` may list every master of a Redis Cluster. */
export function deleteKeysWithPrefixes(redisUrl: string | string[], prefixes: string[]): Promise<void>;
export function pingRedis(url: string, timeoutMs?: number): Promise<boolean>;
export const HOW_TO_GET_REDIS: string;
