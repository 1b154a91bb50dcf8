import { DAY_MS, HOUR_MS, formatDate } from './local-time';

/** "Today" is the calendar date in UTC+7 (docs/upstream-12go.md#clock-and-determinism). */
export const SANDBOX_TODAY_OFFSET_HOURS = 7;

/**
 * The one sandbox clock (docs/upstream-12go.md#clock-and-determinism): real time, `SANDBOX_NOW` plus elapsed real time, or frozen.
 * `realNow` is injectable so the clock itself can be unit-tested.
 */
export class SandboxClock {
  private baseInstant: number;
  private baseReal: number;
  private frozen: boolean;

  constructor(
    start: string | null,
    frozen: boolean,
    private readonly realNow: () => number = Date.now,
  ) {
    this.baseReal = this.realNow();
    this.baseInstant = start ? Date.parse(start) : this.baseReal;
    this.frozen = frozen;
  }

  nowMs(): number {
    return this.frozen ? this.baseInstant : this.baseInstant + (this.realNow() - this.baseReal);
  }

  nowEpochSeconds(): number {
    return Math.floor(this.nowMs() / 1000);
  }

  isFrozen(): boolean {
    return this.frozen;
  }

  set(nowIso: string | null | undefined, frozen: boolean | undefined): void {
    const current = this.nowMs();
    this.baseReal = this.realNow();
    this.baseInstant = nowIso ? Date.parse(nowIso) : current;
    if (frozen !== undefined) this.frozen = frozen;
  }

  advance(ms: number): void {
    const current = this.nowMs();
    this.baseReal = this.realNow();
    this.baseInstant = current + ms;
  }

  /** `yyyy-MM-dd` of today in UTC+7. */
  today(): string {
    return formatDate(this.nowMs() + SANDBOX_TODAY_OFFSET_HOURS * HOUR_MS);
  }

  /** `yyyy-MM-dd` of today + n days. */
  dayOffset(n: number): string {
    return formatDate(this.nowMs() + SANDBOX_TODAY_OFFSET_HOURS * HOUR_MS + n * DAY_MS);
  }
}
