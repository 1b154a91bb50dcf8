import { ConfigValidationError } from '../platform/config/load-app-config';
import { loadAppConfig } from '../platform/config/load-app-config';
import { parseNotificationsSettings } from './notifications.settings';

function problemsOf(env: Record<string, string>): string[] {
  try {
    parseNotificationsSettings(env);
  } catch (e) {
    if (e instanceof ConfigValidationError) return e.problems;
    throw e;
  }
  return [];
}

const SECRET = 'p'.repeat(32);

describe('notifications settings', () => {
  it('applies the spec defaults', () => {
    const s = parseNotificationsSettings({ TWELVEGO_WEBHOOK_PATH_SECRETS: SECRET });
    expect(s.deliveryScheduleMs).toHaveLength(10);
    expect(s.inboundScheduleMs).toEqual([10_000, 30_000, 60_000, 300_000, 900_000, 1_800_000, 3_600_000]);
    expect(s).toMatchObject({
      deliveryConcurrency: 16,
      inboundConcurrency: 4,
      deliveryTimeoutMs: 10_000,
      connectTimeoutMs: 5_000,
      dedupTtlS: 604_800,
      dlqRetentionDays: 30,
      ownerProbe: true,
      ownerProbeConcurrency: 5,
      requireHttps: true,
      allowPrivateTargets: false,
      workersEnabled: true,
      lockDurationMs: 30_000,
      stalledIntervalMs: 30_000,
      queuePrefix: '{tcb-q}',
      inboundRatePerSec: 100,
    });
  });

  it('derives the queue prefix from REDIS_KEY_PREFIX unless QUEUE_PREFIX is set — one value for the whole app', () => {
    expect(parseNotificationsSettings({ REDIS_KEY_PREFIX: 't1a2:' }).queuePrefix).toBe('{t1a2-q}');
    expect(loadAppConfig({ REDIS_KEY_PREFIX: 't1a2:' }).QUEUE_PREFIX).toBe('{t1a2-q}');
    expect(parseNotificationsSettings({ REDIS_KEY_PREFIX: 't1a2:', QUEUE_PREFIX: '{x}' }).queuePrefix).toBe('{x}');
    expect(loadAppConfig({ REDIS_KEY_PREFIX: 't1a2:', QUEUE_PREFIX: ' ' }).QUEUE_PREFIX).toBe('{t1a2-q}');
  });

  it('turns workers off by flag or ROLE=api', () => {
    expect(parseNotificationsSettings({ NOTIFICATIONS_WORKERS_ENABLED: 'false' }).workersEnabled).toBe(false);
    expect(parseNotificationsSettings({ ROLE: 'api' }).workersEnabled).toBe(false);
  });

  it('lists every problem at once, in the boot config error', () => {
    expect(
      problemsOf({
        WEBHOOK_DELIVERY_CONCURRENCY: '0',
        NOTIFY_QUEUE_LOCK_MS: 'abc',
        NOTIFICATIONS_WORKERS_ENABLED: 'maybe',
        NOTIFY_OWNER_PROBE: 'sometimes',
      }),
    ).toEqual(
      expect.arrayContaining([
        'WEBHOOK_DELIVERY_CONCURRENCY must be at least 1',
        'NOTIFY_QUEUE_LOCK_MS must be an integer',
        'NOTIFICATIONS_WORKERS_ENABLED must be true or false',
        'NOTIFY_OWNER_PROBE must be true or false',
      ]),
    );
    expect(
      problemsOf({
        TWELVEGO_WEBHOOK_PATH_SECRETS: 'short',
        TWELVEGO_WEBHOOK_ALLOWED_CIDRS: '10.0.0.0/33',
        WEBHOOK_RETRY_SCHEDULE: '5 parsecs',
        NOTIFY_INBOUND_RETRY_SCHEDULE: '1m,,-5s',
        NODE_ENV: 'production',
        WEBHOOK_REQUIRE_HTTPS: 'false',
      }).join('\n'),
    ).toMatch(
      /RETRY_SCHEDULE[\s\S]*INBOUND_RETRY_SCHEDULE[\s\S]*ALLOWED_CIDRS[\s\S]*PATH_SECRETS[\s\S]*REQUIRE_HTTPS/,
    );
  });

  it('accepts every boolean spelling the boot config accepts', () => {
    expect(
      parseNotificationsSettings({ NOTIFY_OWNER_PROBE: 'off', WEBHOOK_ALLOW_PRIVATE_TARGETS: 'on' }),
    ).toMatchObject({
      ownerProbe: false,
      allowPrivateTargets: true,
    });
  });

  it('parses CIDRs and single addresses', () => {
    const s = parseNotificationsSettings({ TWELVEGO_WEBHOOK_ALLOWED_CIDRS: '10.1.0.0/16, 127.0.0.1, ::1' });
    expect(s.allowedCidrs.map(([ip, bits]) => `${ip.toString()}/${bits}`)).toEqual([
      '10.1.0.0/16',
      '127.0.0.1/32',
      '::1/128',
    ]);
  });
});
