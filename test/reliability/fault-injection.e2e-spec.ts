import { randomBytes } from 'node:crypto';
import { startStack, type TestStack } from '../support/stack';
import { addFault, clearFaults, sandboxRequests } from '../booking/support/funnel.helpers';
import { envelopeProblems, keepAliveAgent, send, type BffAnswer } from './support/bff-http';
import { FunnelFixtures } from './support/funnel-fixtures';
import { FAULTS, FAULT_SUITE_TIMEOUTS, UPSTREAM_CALLS, type Outcome } from './support/upstream-calls';

/**
 * Issue 9, fault injection: every upstream call × every sandbox fault (docs/upstream-12go.md#faults, docs/upstream-12go.md#admin-api) →
 * the partner status and code of docs/contract/errors.md#upstream-failures / docs/contract/errors.md#codes, an envelope without internals,
 * the correlation id on the log line of the failure, and a process that keeps serving.
 */
describe('reliability: upstream fault injection', () => {
  let stack: TestStack;
  let fixtures: FunnelFixtures;
  const agent = keepAliveAgent(4);

  beforeAll(async () => {
    stack = await startStack({
      sandboxEnv: { SANDBOX_REQUEST_LOG_SIZE: '100000' },
      env: {
        TWELVEGO_TIMEOUTS: FAULT_SUITE_TIMEOUTS,
        TWELVEGO_RETRY_MAX: '0',
        BREAKER_MIN_REQUESTS: '1000000',
        BOOKING_TOKEN_HMAC_KEY: 'reliability-booking-token-key-0123456789',
      },
    });
    fixtures = new FunnelFixtures(stack);
  });
  afterAll(async () => {
    agent.destroy();
    await stack?.close();
  });
  afterEach(() => clearFaults(stack));

  const reachable = UPSTREAM_CALLS.filter((c) => c.prepare !== null);
  const cases = reachable.flatMap((call) =>
    FAULTS.filter((fault) => fault.name !== '404' || call.notFound).map((fault) => ({
      title: `${call.op} (via ${call.via}) — ${fault.name}`,
      call,
      fault,
      expected: (fault.name === '404'
        ? { status: 404, code: call.notFound }
        : (call.overrides?.[fault.name] ?? fault.outcome)) as Outcome,
    })),
  );

  it.each(cases)('$title → $expected.status $expected.code', async ({ call, fault, expected }) => {
    const request = await call.prepare!(fixtures);
    await addFault(stack, { match: call.match, action: fault.action });
    const correlationId = `fi-${call.op}-${randomBytes(6).toString('hex')}`;
    const answer: BffAnswer = await send(agent, stack.bffUrl, {
      method: request.method,
      path: request.path,
      headers: {
        'x-api-key': stack.demoKey,
        'x-correlation-id': correlationId,
        ...(request.body !== undefined ? { 'content-type': 'application/json' } : {}),
      },
      body: request.body !== undefined ? JSON.stringify(request.body) : undefined,
    });
    await clearFaults(stack);

    expect({ status: answer.status, code: answer.body?.error?.code }).toEqual({
      status: expected.status,
      code: expected.code,
    });
    expect(envelopeProblems(answer)).toEqual([]);
    expect(answer.headers['x-correlation-id']).toBe(correlationId);
    if (expected.status === 429) expect(answer.headers['retry-after']).toBeDefined();
    if (expected.status >= 500) {
      expect(answer.text).not.toMatch(/127\.0\.0\.1|localhost|sandbox-key|Internal server error|<html/i);
      // The failure is logged with the partner's correlation id (docs/platform.md#logs-and-redaction).
      const lines = stack.logs.lines().filter((l) => l.correlation_id === correlationId);
      // The access-log line carries the outcome; the failing 12go call is logged at warn or above.
      expect(lines.some((l) => l.status === expected.status && l.error?.code === expected.code)).toBe(true);
      expect(lines.some((l) => ['warn', 'error', 'fatal'].includes(l.level))).toBe(true);
    }
    // The process is alive and serving.
    const live = await send(agent, stack.bffUrl, { method: 'GET', path: '/health/live' });
    expect(live.status).toBe(200);
  });

  it('no partner endpoint adds to cart by body (the 11th upstream call is unreachable, so it cannot fail a partner)', async () => {
    expect(UPSTREAM_CALLS).toHaveLength(11);
    const byBody = (await sandboxRequests(stack)).filter((r) => r.method === 'POST' && r.path === '/cart');
    expect(byBody).toEqual([]);
    // …and the reachable calls were really exercised: the sandbox saw each of them.
    const seen = await sandboxRequests(stack);
    for (const call of reachable) {
      const glob = new RegExp(`^${call.match.path.replace(/\*\*/g, '.+').replace(/(?<!\.)\*/g, '[^/]+')}$`);
      expect({
        op: call.op,
        seen: seen.some((r) => r.method === call.match.method && glob.test(String(r.path).split('?')[0])),
      }).toEqual({ op: call.op, seen: true });
    }
  });

  it('still serves a normal search after all the faults', async () => {
    const answer = await send(agent, stack.bffUrl, {
      method: 'GET',
      path: `/v1/demo/itineraries?departures[]=3&arrivals[]=4&departure_date=${await fixtures.travelDate()}&pax=1`,
      headers: { 'x-api-key': stack.demoKey },
    });
    expect(answer.status).toBe(200);
    expect(answer.body.itineraries.length).toBeGreaterThan(0);
  });
});
