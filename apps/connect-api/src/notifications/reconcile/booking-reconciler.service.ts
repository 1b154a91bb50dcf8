import { randomUUID } from 'node:crypto';
import { Inject, Injectable, Logger } from '@nestjs/common';
import { TwelveGoClient, TwelveGoError, type TwelveGoBookingDetailsNormalized } from '@app/twelvego-client';
import { BookingOwnerStore } from '../../booking-owner/booking-owner.store';
import { ReconcileWatchList } from '../../booking-owner/reconcile-watch-list';
import { AppConfig } from '../../platform/config/app-config';
import { ClientRegistry } from '../../platform/clients/client-registry';
import { redisKeys } from '../../platform/redis/redis-keys';
import { RedisService } from '../../platform/redis/redis.service';
import { callContextFor } from '../../platform/twelvego/call-context';
import { isUpstreamNotFound } from '../../platform/twelvego/upstream-not-found';
import { inboundDedupKeyParts, inboundJobId } from '../inbound/inbound-notification';
import { NOTIFICATIONS_SETTINGS } from '../notifications.settings.provider';
import type { NotificationsSettings } from '../notifications.settings';
import type { InboundJobData } from '../queueing/notification-jobs';
import { NotificationQueues } from '../queueing/notification-queues';
import { partnerEventId } from '../queueing/partner-event.mapper';
import { DAY_MS, decideReconcile, isFinalStatus, nextPollDelayMs, tickBudget } from './reconcile-plan';
import { ReconcileTelemetry, type PollResult } from './reconcile-telemetry';

/** Bookings past the age bound dropped per tick (the rest go on the next ticks). */
const PRUNE_BATCH = 1000;
/** A tick ends by this share of the interval, so the next one never overlaps it. */
const TICK_SHARE = 0.9;

export interface TickSummary {
  polled: number;
  emitted: number;
  pruned: number;
}

const sleep = (ms: number) => new Promise<void>((r) => setTimeout(r, ms));

/**
 * Catches up on 12go webhooks that never reached us (Redis down → 503 → 12go gave up): polls 12go's booking
 * details for watched bookings, compares with the last status the partner was told and, when it differs,
 * stores the inbound job the webhook would have stored — same job id, same dedup marker, hence the same
 * partner event id — so the normal pipeline delivers it once and a late real webhook is a duplicate.
 */
@Injectable()
export class BookingReconciler {
  private readonly logger = new Logger('NotifyReconcile');
  private readonly intervalMs: number;
  private readonly maxAgeMs: number;
  private readonly ratePerS: number;
  private stopping = false;

  constructor(
    private readonly watch: ReconcileWatchList,
    private readonly owners: BookingOwnerStore,
    private readonly registry: ClientRegistry,
    private readonly twelvego: TwelveGoClient,
    private readonly redis: RedisService,
    private readonly queues: NotificationQueues,
    @Inject(NOTIFICATIONS_SETTINGS) private readonly settings: NotificationsSettings,
    private readonly telemetry: ReconcileTelemetry,
    config: AppConfig,
  ) {
    this.intervalMs = config.RECONCILE_INTERVAL_MS;
    this.maxAgeMs = config.RECONCILE_MAX_AGE_DAYS * DAY_MS;
    this.ratePerS = config.RECONCILE_RATE_PER_S;
  }

  /** Ends a running tick after the booking in hand (shutdown). */
  stop(): void {
    this.stopping = true;
  }

  /** One pass: prune beyond the age bound, then poll due bookings at RECONCILE_RATE_PER_S at most. */
  async runTick(startMs = Date.now()): Promise<TickSummary> {
    const deadline = startMs + this.intervalMs * TICK_SHARE;
    const summary: TickSummary = { polled: 0, emitted: 0, pruned: 0 };
    const expired = await this.watch.enrolledBefore(startMs - this.maxAgeMs, PRUNE_BATCH);
    await this.watch.remove(...expired);
    summary.pruned = expired.length;
    const size = await this.watch.size(startMs);
    this.telemetry.tickStarted(size.watched, size.due, expired.length);
    const due = await this.watch.due(startMs, tickBudget(this.ratePerS, this.intervalMs));
    const spacingMs = 1000 / this.ratePerS;
    let nextSlot = Date.now();
    for (const bid of due) {
      if (this.stopping || Date.now() >= deadline) break;
      const wait = nextSlot - Date.now();
      if (wait > 0) await sleep(wait);
      const startedAt = Date.now();
      const result = await this.reconcileOne(bid);
      // only 12go reads spend the rate budget
      if (result.polled) nextSlot = startedAt + spacingMs;
      summary.polled += result.polled ? 1 : 0;
      summary.emitted += result.result === 'emitted' ? 1 : 0;
    }
    this.telemetry.tickFinished(Date.now() - startMs);
    return summary;
  }

  private async reconcileOne(bid: string): Promise<{ result: PollResult; polled: boolean }> {
    const done = (result: PollResult, polled: boolean) => {
      this.telemetry.poll(result);
      return { result, polled };
    };
    try {
      const owner = await this.owners.read(bid);
      if (!owner) {
        await this.watch.remove(bid);
        return done('no_owner', false);
      }
      const client = this.registry.get(owner.clientId);
      if (!client) {
        await this.watch.remove(bid);
        return done('client_removed', false);
      }
      const enrolledAt = (await this.watch.enrolledAt(bid)) ?? Date.now();
      if (!client.enabled || !client.webhook?.url) {
        // nobody to tell: no 12go call; looked at again later in case the client gets a webhook
        await this.reschedule(bid, enrolledAt, null);
        return done('skipped_no_webhook', false);
      }
      const correlationId = `reconcile-${randomUUID()}`;
      let details: TwelveGoBookingDetailsNormalized;
      try {
        details = await this.twelvego.getBookingDetails(callContextFor(client, { correlationId }), bid);
      } catch (err) {
        if (isUpstreamNotFound(err)) {
          await this.watch.remove(bid);
          return done('not_found', true);
        }
        this.logger.warn({
          msg: 'reconcile.poll_failed',
          bid,
          client_id: client.clientId,
          correlation_id: correlationId,
          kind: err instanceof TwelveGoError ? err.kind : 'error',
        });
        await this.reschedule(bid, enrolledAt, null);
        return done('upstream_error', true);
      }
      const stamp = Number(details.stamp);
      const status = String(details.status ?? '');
      if (!Number.isSafeInteger(stamp) || stamp < 0 || status === '') {
        await this.reschedule(bid, enrolledAt, null);
        return done('unusable', true);
      }
      const result = await this.compare(bid, client.clientId, details, { status, stamp }, correlationId);
      if (isFinalStatus(status)) await this.watch.remove(bid);
      else await this.reschedule(bid, enrolledAt, stamp * 1000);
      return done(result, true);
    } catch (err) {
      // Redis trouble: the booking stays due and is taken again on a later tick
      this.logger.warn({ msg: 'reconcile.failed', bid, err: (err as Error).message });
      return done('error', false);
    }
  }

  private async compare(
    bid: string,
    clientId: string,
    details: TwelveGoBookingDetailsNormalized,
    current: { status: string; stamp: number },
    correlationId: string,
  ): Promise<PollResult> {
    const decision = decideReconcile(current, await this.watch.lastNotified(bid));
    if (decision.kind === 'in_sync') return 'in_sync';
    if (decision.kind === 'record') {
      await this.watch.recordNotified(bid, current);
      return 'recorded';
    }
    const key = { bid, type: decision.type, dedupStamp: decision.dedupStamp };
    const dedupKey = redisKeys.inboundDedup(this.redis.keyPrefix, inboundDedupKeyParts(key));
    if ((await this.redis.run('reconcile.dedup_check', (c) => c.exists(dedupKey))) === 1) {
      // the webhook path already took this event: it only lacked the notified record
      await this.watch.recordNotified(bid, current);
      return 'webhook_seen';
    }
    const data: InboundJobData = {
      bid,
      type: decision.type,
      upstreamType: decision.type,
      stamp: current.stamp,
      dedupStamp: decision.dedupStamp,
      receivedAtMs: Date.now(),
      newStatus: current.status,
      previousStatus: decision.previousStatus,
      body: reconstructedWebhook(details, decision.type, current, decision.previousStatus),
      correlationId,
    };
    // The job id the webhook path uses: if the real webhook got in meanwhile, this add is a no-op.
    await this.queues.inbound.add('inbound', data, this.queues.inboundJobOptions(inboundJobId(key)));
    await this.redis.run('reconcile.dedup_mark', (c) =>
      c.set(dedupKey, '1', 'EX', this.settings.dedupTtlS, 'NX'),
    );
    await this.watch.recordNotified(bid, current);
    this.logger.log({
      msg: 'reconcile.emitted',
      bid,
      client_id: clientId,
      type: decision.type,
      stamp: current.stamp,
      status: current.status,
      previous_status: decision.previousStatus,
      event_id: partnerEventId(clientId, bid, decision.type, decision.dedupStamp),
      correlation_id: correlationId,
    });
    this.telemetry.emitted(clientId, decision.type);
    return 'emitted';
  }

  private async reschedule(bid: string, enrolledAt: number, lastChangeMs: number | null): Promise<void> {
    const now = Date.now();
    await this.watch.reschedule(bid, now + nextPollDelayMs(now, enrolledAt, lastChangeMs, this.intervalMs));
  }
}

/** The 12go webhook body this change would have carried (booking snapshot fields only, no passenger data). */
function reconstructedWebhook(
  details: TwelveGoBookingDetailsNormalized,
  type: string,
  current: { status: string; stamp: number },
  previousStatus: string | null,
): Record<string, unknown> {
  const snapshot = {
    bid: details.bid,
    tracker: details.tracker,
    status: current.status,
    from_id: details.from_id,
    to_id: details.to_id,
    dep_date_time: details.dep_date_time,
    seats: details.seats,
    price: details.price,
  };
  return {
    bid: details.bid,
    type,
    stamp: current.stamp,
    new_data: snapshot,
    previous_data: previousStatus === null ? null : { ...snapshot, status: previousStatus },
    reconciled: true,
  };
}
