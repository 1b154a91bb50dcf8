import type * as BullMQ from 'bullmq';

/**
 * BullMQ, loaded on first use rather than at boot: with lodash and msgpackr it is ≈ 7 MiB of resident memory
 * that a `ROLE=api` process never needs until a webhook arrives (P8 in docs/benchmarks.md,
 * docs/adr/0233-bullmq-loaded-on-first-use.md). Type-only imports of 'bullmq' elsewhere cost nothing.
 */
export function bullmq(): typeof BullMQ {
  return require('bullmq') as typeof BullMQ;
}
