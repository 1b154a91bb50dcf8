import { Inject, Injectable, OnApplicationShutdown } from '@nestjs/common';
import { SANDBOX_CONFIG, SandboxConfig } from '../config/sandbox-config';
import { SandboxClock } from '../core/sandbox-clock';
import { TimerScheduler } from '../core/timer-scheduler';
import { RecheckGroup, SandboxState } from '../state/sandbox-state';
import { DEPARTURE_PLANS } from './departure-plan';

/** Live checks of docs/upstream-12go.md#recheck-simulation: one job per (seller, from, to, date); concurrent calls share it. */
@Injectable()
export class RecheckService implements OnApplicationShutdown {
  constructor(
    @Inject(SANDBOX_CONFIG) private readonly config: SandboxConfig,
    private readonly clock: SandboxClock,
    private readonly scheduler: TimerScheduler,
    private readonly state: SandboxState,
  ) {}

  groupTripKeys(sellerId: number, from: number, to: number): string[] {
    return DEPARTURE_PLANS.filter(
      (p) => p.liveChecked && p.sellerId === sellerId && p.from === from && p.to === to,
    ).map((p) => p.tripKey);
  }

  /** Resolves when the group's live check completes (after `SANDBOX_RECHECK_DELAY_MS` on the sandbox clock). */
  check(sellerId: number, from: number, to: number, date: string): Promise<void> {
    const key = `${sellerId}|${from}|${to}|${date}`;
    let group = this.state.rechecks.get(key);
    if (!group) {
      group = { key, state: 'unvalidated', validatedUntilMs: 0, waiters: [] };
      this.state.rechecks.set(key, group);
    }
    const g: RecheckGroup = group;
    const done = new Promise<void>((resolve) => g.waiters.push(resolve));
    if (g.state !== 'checking') {
      g.state = 'checking';
      const complete = () => {
        g.state = 'validated';
        g.validatedUntilMs = this.clock.nowMs() + this.config.recheckFreshS * 1000;
        const waiters = g.waiters.splice(0);
        waiters.forEach((w) => w());
      };
      if (this.config.recheckDelayMs === 0) complete();
      else this.scheduler.schedule(this.config.recheckDelayMs, `recheck:${key}`, complete);
    }
    return done;
  }

  /** Releases every waiting call (reset and shutdown). */
  releaseAll(): void {
    for (const g of this.state.rechecks.values()) g.waiters.splice(0).forEach((w) => w());
  }

  onApplicationShutdown(): void {
    this.releaseAll();
  }
}
