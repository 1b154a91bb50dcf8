import { SandboxClock } from './sandbox-clock';

describe('SandboxClock', () => {
  let real = 1_000_000;
  const realNow = () => real;

  beforeEach(() => {
    real = 1_000_000;
  });

  it('runs from SANDBOX_NOW with real elapsed time', () => {
    const clock = new SandboxClock('2026-05-10T03:00:00Z', false, realNow);
    expect(clock.nowMs()).toBe(Date.parse('2026-05-10T03:00:00Z'));
    real += 5000;
    expect(clock.nowMs()).toBe(Date.parse('2026-05-10T03:00:05Z'));
  });

  it('stays put when frozen and moves only by advance/set', () => {
    const clock = new SandboxClock('2026-05-10T03:00:00Z', true, realNow);
    real += 60_000;
    expect(clock.nowMs()).toBe(Date.parse('2026-05-10T03:00:00Z'));
    clock.advance(90_000);
    expect(clock.nowMs()).toBe(Date.parse('2026-05-10T03:01:30Z'));
    clock.set('2026-06-01T00:00:00Z', false);
    real += 1000;
    expect(clock.nowMs()).toBe(Date.parse('2026-06-01T00:00:01Z'));
    expect(clock.isFrozen()).toBe(false);
  });

  it('computes today in UTC+7', () => {
    expect(new SandboxClock('2026-05-10T16:59:59Z', true, realNow).today()).toBe('2026-05-10');
    expect(new SandboxClock('2026-05-10T17:00:00Z', true, realNow).today()).toBe('2026-05-11');
    expect(new SandboxClock('2026-05-10T17:00:00Z', true, realNow).dayOffset(2)).toBe('2026-05-13');
  });
});
