import { DEMO_B_KEY, DEMO_KEY, findSecretLeaks, startStack, TestStack } from '../support/stack';
import { call } from './support/http';
import { PlatformTestModule } from './support/platform-test.module';

const TWELVEGO_KEYS = ['sandbox-key-1', 'sandbox-key-2'];

describe('logs never hold keys or personal data (docs/platform.md#logs-and-redaction)', () => {
  let stack: TestStack;
  beforeAll(async () => {
    stack = await startStack({ extraModules: [PlatformTestModule], env: { LOG_LEVEL: 'debug' } });
  });
  afterAll(() => stack?.close());

  it('keeps API keys, 12go keys and k= values out of every line of a varied run', async () => {
    const passenger = { first_name: 'Zebulon', email: 'zebulon@example.com' };
    await Promise.all([
      call(stack.bffUrl, '/v1/demo/__platform_test/whoami', {
        key: DEMO_KEY,
        headers: { authorization: `Bearer ${DEMO_B_KEY}`, cookie: 'sid=secret-cookie-value' },
      }),
      call(stack.bffUrl, '/v1/demo/__platform_test/whoami', { key: DEMO_B_KEY }),
      call(stack.bffUrl, '/v1/demo-b/__platform_test/upstream', { key: DEMO_B_KEY }),
      call(stack.bffUrl, '/v1/demo/__platform_test/upstream', { key: DEMO_KEY }),
      call(stack.bffUrl, '/v1/demo/__platform_test/whoami?k=sandbox-key-1&x=1', { key: DEMO_KEY }),
      call(stack.bffUrl, '/nowhere?k=sandbox-key-2', { key: DEMO_KEY }),
      call(stack.bffUrl, '/v1/demo/__platform_test/echo', {
        key: DEMO_KEY,
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ pax: 1, note: 'n', passengers: [passenger] }),
      }),
      call(stack.bffUrl, '/v1/demo/__platform_test/boom', { key: DEMO_KEY }),
    ]);
    const text = stack.logs.text();
    const lines = stack.logs.lines();
    expect(lines.filter((l) => l.msg === 'request completed').length).toBeGreaterThanOrEqual(8);
    // The upstream calls did happen (so the 12go key was in play) ...
    expect(lines.some((l) => Array.isArray(l.upstream?.calls) && l.upstream.calls.length > 0)).toBe(true);
    // ... and nothing secret was written.
    expect(findSecretLeaks(text, [DEMO_KEY, DEMO_B_KEY, ...TWELVEGO_KEYS])).toEqual([]);
    expect(text).not.toContain('secret-cookie-value');
    expect(text).not.toContain('Zebulon');
    expect(text).not.toContain('zebulon@example.com');
    expect(text).toContain('k=[REDACTED]');
  });

  it('the scanner itself finds a leaked key and a raw k= value', () => {
    expect(findSecretLeaks(`{"url":"/search?k=abc123"}`, [])).toHaveLength(1);
    expect(findSecretLeaks(`{"x":"${DEMO_KEY}"}`, [DEMO_KEY])).toHaveLength(1);
    expect(findSecretLeaks(`{"url":"/search?k=[REDACTED]"}`, [DEMO_KEY])).toEqual([]);
  });
});
