import { DEMO_KEY, startStack, TestStack } from '../support/stack';
import { call, UUID_V4 } from './support/http';
import { PlatformTestModule } from './support/platform-test.module';

const WHOAMI = '/v1/demo/__platform_test/whoami';

describe('versions and tracing headers (docs/contract/headers.md#versioning, docs/contract/headers.md#tracing-headers, docs/contract/headers.md#response-headers)', () => {
  let stack: TestStack;
  beforeAll(async () => {
    stack = await startStack({
      extraModules: [PlatformTestModule],
      env: { API_VERSIONS: '2023-07-01=current,2022-01-01=deprecated@2023-11-14,2021-06-01=removed' },
    });
  });
  afterAll(() => stack?.close());

  describe('Travelier-Version', () => {
    it('uses and echoes the current version when the header is absent or empty', async () => {
      for (const headers of [{}, { 'travelier-version': '' }] as Array<Record<string, string>>) {
        const res = await call(stack.bffUrl, WHOAMI, { key: DEMO_KEY, headers });
        expect(res.status).toBe(200);
        expect(res.headers.get('travelier-version')).toBe('2023-07-01');
        expect(res.headers.get('deprecation')).toBeNull();
        expect(res.json.context.apiVersion).toBe('2023-07-01');
      }
    });

    it('echoes a current version and flags a deprecated one with its deprecation date', async () => {
      const current = await call(stack.bffUrl, WHOAMI, {
        key: DEMO_KEY,
        headers: { 'Travelier-Version': '2023-07-01' },
      });
      expect(current.headers.get('travelier-version')).toBe('2023-07-01');
      const deprecated = await call(stack.bffUrl, WHOAMI, {
        key: DEMO_KEY,
        headers: { 'travelier-version': '2022-01-01' },
      });
      expect(deprecated.status).toBe(200);
      expect(deprecated.headers.get('travelier-version')).toBe('2022-01-01');
      expect(deprecated.headers.get('deprecation')).toBe('2023-11-14');
    });

    it('accepts X-Travelier-Version as an alias; the canonical header wins', async () => {
      const alias = await call(stack.bffUrl, WHOAMI, {
        key: DEMO_KEY,
        headers: { 'x-travelier-version': '2022-01-01' },
      });
      expect(alias.headers.get('travelier-version')).toBe('2022-01-01');
      const both = await call(stack.bffUrl, WHOAMI, {
        key: DEMO_KEY,
        headers: { 'x-travelier-version': '2022-01-01', 'travelier-version': '2023-07-01' },
      });
      expect(both.headers.get('travelier-version')).toBe('2023-07-01');
    });

    it.each(['2021-06-01', '2024-01-01', '2023-02-30', '20230701', 'latest'])(
      'answers 400 unsupported_version for %s',
      async (version) => {
        const res = await call(stack.bffUrl, WHOAMI, {
          key: DEMO_KEY,
          headers: { 'travelier-version': version },
        });
        expect(res.status).toBe(400);
        expect(res.json.error.code).toBe('unsupported_version');
        expect(res.json.error.meta).toEqual({ supported_versions: ['2023-07-01', '2022-01-01'] });
        expect(res.headers.get('travelier-version')).toBeNull();
      },
    );

    it('authenticates before resolving the version', async () => {
      const res = await call(stack.bffUrl, WHOAMI, {
        key: 'wrong-key-0123456789',
        headers: { 'travelier-version': 'bogus' },
      });
      expect(res.status).toBe(401);
    });
  });

  describe('x-correlation-id, X-Request-Id, x-api-experiment', () => {
    it('echoes valid values and carries them into the request context', async () => {
      const res = await call(stack.bffUrl, WHOAMI, {
        key: DEMO_KEY,
        headers: {
          'x-correlation-id': 'shopper-42=A',
          'x-request-id': 'req-1',
          'x-api-experiment': 'flow:B/2',
        },
      });
      expect(res.headers.get('x-correlation-id')).toBe('shopper-42=A');
      expect(res.headers.get('x-request-id')).toBe('req-1');
      expect(res.headers.get('x-api-experiment')).toBe('flow:B/2');
      expect(res.json.context).toMatchObject({
        correlationId: 'shopper-42=A',
        requestId: 'req-1',
        experiment: 'flow:B/2',
      });
      expect(res.headers.get('x-content-type-options')).toBe('nosniff');
    });

    it('generates UUIDs when the ids are absent, and for invalid ones (never echoed)', async () => {
      const absent = await call(stack.bffUrl, WHOAMI, { key: DEMO_KEY });
      expect(absent.headers.get('x-correlation-id')).toMatch(UUID_V4);
      expect(absent.headers.get('x-request-id')).toMatch(UUID_V4);
      expect(absent.headers.get('x-correlation-id')).not.toBe(absent.headers.get('x-request-id'));
      expect(absent.headers.get('x-api-experiment')).toBeNull();

      const invalid = await call(stack.bffUrl, WHOAMI, {
        key: DEMO_KEY,
        headers: {
          'x-correlation-id': 'has space',
          'x-request-id': 'x'.repeat(101),
          'x-api-experiment': 'é',
        },
      });
      expect(invalid.status).toBe(200);
      expect(invalid.headers.get('x-correlation-id')).toMatch(UUID_V4);
      expect(invalid.headers.get('x-request-id')).toMatch(UUID_V4);
      expect(invalid.headers.get('x-api-experiment')).toBeNull();
    });

    it('repeats the ids in error bodies and headers, on unknown routes and auth failures too', async () => {
      const ids = { 'x-correlation-id': 'corr-7', 'x-request-id': 'req-7', 'x-api-experiment': 'exp' };
      for (const res of [
        await call(stack.bffUrl, '/v1/demo/no-such-route', { key: DEMO_KEY, headers: ids }),
        await call(stack.bffUrl, WHOAMI, { key: 'wrong-key-0123456789', headers: ids }),
      ]) {
        expect(res.status).toBeGreaterThanOrEqual(400);
        expect(res.headers.get('x-correlation-id')).toBe('corr-7');
        expect(res.headers.get('x-request-id')).toBe('req-7');
        expect(res.headers.get('x-api-experiment')).toBe('exp');
        expect(res.json).toMatchObject({ correlation_id: 'corr-7', request_id: 'req-7' });
      }
    });

    it('logs the ids on the access line', async () => {
      await call(stack.bffUrl, WHOAMI, {
        key: DEMO_KEY,
        headers: { 'x-correlation-id': 'log-check-1', 'x-request-id': 'log-check-req' },
      });
      const line = stack.logs
        .lines()
        .find((l) => l.msg === 'request completed' && l.correlation_id === 'log-check-1');
      expect(line).toMatchObject({
        request_id: 'log-check-req',
        client_id: 'demo',
        key_id: 'local-a',
        route: 'GET /v1/:client_id/__platform_test/whoami',
      });
      expect(line).toMatchObject({ status: 200, method: 'GET', api_version: '2023-07-01' });
      expect(typeof line.duration_ms).toBe('number');
      // Each key once: JSON.parse keeps the last of duplicated keys, so count them in the raw text.
      const raw = stack.logs
        .text()
        .split('\n')
        .find((l) => l.includes('"request completed"') && l.includes('log-check-1'));
      expect(raw?.match(/"request_id":/g)).toHaveLength(1);
      expect(raw?.match(/"correlation_id":/g)).toHaveLength(1);
    });
  });
});
