import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { encipher } from '../../apps/connect-api/src/ids/shift-cipher';
import { ClientRegistry } from '../../apps/connect-api/src/platform/clients/client-registry';
import { startStack, type TestStack } from '../support/stack';
import { bff, errorShape, waitFor } from './support/bff-client';
import { appOwnerStore } from './support/owner-store';
import { SandboxAgent, scenarioTrip } from './support/sandbox-bookings';

/**
 * Legacy booking ids (docs/contract/ids.md#booking-ids) and cross-client isolation (docs/contract/headers.md#client-isolation): `demo-b`
 * calling any booking route on any of `demo`'s bookings gets exactly the 404 of a nonexistent id, and
 * `demo`'s booking is unchanged afterwards.
 */
const HEADER = 'legacy_booking_id,bid,client_id';

function klvBookingId(bid: string, clientId: string): string {
  const len = (s: string) => String(s.length).padStart(2, '0');
  return encipher(`0102V1020412go0308onetwogo04${len(bid)}${bid}05${len(clientId)}${clientId}`);
}

describe('post-booking legacy ids and isolation (e2e)', () => {
  let stack: TestStack;
  let dir: string;
  let mapFile: string;
  let demoAgent: SandboxAgent;
  let demoBAgent: SandboxAgent;
  let date: string;

  const as = (who: 'demo' | 'demo-b') => ({
    key: who === 'demo' ? stack.demoKey : stack.demoBKey,
    get: (path: string) =>
      bff(
        stack.bffUrl,
        who === 'demo' ? stack.demoKey : stack.demoBKey,
        'GET',
        `/v1/${who}/bookings/${path}`,
      ),
    post: (path: string) =>
      bff(
        stack.bffUrl,
        who === 'demo' ? stack.demoKey : stack.demoBKey,
        'POST',
        `/v1/${who}/bookings/${path}`,
      ),
  });

  // demo's bookings
  let reservedOwned: string; // native, owner record written (as CreateBooking does)
  let approvedOwned: string; // native, owner record written
  let approvedNoRecord: string; // native, no owner record (made before this service)
  let legacyShortBid: string; // behind a short legacy id in the mapping file
  let legacyKlvBid: string; // behind an enciphered KLV id (no file row)
  let demoBOwnBid: string; // demo-b's own booking behind the same short id
  const SHORT = 'LEGACY0001';
  const SHARED_SHORT = 'SHAREDID01';

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'pb-legacy-'));
    mapFile = join(dir, 'legacy-bookings.csv');
    // one unusable row (line 3): start-up still succeeds, the rest is loaded
    writeFileSync(mapFile, `${HEADER}\nGONEBOOK01,69999999,demo\nBROKENROW1,not-a-bid,demo\n`);
    stack = await startStack({
      env: { LEGACY_BOOKING_MAP_PATH: mapFile },
      sandboxEnv: {
        SANDBOX_NOW: '2026-06-01T03:00:00Z',
        SANDBOX_CLOCK_FROZEN: 'true',
        SANDBOX_CONFIRM_DELAY_MS: '3000',
      },
    });
    demoAgent = new SandboxAgent(stack.sandboxUrl, 'sandbox-key-1');
    demoBAgent = new SandboxAgent(stack.sandboxUrl, 'sandbox-key-2');
    date = await demoAgent.date(3);
    const trip = scenarioTrip('OKINST', date);
    const approved = async (agent: SandboxAgent) => {
      const bid = await agent.reserve(trip);
      await agent.confirm(bid);
      return bid;
    };
    reservedOwned = await demoAgent.reserve(trip);
    approvedOwned = await approved(demoAgent);
    approvedNoRecord = await approved(demoAgent);
    legacyShortBid = await approved(demoAgent);
    legacyKlvBid = await approved(demoAgent);
    demoBOwnBid = await approved(demoBAgent);
    for (const bid of [reservedOwned, approvedOwned])
      expect(await appOwnerStore(stack).write(bid, 'demo', { departureAt: `${date} 05:00:00` })).toBe(true);
    expect(await appOwnerStore(stack).write(demoBOwnBid, 'demo-b')).toBe(true);

    // the mapping file is re-read whenever the client registry reloads (SIGHUP, admin reload, file change)
    writeFileSync(
      mapFile,
      [
        HEADER,
        `${SHORT},${legacyShortBid},demo`,
        `${SHARED_SHORT},${legacyShortBid},demo`,
        `${SHARED_SHORT},${demoBOwnBid},demo-b`,
        'BAD,,demo',
        '',
      ].join('\r\n'),
    );
    await stack.app.get(ClientRegistry, { strict: false }).reload('manual');
    const loaded = await waitFor(
      () => as('demo').get(SHORT),
      (r) => r.status === 200,
    );
    expect(loaded.status).toBe(200);
  });

  afterAll(async () => {
    await stack?.close();
    rmSync(dir, { recursive: true, force: true });
  });

  describe('legacy booking ids', () => {
    it('reports unusable mapping rows by line number without their content', () => {
      const text = stack.logs.text();
      expect(text).toMatch(/legacy_booking_map\.bad_row/);
      expect(stack.logs.lines().some((l) => l.event === 'legacy_booking_map.bad_row' && l.line === 3)).toBe(
        true,
      );
      expect(text).not.toContain('not-a-bid');
    });

    it('resolves a short legacy id on details, ticket and cancel, echoing the id as sent', async () => {
      const details = await as('demo').get(SHORT);
      expect(details.json).toMatchObject({
        id: SHORT,
        integration_booking_id: legacyShortBid,
        status: 'approved',
      });
      const ticket = await as('demo').get(`${SHORT}/ticket`);
      expect(ticket.status).toBe(200);
      expect(ticket.json.ticket_url).toBe((await demoAgent.details(legacyShortBid)).ticket_url);
      // (cancel runs last in this file's order: see the final test)
    });

    it('resolves an enciphered KLV id of the calling client, also percent-encoded', async () => {
      const id = klvBookingId(legacyKlvBid, 'demo');
      const r = await as('demo').get(encodeURIComponent(id));
      expect(r.status).toBe(200);
      expect(r.json).toMatchObject({ id, integration_booking_id: legacyKlvBid });
      expect((await as('demo').get(`${encodeURIComponent(id)}/ticket`)).status).toBe(200);
    });

    it('scopes one legacy id per client', async () => {
      expect((await as('demo').get(SHARED_SHORT)).json).toMatchObject({
        id: SHARED_SHORT,
        integration_booking_id: legacyShortBid,
      });
      expect((await as('demo-b').get(SHARED_SHORT)).json).toMatchObject({
        id: SHARED_SHORT,
        integration_booking_id: demoBOwnBid,
      });
    });

    it('answers 404 for a mapped bid that 12go does not know', async () => {
      const r = await as('demo').get('GONEBOOK01');
      expect(r.status).toBe(404);
      expect(r.json.error.code).toBe('booking_not_found');
    });
  });

  describe("isolation: demo-b on demo's bookings", () => {
    const endpoints: Array<[string, (id: string) => ReturnType<ReturnType<typeof as>['get']>]> = [
      ['details', (id) => as('demo-b').get(id)],
      ['ticket', (id) => as('demo-b').get(`${id}/ticket`)],
      ['cancel', (id) => as('demo-b').post(`${id}/cancel`)],
      ['confirm', (id) => as('demo-b').post(`${id}/confirm`)],
    ];
    const ids = (): Array<[string, string, string]> => [
      ['native reserved (owner record)', reservedOwned, reservedOwned],
      ['native approved (owner record)', approvedOwned, approvedOwned],
      ['native approved (no record)', approvedNoRecord, approvedNoRecord],
      ['legacy short id', SHORT, legacyShortBid],
      ['legacy KLV id', klvBookingId(legacyKlvBid, 'demo'), legacyKlvBid],
    ];

    it('always gets the same 404 as a nonexistent id, and the booking is unchanged', async () => {
      const before = new Map<string, unknown>();
      for (const [, id] of ids()) before.set(id, (await as('demo').get(encodeURIComponent(id))).json);
      const sandboxBefore = new Map<string, string>();
      for (const [, , bid] of ids()) sandboxBefore.set(bid, (await demoAgent.details(bid)).status);

      for (const [endpoint, call] of endpoints) {
        const nonexistent = errorShape(await call('99999999'));
        expect(nonexistent).toMatchObject({ status: 404, body: { error: { code: 'booking_not_found' } } });
        for (const [label, id] of ids()) {
          const r = await call(encodeURIComponent(id));
          expect({ label, endpoint, ...(errorShape(r) as object) }).toEqual({
            label,
            endpoint,
            ...(nonexistent as object),
          });
        }
      }

      for (const [, id] of ids())
        expect((await as('demo').get(encodeURIComponent(id))).json).toEqual(before.get(id));
      for (const [, , bid] of ids())
        expect((await demoAgent.details(bid)).status).toBe(sandboxBefore.get(bid));
    });

    it('logs a cross-client attempt when the owner record names another client', () => {
      const attempts = stack.logs.lines().filter((l) => l.event === 'security.cross_client_attempt');
      expect(attempts.some((l) => l.client_id === 'demo-b' && l.bid === approvedOwned)).toBe(true);
      expect(stack.logs.text()).not.toContain('sandbox-key-1');
    });

    it('denies demo the booking of demo-b by its native id', async () => {
      expect((await as('demo').get(demoBOwnBid)).json.error.code).toBe('booking_not_found');
    });
  });

  it('cancels through a legacy id and echoes it', async () => {
    const r = await as('demo').post(`${SHORT}/cancel`);
    expect(r.status).toBe(200);
    expect(r.json).toMatchObject({ booking_id: SHORT, booking_status: 'cancelled' });
    expect((await as('demo').get(SHORT)).json).toMatchObject({ id: SHORT, status: 'cancelled' });
  });
});
