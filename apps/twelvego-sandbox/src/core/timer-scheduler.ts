import type { SandboxClock } from './sandbox-clock';

interface Timer {
  id: number;
  dueMs: number;
  label: string;
  run: () => void;
}

/**
 * Timers on the sandbox clock (docs/upstream-12go.md#clock-and-determinism): run by a 100 ms tick on a running clock, or synchronously by
 * `runDue()` after `POST /__sandbox/clock/advance`. Ties run in scheduling order.
 */
export class TimerScheduler {
  private timers: Timer[] = [];
  private nextId = 1;
  private interval: NodeJS.Timeout | null = null;
  private running = false;

  constructor(private readonly clock: SandboxClock) {}

  start(tickMs = 100): void {
    if (this.interval) return;
    this.interval = setInterval(() => this.runDue(), tickMs);
    this.interval.unref();
  }

  stop(): void {
    if (this.interval) clearInterval(this.interval);
    this.interval = null;
  }

  /** Schedules `run` at sandbox time `nowMs() + delayMs`; a zero delay runs on the next tick. */
  schedule(delayMs: number, label: string, run: () => void): number {
    const id = this.nextId++;
    this.timers.push({ id, dueMs: this.clock.nowMs() + Math.max(0, delayMs), label, run });
    return id;
  }

  cancel(id: number): void {
    this.timers = this.timers.filter((t) => t.id !== id);
  }

  clear(): void {
    this.timers = [];
  }

  pending(): Array<{ id: number; dueMs: number; label: string }> {
    return this.timers.map(({ id, dueMs, label }) => ({ id, dueMs, label }));
  }

  /** Runs every due timer (including ones scheduled by timers that are already due). */
  runDue(): number {
    if (this.running) return 0;
    this.running = true;
    let ran = 0;
    try {
      for (;;) {
        const now = this.clock.nowMs();
        const due = this.timers
          .filter((t) => t.dueMs <= now)
          .sort((a, b) => a.dueMs - b.dueMs || a.id - b.id)[0];
        if (!due) break;
        this.timers = this.timers.filter((t) => t !== due);
        ran++;
        try {
          due.run();
        } catch {
          // a failing timer must not stop the others
        }
      }
    } finally {
      this.running = false;
    }
    return ran;
  }
}
