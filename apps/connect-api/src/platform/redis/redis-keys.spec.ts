import { redisKeys, hasHashTag, queuePrefixFrom } from './redis-keys';

// The slot function ioredis's Cluster client uses
const slotOf: (key: string) => number = require('cluster-key-slot');

const PREFIXES = ['tcb:', 'test:0a1b2c3d4e5f:', 'other-env:'];

/** Each family with its rule and keys as written together by one command (see redis-keys.ts). */
const FAMILIES: Array<{
  family: keyof typeof redisKeys;
  rule: 'single-key' | 'one-slot';
  keys: (p: string) => string[];
}> = [
  { family: 'rateLimit', rule: 'single-key', keys: (p) => [redisKeys.rateLimit(p, 'demo-a')] },
  { family: 'authFailure', rule: 'single-key', keys: (p) => [redisKeys.authFailure(p, '203.0.113.7')] },
  { family: 'bookingOwner', rule: 'single-key', keys: (p) => [redisKeys.bookingOwner(p, '1234567')] },
  {
    family: 'inboundDedup',
    rule: 'single-key',
    keys: (p) => [redisKeys.inboundDedup(p, 'ntf:dedup:1:status:x')],
  },
  { family: 'seatLockSchema', rule: 'single-key', keys: (p) => [redisKeys.seatLockSchema(p, 'cart-1')] },
  { family: 'incompleteResult', rule: 'single-key', keys: (p) => [redisKeys.incompleteResult(p, 'ir-1')] },
  {
    family: 'staticData',
    rule: 'one-slot',
    keys: (p) => [
      redisKeys.staticData(p, 'current'),
      redisKeys.staticData(p, 'checked'),
      redisKeys.staticData(p, 'lock'),
      redisKeys.staticData(p, 'meta', 'v-2026-12-01'),
      redisKeys.staticData(p, 'blob', 'sha256-abc'),
      redisKeys.staticData(p, 'blob', 'sha256-def'),
    ],
  },
  {
    family: 'reconcile',
    rule: 'one-slot',
    keys: (p) => [redisKeys.reconcile(p, 'due'), redisKeys.reconcile(p, 'since')],
  },
  {
    family: 'shadowReport',
    rule: 'one-slot',
    keys: (p) => [
      redisKeys.shadowReport(p, 'acme', '2026120214', 'counts'),
      redisKeys.shadowReport(p, 'acme', '2026120214', 'paths'),
      redisKeys.shadowReport(p, 'acme', '2026120214', 'examples'),
    ],
  },
];

describe('Redis key families and their Cluster slot rules', () => {
  it('lists every key builder', () => {
    expect(FAMILIES.map((f) => f.family).sort()).toEqual(Object.keys(redisKeys).sort());
  });

  it.each(FAMILIES)('$family: $rule', ({ rule, keys }) => {
    for (const prefix of PREFIXES) {
      const ks = keys(prefix);
      for (const k of ks) expect(k.startsWith(prefix)).toBe(true);
      if (rule === 'single-key') expect(ks).toHaveLength(1);
      else expect(new Set(ks.map(slotOf)).size).toBe(1);
    }
  });

  it('single-key families spread over slots (no accidental hash tag funnels them onto one node)', () => {
    const slots = new Set(
      ['a', 'b', 'c', 'd', 'e', 'f'].map((id) => slotOf(redisKeys.bookingOwner('tcb:', id))),
    );
    expect(slots.size).toBeGreaterThan(1);
  });

  it('BullMQ: the queue prefix is one hash tag, so every queue key shares a slot', () => {
    for (const env of [{}, { REDIS_KEY_PREFIX: 'test:0a1b:' }, { QUEUE_PREFIX: '{tcb-q}' }]) {
      const prefix = queuePrefixFrom(env);
      expect(hasHashTag(prefix)).toBe(true);
      const keys = [
        'notify-inbound:wait',
        'notify-deliver:123',
        'notify-deliver:meta',
        'notify-inbound:stalled',
      ].map((k) => `${prefix}:${k}`);
      expect(new Set(keys.map(slotOf)).size).toBe(1);
    }
    expect(queuePrefixFrom({})).toBe('{tcb-q}');
    expect(hasHashTag('tcb-q')).toBe(false);
  });
});
