import { TwelveGoError } from '@app/twelvego-client';
import type { BookingOwnerStore } from '../../booking-owner/booking-owner.store';
import type { NotifiedState, ReconcileWatchList } from '../../booking-owner/reconcile-watch-list';
import type { AppConfig } from '../../platform/config/app-config';
import type { ClientRegistry } from '../../platform/clients/client-registry';
import type { RedisService } from '../../platform/redis/redis.service';
import { inboundJobId, parseInboundNotification } from '../inbound/inbound-notification';
import type { NotificationsSettings } from '../notifications.settings';
import type { NotificationQueues } from '../queueing/notification-queues';
import { BookingReconciler } from './booking-reconciler.service';
import { DAY_MS } from './reconcile-plan';
import type { ReconcileTelemetry } from './reconcile-telemetry';

/** In-memory stand-in for the Redis watch list (the class under test is the reconciler). */
class FakeWatchList {
  dueAt = new Map<string, number>();
  since = new Map<string, number>();
  notified = new Map<string, NotifiedState>();

  add(bid: string, sinceMs: number, dueMs: number, notified?: NotifiedState) {
    this.since.set(bid, sinceMs);
    this.dueAt.set(bid, dueMs);
    if (notified) this.notified.set(bid, notified);
  }
  async enrolledBefore(beforeMs: number) {
    return [...this.since].filter(([, t]) => t < beforeMs).map(([b]) => b);
  }
  async remove(...bids: string[]) {
    for (const b of bids) {
      this.dueAt.delete(b);
      this.since.delete(b);
    }
  }
  async size(nowMs: number) {
    return { watched: this.dueAt.size, due: [...this.dueAt.values()].filter((t) => t <= nowMs).length };
  }
  async due(nowMs: number, limit: number) {
    return [...this.dueAt]
      .filter(([, t]) => t <= nowMs)
      .sort((a, b) => a[1] - b[1])
      .slice(0, limit)
      .map(([b]) => b);
  }
  async enrolledAt(bid: string) {
    return this.since.get(bid) ?? null;
  }
  async reschedule(bid: string, atMs: number) {
    if (this.dueAt.has(bid)) this.dueAt.set(bid, atMs);
  }
  async lastNotified(bid: string) {
    return this.notified.get(bid) ?? null;
  }
  async recordNotified(bid: string, state: NotifiedState) {
    this.notified.set(bid, state);
    return true;
  }
}

const client = (clientId: string, webhook = true) => ({
  clientId,
  enabled: true,
  twelvegoApiKey: `key-${clientId}`,
  webhook: webhook ? { url: 'https://partner.example/hook', enabled: true, eventTypes: [] } : undefined,
});

const details = (bid: string, status: string, stamp: number) => ({
  bid,
  tracker: 'TRK00001',
  status,
  from_id: 1,
  to_id: 2,
  dep_date_time: '2030-01-01 05:00:00',
  seats: 1,
  ticket_url: null,
  created_on: 1,
  stamp,
  price: { value: 100, fxcode: 'THB' },
});

describe('BookingReconciler', () => {
  let watch: FakeWatchList;
  let dedup: Set<string>;
  let upstream: Map<string, unknown>;
  let owners: Map<string, string>;
  let adds: jest.Mock;
  let reads: jest.Mock;
  let readTimes: number[];

  const make = (ratePerS = 1000, intervalMs = 1000) => {
    const redisClient = {
      exists: async (k: string) => (dedup.has(k) ? 1 : 0),
      set: async (k: string) => {
        dedup.add(k);
        return 'OK';
      },
    };
    const redis = {
      keyPrefix: 'p:',
      key: (...parts: string[]) => `p:${parts.join(':')}`,
      run: (_op: string, fn: (c: typeof redisClient) => unknown) => fn(redisClient),
    };
    const registry = { get: (id: string) => (id === 'gone' ? undefined : client(id, id !== 'quiet')) };
    return new BookingReconciler(
      watch as unknown as ReconcileWatchList,
      {
        read: async (bid: string) => (owners.has(bid) ? { bid, clientId: owners.get(bid) } : null),
      } as unknown as BookingOwnerStore,
      registry as unknown as ClientRegistry,
      { getBookingDetails: reads } as never,
      redis as unknown as RedisService,
      {
        inbound: { add: adds },
        inboundJobOptions: (jobId: string) => ({ jobId }),
      } as unknown as NotificationQueues,
      { dedupTtlS: 604_800 } as NotificationsSettings,
      {
        poll: jest.fn(),
        emitted: jest.fn(),
        tickStarted: jest.fn(),
        tickFinished: jest.fn(),
      } as unknown as ReconcileTelemetry,
      {
        RECONCILE_INTERVAL_MS: intervalMs,
        RECONCILE_MAX_AGE_DAYS: 7,
        RECONCILE_RATE_PER_S: ratePerS,
      } as AppConfig,
    );
  };

  beforeEach(() => {
    watch = new FakeWatchList();
    dedup = new Set();
    upstream = new Map();
    owners = new Map();
    adds = jest.fn().mockResolvedValue(undefined);
    readTimes = [];
    reads = jest.fn(async (_ctx: unknown, bid: string) => {
      readTimes.push(Date.now());
      const answer = upstream.get(bid);
      if (answer instanceof Error) throw answer;
      return answer;
    });
  });

  const now = Date.now();

  it('stores the lost inbound job under the id the 12go webhook would have had, and marks it', async () => {
    owners.set('700', 'demo');
    watch.add('700', now - 60_000, now - 1, { status: 'pending_client_confirmation', stamp: 100 });
    upstream.set('700', details('700', 'confirmed', 1778382366));

    expect(await make().runTick()).toEqual({ polled: 1, emitted: 1, pruned: 0 });

    const webhook = parseInboundNotification(
      Buffer.from(
        JSON.stringify({
          bid: 700,
          type: 'booking_confirmed',
          stamp: 1778382366,
          new_data: { status: 'confirmed' },
        }),
      ),
    );
    if (!webhook.ok) throw new Error('fixture webhook did not parse');
    expect(adds).toHaveBeenCalledTimes(1);
    const [, data, opts] = adds.mock.calls[0];
    expect(opts).toEqual({ jobId: inboundJobId(webhook.notification) });
    expect(data).toMatchObject({
      bid: '700',
      type: 'booking_confirmed',
      dedupStamp: '1778382366',
      stamp: 1778382366,
      newStatus: 'confirmed',
      previousStatus: 'pending_client_confirmation',
    });
    expect(dedup.has('p:ntf:dedup:700:booking_confirmed:1778382366')).toBe(true);
    expect(watch.notified.get('700')).toEqual({ status: 'confirmed', stamp: 1778382366 });
    // confirmed can still be cancelled: it stays watched, due again one interval later
    expect(watch.dueAt.get('700')).toBeGreaterThan(now);
  });

  it('adds nothing when the webhook path already took the event', async () => {
    owners.set('701', 'demo');
    watch.add('701', now - 60_000, now - 1);
    upstream.set('701', details('701', 'confirmed', 500));
    dedup.add('p:ntf:dedup:701:booking_confirmed:500');

    expect((await make().runTick()).emitted).toBe(0);
    expect(adds).not.toHaveBeenCalled();
    expect(watch.notified.get('701')).toEqual({ status: 'confirmed', stamp: 500 });
  });

  it('does nothing for a status the partner already has, and drops a booking once a final status is told', async () => {
    owners.set('702', 'demo');
    owners.set('703', 'demo');
    watch.add('702', now - 60_000, now - 1, { status: 'confirmed', stamp: 900 });
    watch.add('703', now - 60_000, now - 1, { status: 'confirmed', stamp: 900 });
    upstream.set('702', details('702', 'confirmed', 900));
    upstream.set('703', details('703', 'cancelled', 950));

    expect(await make().runTick()).toEqual({ polled: 2, emitted: 1, pruned: 0 });
    expect(adds.mock.calls.map(([, d]) => d.type)).toEqual(['booking_canceled']);
    expect(watch.dueAt.has('702')).toBe(true);
    expect(watch.dueAt.has('703')).toBe(false);
  });

  it('stops watching bookings without an owner, of removed clients, unknown to 12go or beyond the age bound', async () => {
    owners.set('711', 'gone');
    owners.set('712', 'demo');
    owners.set('713', 'demo');
    watch.add('710', now - 60_000, now - 1);
    watch.add('711', now - 60_000, now - 1);
    watch.add('712', now - 60_000, now - 1);
    watch.add('713', now - 8 * DAY_MS, now - 1);
    upstream.set('712', new TwelveGoError({ kind: 'not_found', operation: 'bookingDetails', status: 404 }));

    const summary = await make().runTick();
    expect(summary.pruned).toBe(1);
    expect([...watch.dueAt.keys()]).toEqual([]);
    expect(reads.mock.calls.map(([, bid]) => bid)).toEqual(['712']);
  });

  it('keeps a booking when 12go fails, and spends no 12go call on a client without a webhook', async () => {
    owners.set('720', 'demo');
    owners.set('721', 'quiet');
    watch.add('720', now - 60_000, now - 1);
    watch.add('721', now - 60_000, now - 1);
    upstream.set('720', new TwelveGoError({ kind: 'timeout', operation: 'bookingDetails' }));

    await make().runTick();
    expect(reads.mock.calls.map(([, bid]) => bid)).toEqual(['720']);
    expect(watch.dueAt.get('720')).toBeGreaterThan(now);
    expect(watch.dueAt.get('721')).toBeGreaterThan(now);
    expect(adds).not.toHaveBeenCalled();
  });

  it('reads 12go at RECONCILE_RATE_PER_S at most, and no more bookings than a tick budgets', async () => {
    for (const bid of ['731', '732', '733']) {
      owners.set(bid, 'demo');
      watch.add(bid, now - 60_000, now - 1, { status: 'confirmed', stamp: 1 });
      upstream.set(bid, details(bid, 'confirmed', 1));
    }
    await make(10, 10_000).runTick();
    expect(readTimes).toHaveLength(3);
    for (let i = 1; i < readTimes.length; i++)
      expect(readTimes[i] - readTimes[i - 1]).toBeGreaterThanOrEqual(95);

    reads.mockClear();
    for (const bid of ['731', '732', '733']) watch.dueAt.set(bid, now - 1);
    // 1 read/s over 80 % of a 1 s tick → one booking per tick
    expect((await make(1, 1000).runTick()).polled).toBe(1);
    expect(reads).toHaveBeenCalledTimes(1);
  });
});
