import { ConfigValidationError, loadAppConfig } from './load-app-config';

describe('reconciler settings in the boot config', () => {
  it('defaults: on, every minute, 7 days, 5 reads per second', () => {
    const c = loadAppConfig({});
    expect([
      c.RECONCILE_ENABLED,
      c.RECONCILE_INTERVAL_MS,
      c.RECONCILE_MAX_AGE_DAYS,
      c.RECONCILE_RATE_PER_S,
    ]).toEqual([true, 60_000, 7, 5]);
  });

  it('reads the variables', () => {
    const c = loadAppConfig({
      RECONCILE_ENABLED: 'false',
      RECONCILE_INTERVAL_MS: '500',
      RECONCILE_MAX_AGE_DAYS: '30',
      RECONCILE_RATE_PER_S: '20',
    });
    expect([
      c.RECONCILE_ENABLED,
      c.RECONCILE_INTERVAL_MS,
      c.RECONCILE_MAX_AGE_DAYS,
      c.RECONCILE_RATE_PER_S,
    ]).toEqual([false, 500, 30, 20]);
  });

  it('stops boot with every bad value listed at once', () => {
    let problems: string[] = [];
    try {
      loadAppConfig({
        RECONCILE_ENABLED: 'sometimes',
        RECONCILE_INTERVAL_MS: '10',
        RECONCILE_MAX_AGE_DAYS: '0',
        RECONCILE_RATE_PER_S: '1.5',
      });
    } catch (e) {
      expect(e).toBeInstanceOf(ConfigValidationError);
      problems = (e as ConfigValidationError).problems;
    }
    for (const name of [
      'RECONCILE_ENABLED',
      'RECONCILE_INTERVAL_MS',
      'RECONCILE_MAX_AGE_DAYS',
      'RECONCILE_RATE_PER_S',
    ])
      expect(problems.some((p) => p.includes(name))).toBe(true);
  });
});
