import { Inject, Injectable, OnApplicationShutdown } from '@nestjs/common';
import type { TwelveGoWebhookPayload } from '@app/twelvego-client';
import { SANDBOX_CONFIG, SandboxConfig } from '../config/sandbox-config';
import { hmacHex } from '../core/hashing';
import { TimerScheduler } from '../core/timer-scheduler';
import { FaultRulesService } from '../faults/fault-rules.service';
import { ApiKeysService } from '../http/api-keys.service';

/** Webhook sender of docs/upstream-12go.md#webhook-sender: one POST per transition, in order per booking, retried on the sandbox clock. */

export interface WebhookAttempt {
  eventId: number;
  bid: number;
  type: string;
  status: string;
  url: string | null;
  attempt: number;
  httpStatus: number | null;
  error: string | null;
  outcome: 'delivered' | 'failed' | 'dropped' | 'no_target' | 'fault_drop';
  startedAt: string;
  durationMs: number;
  payload: TwelveGoWebhookPayload;
}

interface QueuedEvent {
  id: number;
  apiKey: string;
  payload: TwelveGoWebhookPayload;
  copies: number;
}

export const WEBHOOK_USER_AGENT = 'twelvego-sandbox-webhook/1';

@Injectable()
export class WebhookSenderService implements OnApplicationShutdown {
  private readonly queues = new Map<number, { events: QueuedEvent[]; busy: boolean }>();
  private attempts: WebhookAttempt[] = [];
  private nextEventId = 1;
  private closed = false;
  private readonly inFlight = new Set<AbortController>();
  private readonly realTimers = new Set<NodeJS.Timeout>();
  private generation = 0;

  constructor(
    @Inject(SANDBOX_CONFIG) private readonly config: SandboxConfig,
    private readonly keys: ApiKeysService,
    private readonly faults: FaultRulesService,
    private readonly scheduler: TimerScheduler,
  ) {}

  enqueue(apiKey: string, payload: TwelveGoWebhookPayload): void {
    if (this.closed) return;
    const bid = Number(payload.bid);
    const queue = this.queues.get(bid) ?? { events: [], busy: false };
    queue.events.push({ id: this.nextEventId++, apiKey, payload, copies: 1 });
    this.queues.set(bid, queue);
    this.pump(bid);
  }

  log(): WebhookAttempt[] {
    return this.attempts.map((a) => ({ ...a }));
  }

  /** Clears the log and queues (admin reset); in-flight deliveries finish unobserved. */
  reset(): void {
    this.generation++;
    this.queues.clear();
    this.attempts = [];
    this.nextEventId = 1;
    for (const t of this.realTimers) clearTimeout(t);
    this.realTimers.clear();
  }

  onApplicationShutdown(): void {
    this.closed = true;
    for (const c of this.inFlight) c.abort();
    for (const t of this.realTimers) clearTimeout(t);
    this.realTimers.clear();
  }

  private pump(bid: number): void {
    const queue = this.queues.get(bid);
    if (!queue || queue.busy || this.closed) return;
    const event = queue.events[0];
    if (!event) return;
    queue.busy = true;
    const generation = this.generation;
    const done = () => {
      if (generation !== this.generation) return;
      queue.events.shift();
      queue.busy = false;
      this.pump(bid);
    };
    const fault = this.faults.match({
      method: 'POST',
      path: `webhook:${event.payload.type}`,
      apiKey: event.apiKey,
    });
    if (fault?.webhook === 'drop') {
      this.record(event, null, 0, null, null, 'fault_drop', Date.now());
      done();
      return;
    }
    if (fault?.webhook === 'duplicate') event.copies = 2;
    const start = () => void this.attempt(event, 1, generation, done);
    if (fault?.delayMs) {
      const t = setTimeout(() => {
        this.realTimers.delete(t);
        start();
      }, fault.delayMs);
      t.unref();
      this.realTimers.add(t);
    } else start();
  }

  private async attempt(
    event: QueuedEvent,
    attempt: number,
    generation: number,
    done: () => void,
  ): Promise<void> {
    if (this.closed || generation !== this.generation) return;
    const url = this.keys.webhookTarget(event.apiKey);
    if (!url) {
      this.record(event, null, attempt, null, null, 'no_target', Date.now());
      done();
      return;
    }
    const body = JSON.stringify(event.payload);
    let delivered = false;
    for (let copy = 0; copy < event.copies; copy++) {
      const ok = await this.post(event, url, body, attempt);
      delivered = delivered || ok;
      if (this.closed || generation !== this.generation) return;
    }
    if (delivered) {
      done();
      return;
    }
    const delay = this.config.webhookRetryDelaysMs[attempt - 1];
    if (delay === undefined) {
      const last = this.attempts[this.attempts.length - 1];
      if (last) last.outcome = 'dropped';
      done();
      return;
    }
    this.scheduler.schedule(
      delay,
      `webhook-retry:${event.payload.bid}`,
      () => void this.attempt(event, attempt + 1, generation, done),
    );
  }

  private async post(event: QueuedEvent, url: string, body: string, attempt: number): Promise<boolean> {
    const headers: Record<string, string> = {
      'content-type': 'application/json',
      'user-agent': WEBHOOK_USER_AGENT,
    };
    if (this.config.webhookHmacSecret)
      headers['x-sandbox-signature'] = `sha256=${hmacHex(this.config.webhookHmacSecret, body)}`;
    const controller = new AbortController();
    this.inFlight.add(controller);
    const timer = setTimeout(() => controller.abort(), this.config.webhookTimeoutMs);
    timer.unref();
    const started = Date.now();
    try {
      const res = await fetch(url, {
        method: 'POST',
        headers,
        body,
        signal: controller.signal,
        redirect: 'manual',
      });
      await res.arrayBuffer().catch(() => undefined);
      const ok = res.status >= 200 && res.status < 300;
      this.record(event, url, attempt, res.status, null, ok ? 'delivered' : 'failed', started);
      return ok;
    } catch (err) {
      const message = controller.signal.aborted
        ? 'timeout'
        : err instanceof Error
          ? err.cause instanceof Error
            ? err.cause.message
            : err.message
          : 'error';
      this.record(event, url, attempt, null, message, 'failed', started);
      return false;
    } finally {
      clearTimeout(timer);
      this.inFlight.delete(controller);
    }
  }

  private record(
    event: QueuedEvent,
    url: string | null,
    attempt: number,
    httpStatus: number | null,
    error: string | null,
    outcome: WebhookAttempt['outcome'],
    started: number,
  ): void {
    this.attempts.push({
      eventId: event.id,
      bid: Number(event.payload.bid),
      type: event.payload.type,
      status: event.payload.new_data.status,
      url,
      attempt,
      httpStatus,
      error,
      outcome,
      startedAt: new Date(started).toISOString(),
      durationMs: Date.now() - started,
      payload: event.payload,
    });
    if (this.attempts.length > 5000) this.attempts.splice(0, this.attempts.length - 5000);
  }
}
