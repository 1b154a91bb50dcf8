/**
 * Every Redis key family of the service (all under REDIS_KEY_PREFIX, default `tcb:`). Under Redis Cluster a
 * MULTI or a Lua script may only touch keys of one hash slot, so each family follows one of two rules
 * (redis-keys.spec.ts checks them with the slot function the Cluster client uses):
 * - `single-key`: every MULTI / script touches exactly one key of the family (its slot is irrelevant);
 * - `one-slot`: the family's keys are written together, so they carry one `{hash tag}` and share one slot.
 * New families go here, with their rule in the spec.
 */
export const redisKeys = {
  /** Token bucket per client (one-key Lua script). */
  rateLimit: (prefix: string, clientId: string) => `${prefix}rl:${clientId}`,
  /** Failed-authentication counter per source IP (one-key Lua script). */
  authFailure: (prefix: string, ip: string) => `${prefix}authfail:${ip}`,
  /** Booking-owner record (one-key MULTI). */
  bookingOwner: (prefix: string, bid: string) => `${prefix}booking:${bid}`,
  /** Inbound 12go notification dedup marker (single-key EXISTS / SET NX). */
  inboundDedup: (prefix: string, dedupParts: string) => `${prefix}${dedupParts}`,
  /** Checkout schema per cart (one-key MULTI). */
  seatLockSchema: (prefix: string, cartId: string) => `${prefix}schema:${cartId}`,
  /** Incomplete async booking results (one-key MULTI). */
  incompleteResult: (prefix: string, id: string) => `${prefix}ir:${id}`,
  /** Static data: version pointer, metas, blobs, lock, last check — switched in one MULTI. */
  staticData: (prefix: string, ...parts: string[]) => `${prefix}{static}:${parts.join(':')}`,
  /** Reconciler watch list: `due` and `since` sorted sets, changed together in one MULTI. */
  reconcile: (prefix: string, part: 'due' | 'since') => `${prefix}{reconcile}:${part}`,
  /** Shadow report aggregate of one client and hour: counts, paths, examples — written by one Lua script. */
  shadowReport: (prefix: string, clientId: string, hour: string, part: 'counts' | 'paths' | 'examples') =>
    `${prefix}{shadow:${clientId}:${hour}}:${part}`,
} as const;

/**
 * The BullMQ key prefix: QUEUE_PREFIX, else `{<REDIS_KEY_PREFIX without trailing colon>-q}` (`tcb:` gives `{tcb-q}`),
 * so two deployments that differ only in REDIS_KEY_PREFIX never share queues.
 */
export function queuePrefixFrom(env: Record<string, string | undefined>): string {
  const explicit = env.QUEUE_PREFIX?.trim();
  if (explicit) return explicit;
  const base = (env.REDIS_KEY_PREFIX ?? 'tcb:').replace(/:+$/, '') || 'tcb';
  return `{${base}-q}`;
}

/** Under Cluster BullMQ needs all of a queue's keys in one slot: the queue prefix must be one hash tag. */
export function hasHashTag(prefix: string): boolean {
  return /\{[^{}]+\}/.test(prefix);
}
