import {
  DEMO_B_KEY,
  DEMO_KEY,
  startStack,
  TestStack,
  testRedisClient,
  writeClientsFile,
} from '../support/stack';
import { call } from '../platform/support/http';
import { PlatformTestModule } from '../platform/support/platform-test.module';

const WHOAMI = '/__platform_test/whoami';
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** One token per 10 s: a test cannot see a refill however slow the machine; a burst of 3 is spent in 3 calls. */
const RPS = 0.1;

/** Both demo clients at 0.1 req/s with a burst of 3. */
function tightLimitsFile(): string {
  return writeClientsFile((file) => {
    for (const c of file.clients) c.rate_limit = { rps: RPS, burst: 3 };
  });
}

/** Retry-After is whole seconds until one token is back: at most 1/rps, at least 1. */
function expectRetryAfterOfOneToken(res: { headers: Headers }): number {
  const sec = Number(res.headers.get('retry-after'));
  expect(Number.isInteger(sec)).toBe(true);
  expect(sec).toBeGreaterThanOrEqual(1);
  expect(sec).toBeLessThanOrEqual(1 / RPS);
  return sec;
}

async function burst(stack: TestStack, clientId: string, key: string, n: number) {
  const out = [];
  for (let i = 0; i < n; i++) out.push(await call(stack.bffUrl, `/v1/${clientId}${WHOAMI}`, { key }));
  return out;
}

describe('per-client rate limits (docs/contract/headers.md#rate-limits, docs/contract/headers.md#response-headers)', () => {
  describe('with Redis', () => {
    let stack: TestStack;
    beforeAll(async () => {
      stack = await startStack({ clientsFile: tightLimitsFile(), extraModules: [PlatformTestModule] });
    });
    afterAll(() => stack?.close());

    it('spends the burst, answers 429 rate_limited with Retry-After, then recovers; clients are independent', async () => {
      const [a1, a2, a3, a4] = await burst(stack, 'demo', DEMO_KEY, 4);
      expect([a1.status, a2.status, a3.status]).toEqual([200, 200, 200]);
      expect(a1.headers.get('ratelimit-limit')).toBe('3');
      expect([a1, a2, a3].map((r) => r.headers.get('ratelimit-remaining'))).toEqual(['2', '1', '0']);
      expect(Number(a1.headers.get('ratelimit-reset'))).toBeGreaterThanOrEqual(1);

      expect(a4.status).toBe(429);
      expect(a4.json.error.code).toBe('rate_limited');
      expect(a4.json.correlation_id).toBe(a4.headers.get('x-correlation-id'));
      const retryAfterSec = expectRetryAfterOfOneToken(a4);
      expect(a4.headers.get('ratelimit-remaining')).toBe('0');
      expect(a4.headers.get('ratelimit-limit')).toBe('3');

      // The other client's bucket is untouched.
      const b = await burst(stack, 'demo-b', DEMO_B_KEY, 3);
      expect(b.map((r) => r.status)).toEqual([200, 200, 200]);

      // One token is back once Retry-After has passed.
      await sleep(retryAfterSec * 1000 + 200);
      const again = await call(stack.bffUrl, `/v1/demo${WHOAMI}`, { key: DEMO_KEY });
      expect(again.status).toBe(200);
      expect(again.headers.get('ratelimit-limit')).toBe('3');
    });

    it('keeps the bucket in Redis under rl:{client_id}', async () => {
      const redis = testRedisClient();
      try {
        const bucket = await redis.hgetall(`${stack.keyPrefix}rl:demo`);
        expect(Number(bucket.tokens)).toBeGreaterThanOrEqual(0);
        expect(Number(bucket.ts)).toBeGreaterThan(0);
        expect(await redis.pttl(`${stack.keyPrefix}rl:demo`)).toBeGreaterThan(0);
      } finally {
        redis.disconnect();
      }
    });

    it('does not limit requests that fail authentication, and limits after auth only', async () => {
      const bad = await call(stack.bffUrl, `/v1/demo${WHOAMI}`, {
        key: 'wrong-key-0123456789abcdef0123456789',
      });
      expect(bad.status).toBe(401);
      expect(bad.headers.get('ratelimit-limit')).toBeNull();
    });
  });

  describe('when Redis is down', () => {
    let stack: TestStack;
    beforeAll(async () => {
      stack = await startStack({
        clientsFile: tightLimitsFile(),
        extraModules: [PlatformTestModule],
        env: { REDIS_URL: 'redis://127.0.0.1:1/15', REDIS_COMMAND_TIMEOUT_MS: '50' },
      });
    });
    afterAll(() => stack?.close());

    it('falls back to an in-memory bucket per instance with the same limits', async () => {
      const res = await burst(stack, 'demo', DEMO_KEY, 4);
      expect(res.map((r) => r.status)).toEqual([200, 200, 200, 429]);
      expectRetryAfterOfOneToken(res[3]);
      expect(res[0].headers.get('ratelimit-limit')).toBe('3');
      expect(stack.logs.lines().some((l) => l.msg === 'ratelimit.local_fallback')).toBe(true);
    });
  });

  describe('failed authentications per source IP', () => {
    let stack: TestStack;
    beforeAll(async () => {
      stack = await startStack({
        extraModules: [PlatformTestModule],
        env: { AUTH_FAILURES_PER_IP_PER_MIN: '3' },
      });
    });
    afterAll(() => stack?.close());

    it('answers 429 instead of 401 above the limit, while a valid key still passes', async () => {
      const wrong = { key: 'local-demo-key-a-0123456789abcdef9999' };
      const statuses = [];
      for (let i = 0; i < 5; i++)
        statuses.push((await call(stack.bffUrl, `/v1/demo${WHOAMI}`, wrong)).status);
      expect(statuses).toEqual([401, 401, 401, 429, 429]);
      const blocked = await call(stack.bffUrl, `/v1/demo${WHOAMI}`, wrong);
      expect(blocked.json.error.code).toBe('rate_limited');
      expect(Number(blocked.headers.get('retry-after'))).toBeGreaterThan(0);
      const ok = await call(stack.bffUrl, `/v1/demo${WHOAMI}`, { key: DEMO_KEY });
      expect(ok.status).toBe(200);
    });
  });
});
