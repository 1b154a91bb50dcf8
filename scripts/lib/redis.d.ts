/** Types for the TypeScript test harness, which shares these helpers with the npm scripts. */
export function deleteKeysWithPrefixes(redisUrl: string, prefixes: string[]): Promise<void>;
export function pingRedis(url: string, timeoutMs?: number): Promise<boolean>;
export const HOW_TO_GET_REDIS: string;
