import { ConfigValidationError, LOCAL_ONLY_DEFAULTS, loadAppConfig } from './load-app-config';
import { parseApiVersions } from './api-versions';

describe('loadAppConfig', () => {
  it('applies the documented defaults', () => {
    const c = loadAppConfig({});
    expect(c.PORT).toBe(3000);
    expect(c.REDIS_KEY_PREFIX).toBe('tcb:');
    expect(c.BODY_LIMIT_BYTES).toBe(1_048_576);
    expect(c.BOOKING_BODY_LIMIT_BYTES).toBe(10_485_760);
    expect(c.WEBHOOK_REQUIRE_HTTPS).toBe(true);
    expect(c.TWELVEGO_BASE_URL).toBe('http://127.0.0.1:4010');
    expect(c.apiVersions.current).toBe('2023-07-01');
    expect(c.webhookPathSecrets).toEqual([LOCAL_ONLY_DEFAULTS.TWELVEGO_WEBHOOK_PATH_SECRETS]);
  });

  it('parses numbers and booleans; blank means unset', () => {
    const c = loadAppConfig({
      PORT: '8080',
      READY_STRICT: 'yes',
      LOG_PRETTY: '0',
      REDIS_COMMAND_TIMEOUT_MS: ' ',
    });
    expect([c.PORT, c.READY_STRICT, c.LOG_PRETTY, c.REDIS_COMMAND_TIMEOUT_MS]).toEqual([
      8080,
      true,
      false,
      500,
    ]);
  });

  it('lists every problem at once, without echoing values', () => {
    try {
      loadAppConfig({
        PORT: 'abc',
        READY_STRICT: 'maybe',
        LOG_LEVEL: 'loud',
        ADMIN_TOKENS: 'short-secret-token',
      });
      throw new Error('expected a failure');
    } catch (e) {
      expect(e).toBeInstanceOf(ConfigValidationError);
      const { problems, message } = e as ConfigValidationError;
      expect(problems).toEqual(
        expect.arrayContaining([
          expect.stringContaining('PORT'),
          expect.stringContaining('READY_STRICT'),
          expect.stringContaining('LOG_LEVEL'),
        ]),
      );
      expect(message).not.toContain('abc');
    }
    expect(() => loadAppConfig({ ADMIN_TOKENS: 'short-secret-token' })).toThrow(/ADMIN_TOKENS/);
  });

  it('refuses unsafe settings in production and requires its secrets', () => {
    expect(() => loadAppConfig({ NODE_ENV: 'production' })).toThrow(
      /TWELVEGO_BASE_URL is required[\s\S]*TWELVEGO_WEBHOOK_PATH_SECRETS[\s\S]*BOOKING_TOKEN_HMAC_KEY[\s\S]*STATIC_LINK_BASE_URL is required/,
    );
    const prod = {
      NODE_ENV: 'production',
      TWELVEGO_BASE_URL: 'https://api.12go.example',
      TWELVEGO_WEBHOOK_PATH_SECRETS: 'p'.repeat(40),
      BOOKING_TOKEN_HMAC_KEY: 'k'.repeat(40),
      STATIC_LINK_BASE_URL: 'https://api.travelier.example',
    };
    expect(loadAppConfig(prod).isProduction).toBe(true);
    expect(() => loadAppConfig({ ...prod, CONFIG_ALLOW_INLINE_SECRETS: 'true' })).toThrow(
      /CONFIG_ALLOW_INLINE_SECRETS/,
    );
    expect(() => loadAppConfig({ ...prod, WEBHOOK_REQUIRE_HTTPS: 'false' })).toThrow(/WEBHOOK_REQUIRE_HTTPS/);
  });

  it('validates URLs and the timeout and version lists', () => {
    expect(() => loadAppConfig({ TWELVEGO_BASE_URL: 'ftp://x' })).toThrow(/TWELVEGO_BASE_URL/);
    expect(() => loadAppConfig({ REDIS_URL: 'http://x' })).toThrow(/REDIS_URL/);
    expect(() => loadAppConfig({ STATIC_LINK_BASE_URL: 'https://x/?a=1' })).toThrow(/STATIC_LINK_BASE_URL/);
    expect(() => loadAppConfig({ SEARCH_MAX_PAIRS: '0' })).toThrow(/SEARCH_MAX_PAIRS/);
    expect(() => loadAppConfig({ TWELVEGO_TIMEOUTS: 'search=fast' })).toThrow(/TWELVEGO_TIMEOUTS/);
    expect(() => loadAppConfig({ API_VERSIONS: '2023-07-01=removed' })).toThrow(/API_VERSIONS/);
  });

  it('accepts exactly one Redis topology (and one queue topology), refusing two with one line', () => {
    expect(loadAppConfig({}).redisTopology).toEqual({ kind: 'standalone', url: 'redis://localhost:6379' });
    const cluster = loadAppConfig({ REDIS_CLUSTER_NODES: '127.0.0.1:7000,127.0.0.1:7001' });
    expect(cluster.redisTopology.kind).toBe('cluster');
    expect(cluster.redisQueueTopology).toEqual(cluster.redisTopology);
    const sentinel = loadAppConfig({ REDIS_SENTINELS: 'h:26379', REDIS_SENTINEL_NAME: 'tcb' });
    expect(sentinel.redisTopology).toMatchObject({ kind: 'sentinel', name: 'tcb' });
    expect(loadAppConfig({ REDIS_QUEUE_CLUSTER_NODES: 'q:7000' }).redisQueueTopology.kind).toBe('cluster');
    const twice = () => loadAppConfig({ REDIS_URL: 'redis://h:6379', REDIS_CLUSTER_NODES: 'h:7000' });
    expect(twice).toThrow(ConfigValidationError);
    expect(twice).toThrow(/ - Set exactly one Redis topology, not REDIS_URL and REDIS_CLUSTER_NODES: .+$/m);
    expect(() => loadAppConfig({ REDIS_QUEUE_URL: 'redis://q:1', REDIS_QUEUE_SENTINELS: 'q:2' })).toThrow(
      /not REDIS_QUEUE_URL and REDIS_QUEUE_SENTINELS/,
    );
    expect(() => loadAppConfig({ REDIS_SENTINELS: 'h:26379' })).toThrow(/REDIS_SENTINEL_NAME/);
  });

  it('refuses a queue prefix without a hash tag on a Redis Cluster', () => {
    const nodes = { REDIS_CLUSTER_NODES: '127.0.0.1:7000' };
    expect(() => loadAppConfig({ ...nodes, QUEUE_PREFIX: 'tcb-q' })).toThrow(
      /QUEUE_PREFIX must hold one \{hash tag\}/,
    );
    expect(loadAppConfig({ ...nodes, QUEUE_PREFIX: '{tcb-q}' }).redisTopology.kind).toBe('cluster');
    expect(loadAppConfig({ QUEUE_PREFIX: 'tcb-q' }).redisTopology.kind).toBe('standalone');
  });
});

describe('parseApiVersions', () => {
  it('reads current, deprecated and removed versions', () => {
    const t = parseApiVersions('2023-07-01=current, 2022-01-01=deprecated@2023-11-14, 2021-01-01=removed');
    expect(t.current).toBe('2023-07-01');
    expect(t.supported).toEqual(['2023-07-01', '2022-01-01']);
    expect(t.versions.get('2022-01-01')).toEqual({ state: 'deprecated', deprecatedOn: '2023-11-14' });
  });
  it('rejects impossible dates and unknown states', () => {
    expect(() => parseApiVersions('2023-02-30')).toThrow();
    expect(() => parseApiVersions('2023-07-01=beta')).toThrow();
  });
});
