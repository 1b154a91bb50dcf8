import { createHash } from 'node:crypto';
import { startStack, writeClientsFile, type TestStack } from '../support/stack';
import { bff, errorShape } from './support/bff-client';
import { appOwnerStore } from './support/owner-store';
import { SandboxAgent, scenarioTrip } from './support/sandbox-bookings';

/**
 * The ownership-record layer of docs/contract/headers.md#client-isolation on its own: `demo-c` shares demo's 12go key, so 12go
 * would show it demo's bookings. Sharing forces `strict_ownership` on both: only the owner record decides.
 */
const DEMO_C_KEY = 'local-demo-key-c-0123456789abcdef0123';

describe('post-booking ownership with a shared 12go key (e2e)', () => {
  let stack: TestStack;
  let agent: SandboxAgent;
  let owned: string;
  let unrecorded: string;

  const call = (client: 'demo' | 'demo-c', method: string, path: string) =>
    bff(
      stack.bffUrl,
      client === 'demo' ? stack.demoKey : DEMO_C_KEY,
      method,
      `/v1/${client}/bookings/${path}`,
    );

  beforeAll(async () => {
    const clientsFile = writeClientsFile((file) => {
      const demo = file.clients.find((c) => c.client_id === 'demo');
      file.clients.push({
        ...demo,
        client_id: 'demo-c',
        name: 'Demo Partner C (shares demo 12go key)',
        api_keys: [
          { id: 'local-c', hash: `sha256:${createHash('sha256').update(DEMO_C_KEY).digest('hex')}` },
        ],
      });
    });
    stack = await startStack({
      clientsFile,
      sandboxEnv: { SANDBOX_NOW: '2026-06-01T03:00:00Z', SANDBOX_CLOCK_FROZEN: 'true' },
    });
    agent = new SandboxAgent(stack.sandboxUrl, 'sandbox-key-1');
    const trip = scenarioTrip('OKINST', await agent.date(3));
    owned = await agent.reserve(trip);
    await agent.confirm(owned);
    expect(await appOwnerStore(stack).write(owned, 'demo')).toBe(true);
    unrecorded = await agent.reserve(trip);
    await agent.confirm(unrecorded);
  });

  afterAll(async () => {
    await stack?.close();
  });

  it('lets the recorded owner read its booking', async () => {
    const r = await call('demo', 'GET', owned);
    expect(r.status).toBe(200);
    expect(r.json.status).toBe('approved');
  });

  it('gives the other sharer of the key the 404 of a nonexistent id on every route; nothing changes', async () => {
    const before = (await call('demo', 'GET', owned)).json;
    for (const [method, suffix] of [
      ['GET', ''],
      ['GET', '/ticket'],
      ['POST', '/cancel'],
      ['POST', '/confirm'],
    ]) {
      const nonexistent = errorShape(await call('demo-c', method, `99999999${suffix}`));
      expect(nonexistent).toMatchObject({ status: 404, body: { error: { code: 'booking_not_found' } } });
      expect(errorShape(await call('demo-c', method, `${owned}${suffix}`))).toEqual(nonexistent);
    }
    expect((await call('demo', 'GET', owned)).json).toEqual(before);
    expect((await agent.details(owned)).status).toBe('confirmed');
    expect(
      stack.logs.lines().some((l) => l.event === 'security.cross_client_attempt' && l.client_id === 'demo-c'),
    ).toBe(true);
  });

  it('requires an owner record under strict ownership (even for the real owner)', async () => {
    for (const client of ['demo', 'demo-c'] as const) {
      const r = await call(client, 'GET', unrecorded);
      expect(r.status).toBe(404);
      expect(r.json.error.code).toBe('booking_not_found');
    }
    expect((await agent.details(unrecorded)).status).toBe('confirmed');
  });
});
