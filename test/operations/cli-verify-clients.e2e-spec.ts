import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runVerifyClients } from '../../apps/connect-api/src/cli/verify-clients.command';
import { readLocalEnv } from '../support/local-env';
import { LOCAL_CLIENTS_FILE, startStack, type TestStack, writeClientsFile } from '../support/stack';
import {
  fillBookingData,
  FunnelClient,
  scenarioItineraryId,
  travelDate,
} from '../booking/support/funnel.helpers';

/** docs/operations.md#onboard-a-partner against the real sandbox. */
describe('npm run verify-clients (e2e against the sandbox)', () => {
  let stack: TestStack;
  let sandboxUrl: string;
  let demoBid: string;
  const dir = mkdtempSync(join(tmpdir(), 'tc-verify-'));

  beforeAll(async () => {
    // A reserved booking of demo (12go key sandbox-key-1), made through the BFF's funnel.
    stack = await startStack();
    const api = new FunnelClient(stack);
    const date = await travelDate(stack);
    const it0 = (await api.itinerary(scenarioItineraryId('OKINST', date))).body.itineraries[0];
    const booking = await api.book({
      booking_token: it0.booking_token,
      booking_data: fillBookingData(it0.booking_schema, 1),
    });
    expect(booking.status).toBe(200);
    demoBid = booking.body.integration_booking_id;
    sandboxUrl = stack.sandboxUrl;
  });
  afterAll(() => stack?.close());

  function env(extra: Record<string, string> = {}) {
    return {
      ...readLocalEnv(),
      TWELVEGO_BASE_URL: sandboxUrl,
      CLIENTS_CONFIG_PATH: LOCAL_CLIENTS_FILE,
      ...extra,
    };
  }

  async function run(argv: string[], e = env()) {
    const lines: string[] = [];
    const code = await runVerifyClients(argv, { env: e, out: (l) => lines.push(l), timeoutMs: 5000 });
    const text = lines.join('\n');
    expect(text).not.toContain('sandbox-key-1');
    expect(text).not.toContain('sandbox-key-2');
    return { code, text };
  }

  it('passes for the local clients: keys authenticate and a booking is readable only with its owner key', async () => {
    const bookings = join(dir, 'bookings.json');
    writeFileSync(bookings, JSON.stringify({ demo: demoBid }));
    const all = await run(['--bookings', bookings]);
    expect(all.code).toBe(0);
    expect(all.text).toContain('ok   demo: 12go key authenticates');
    expect(all.text).toContain('ok   demo-b: 12go key authenticates');
    expect(all.text).toContain(`ok   demo: booking ${demoBid} readable with its own key`);
    expect(all.text).toContain(`ok   demo: booking ${demoBid} not readable with the key of demo-b`);
    expect(all.text).toContain('SKIP demo-b');

    const one = await run(['--client', 'demo-b']);
    expect(one.code).toBe(0);
    expect(one.text).not.toContain('demo: 12go key');
  });

  it('fails on a wrong 12go key and on a booking mapped to the wrong client', async () => {
    const broken = writeClientsFile((f) => (f.clients[1].twelvego_api_key = 'not-a-sandbox-key'));
    const wrongKey = await run(['--client', 'demo-b'], env({ CLIENTS_CONFIG_PATH: broken }));
    expect(wrongKey.code).toBe(1);
    expect(wrongKey.text).toContain('FAIL demo-b: 12go key REJECTED (status 401)');

    const bookings = join(dir, 'swapped.json');
    writeFileSync(bookings, JSON.stringify({ 'demo-b': demoBid }));
    const swapped = await run(['--client', 'demo-b', '--bookings', bookings]);
    expect(swapped.code).toBe(1);
    expect(swapped.text).toContain(`FAIL demo-b: booking ${demoBid} NOT readable with its own key`);
    expect(swapped.text).toContain(
      `FAIL demo-b: booking ${demoBid} READABLE OR UNCHECKED with the key of demo`,
    );
  });

  it('reports shared keys and refuses an unknown client', async () => {
    const shared = writeClientsFile((f) => (f.clients[1].twelvego_api_key = 'sandbox-key-1'));
    const res = await run([], env({ CLIENTS_CONFIG_PATH: shared }));
    expect(res.text).toContain('WARN 12go key shared by: demo, demo-b');
    expect(res.code).toBe(0);
    expect((await run(['--client', 'nobody'])).code).toBe(2);
  });
});
