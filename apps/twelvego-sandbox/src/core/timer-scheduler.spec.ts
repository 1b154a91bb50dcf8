import { SandboxClock } from './sandbox-clock';
import { TimerScheduler } from './timer-scheduler';

describe('TimerScheduler', () => {
  it('runs timers only when the sandbox clock reaches them, in due order', () => {
    const clock = new SandboxClock('2026-05-10T00:00:00Z', true);
    const scheduler = new TimerScheduler(clock);
    const ran: string[] = [];
    scheduler.schedule(5000, 'b', () => ran.push('b'));
    scheduler.schedule(1000, 'a', () => ran.push('a'));
    expect(scheduler.runDue()).toBe(0);
    clock.advance(1000);
    scheduler.runDue();
    expect(ran).toEqual(['a']);
    clock.advance(10_000);
    scheduler.runDue();
    expect(ran).toEqual(['a', 'b']);
  });

  it('runs timers scheduled by due timers when they are due as well, and can cancel', () => {
    const clock = new SandboxClock('2026-05-10T00:00:00Z', true);
    const scheduler = new TimerScheduler(clock);
    const ran: string[] = [];
    scheduler.schedule(1000, 'first', () => {
      ran.push('first');
      scheduler.schedule(0, 'chained', () => ran.push('chained'));
    });
    const cancelled = scheduler.schedule(1000, 'cancelled', () => ran.push('cancelled'));
    scheduler.cancel(cancelled);
    clock.advance(2000);
    expect(scheduler.runDue()).toBe(2);
    expect(ran).toEqual(['first', 'chained']);
    expect(scheduler.pending()).toEqual([]);
  });
});
