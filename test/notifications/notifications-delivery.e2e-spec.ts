import { randomUUID } from 'node:crypto';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Webhook } from 'standardwebhooks';
import { LegacyBookingMapService } from '../../apps/connect-api/src/booking-ids/legacy-booking-map.service';
import { BookingOwnerStore } from '../../apps/connect-api/src/booking-owner/booking-owner.store';
import { confirmSandboxBooking, createSandboxBooking, type SandboxBooking } from './support/sandbox-booking';
import { WebhookReceiver, waitFor, waitForItems, type ReceivedWebhook } from './support/webhook-receiver';
import {
  notifyClientsFile,
  startNotifyStack,
  twelvegoWebhook,
  type NotifyClients,
  type NotifyStack,
} from './support/notify-stack';
import type { EventJson } from './support/wire-types';

jest.setTimeout(60_000);

const bodyOf = (r: ReceivedWebhook) => JSON.parse(r.body) as EventJson;
const forBid = (rs: ReceivedWebhook[], bid: string) =>
  rs.filter((r) => bodyOf(r).data.booking.integration_booking_id === bid);

/**
 * The whole path through the real sandbox: a 12go booking changes → the sandbox's webhook reaches the BFF
 * → the partner's receiver gets one signed event (docs/contract/webhooks.md#outbound-events, docs/contract/webhooks.md).
 */
describe('partner booking notifications', () => {
  const receiver = new WebhookReceiver();
  let n: NotifyStack;
  let clients: NotifyClients;
  let owners: BookingOwnerStore;
  let legacyMap: string;

  beforeAll(async () => {
    await receiver.start();
    const made = notifyClientsFile(receiver);
    clients = made.clients;
    legacyMap = join(mkdtempSync(join(tmpdir(), 'tc-legacy-')), 'legacy.csv');
    writeFileSync(legacyMap, 'legacy_booking_id,bid,client_id\n');
    n = await startNotifyStack({
      clientsFile: made.file,
      sandboxEnv: { SANDBOX_CONFIRM_DELAY_MS: '300' },
      env: { LEGACY_BOOKING_MAP_PATH: legacyMap },
    });
    owners = n.stack.app.get(BookingOwnerStore, { strict: false });
  });

  afterAll(async () => {
    await n?.close();
    await receiver.close();
  });

  beforeEach(() => receiver.behave(() => ({ status: 200 })));

  // eslint-disable-next-line @typescript-eslint/no-explicit-any -- log lines are walked dynamically
  const businessEvents = (name: string): any[] => n.stack.logs.lines().filter((l) => l.evt?.name === name);

  async function ownedBooking(
    clientId: 'demo' | 'demo-b',
    scenario: Parameters<typeof createSandboxBooking>[2] = 'OKINST',
  ): Promise<SandboxBooking> {
    const booking = await createSandboxBooking(
      n.stack.sandboxUrl,
      clientId === 'demo' ? 'sandbox-key-1' : 'sandbox-key-2',
      scenario,
    );
    expect(await owners.write(booking.bid, clientId, { departureAt: booking.departure })).toBe(true);
    return booking;
  }

  it('delivers one signed booking.confirmed event when the sandbox confirms a booking', async () => {
    const booking = await ownedBooking('demo');
    await confirmSandboxBooking(n.stack.sandboxUrl, booking);
    const [hit] = await waitForItems(
      () => forBid(receiver.delivered(clients.demo.path), booking.bid),
      1,
      15_000,
      'confirmed event',
    );
    const event = new Webhook(clients.demo.secrets[0]).verify(
      hit.body,
      hit.headers as Record<string, string>,
    ) as EventJson;
    expect(hit.headers['webhook-id']).toBe(event.id);
    expect(hit.headers['user-agent']).toBe('TravelierConnect-Webhooks/1');
    expect(hit.headers['content-type']).toBe('application/json');
    expect(event).toMatchObject({
      id: expect.stringMatching(/^evt_[0-9a-f]{32}$/),
      type: 'booking.confirmed',
      timestamp: expect.stringMatching(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}Z$/),
      data: { booking_id: booking.bid, status: 'approved', previous_status: 'reserved' },
    });
    expect(event.data.booking).toMatchObject({
      id: booking.bid,
      status: 'approved',
      integration: 'onetwogo',
      integration_booking_id: booking.bid,
    });
    expect(Object.keys(event.data.booking).sort()).toEqual(
      [
        'created_at',
        'departure_time',
        'from_station',
        'id',
        'integration',
        'integration_booking_id',
        'operator_booking_id',
        'passenger_count',
        'status',
        'to_station',
        'total_price',
        'updated_at',
        'voucher_url',
      ].sort(),
    );
    // the same Booking object GetBookingDetails returns
    const details = await fetch(`${n.stack.bffUrl}/v1/demo/bookings/${booking.bid}`, {
      headers: { 'x-api-key': n.stack.demoKey },
    });
    expect(details.status).toBe(200);
    expect(event.data.booking).toEqual(await details.json());
    await new Promise((r) => setTimeout(r, 500));
    expect(forBid(receiver.at(clients.demo.path), booking.bid)).toHaveLength(1);
    expect(forBid(receiver.at(clients.demoB.path), booking.bid)).toHaveLength(0);
  });

  it('delivers cancellation and update events, each verifiable', async () => {
    const cancelled = await ownedBooking('demo', 'OPCANC');
    await confirmSandboxBooking(n.stack.sandboxUrl, cancelled);
    const cancelEvents = await waitForItems(
      () =>
        forBid(receiver.delivered(clients.demo.path), cancelled.bid).filter(
          (r) => bodyOf(r).type === 'booking.cancelled',
        ),
      1,
      15_000,
      'cancellation',
    );
    const cancel = new Webhook(clients.demo.secrets[0]).verify(
      cancelEvents[0].body,
      cancelEvents[0].headers as Record<string, string>,
    ) as EventJson;
    expect(cancel.data).toMatchObject({
      booking_id: cancelled.bid,
      status: 'cancelled',
      previous_status: 'approved',
    });
    expect(cancel.data.booking.voucher_url).toBeNull();

    const pending = await ownedBooking('demo', 'OKPEND');
    await confirmSandboxBooking(n.stack.sandboxUrl, pending);
    const updates = await waitForItems(
      () =>
        forBid(receiver.delivered(clients.demo.path), pending.bid).filter(
          (r) => bodyOf(r).type === 'booking.updated',
        ),
      1,
      15_000,
      'update',
    );
    const update = new Webhook(clients.demo.secrets[0]).verify(
      updates[0].body,
      updates[0].headers as Record<string, string>,
    ) as EventJson;
    expect(update.data.previous_status).toBe('reserved');
    expect(['pending', 'approved']).toContain(update.data.status);
    await waitForItems(
      () =>
        forBid(receiver.delivered(clients.demo.path), pending.bid).filter(
          (r) => bodyOf(r).type === 'booking.confirmed',
        ),
      1,
      15_000,
      'confirmed after pending',
    );
    expect(
      new Set(forBid(receiver.delivered(clients.demo.path), pending.bid).map((r) => r.headers['webhook-id']))
        .size,
    ).toBe(2);
  });

  it("never sends one client's events to another: demo-b gets its own, signed with both rotating secrets", async () => {
    const mine = await ownedBooking('demo-b');
    const theirs = await ownedBooking('demo');
    await confirmSandboxBooking(n.stack.sandboxUrl, mine);
    await confirmSandboxBooking(n.stack.sandboxUrl, theirs);
    const [hit] = await waitForItems(
      () => forBid(receiver.delivered(clients.demoB.path), mine.bid),
      1,
      15_000,
      'demo-b event',
    );
    expect(String(hit.headers['webhook-signature']).split(' ')).toHaveLength(2);
    for (const secret of clients.demoB.secrets)
      expect(() => new Webhook(secret).verify(hit.body, hit.headers as Record<string, string>)).not.toThrow();
    expect(() =>
      new Webhook(clients.demo.secrets[0]).verify(hit.body, hit.headers as Record<string, string>),
    ).toThrow();
    await waitForItems(
      () => forBid(receiver.delivered(clients.demo.path), theirs.bid),
      1,
      15_000,
      'demo event',
    );
    await new Promise((r) => setTimeout(r, 300));
    expect(forBid(receiver.at(clients.demoB.path), theirs.bid)).toHaveLength(0);
    expect(forBid(receiver.at(clients.demo.path), mine.bid)).toHaveLength(0);
    for (const r of receiver.at(clients.demoB.path))
      expect(bodyOf(r).data.booking.integration_booking_id).not.toBe(theirs.bid);
  });

  it('finds the owner by probing 12go keys when no ownership record exists, and records it', async () => {
    const booking = await createSandboxBooking(n.stack.sandboxUrl, 'sandbox-key-2');
    expect(await owners.read(booking.bid)).toBeNull();
    await confirmSandboxBooking(n.stack.sandboxUrl, booking);
    await waitForItems(
      () => forBid(receiver.delivered(clients.demoB.path), booking.bid),
      1,
      15_000,
      'probed event',
    );
    expect((await owners.read(booking.bid))?.clientId).toBe('demo-b');
    expect(forBid(receiver.at(clients.demo.path), booking.bid)).toHaveLength(0);
  });

  it('routes a booking from the legacy id map and carries the id the partner already holds', async () => {
    const booking = await createSandboxBooking(n.stack.sandboxUrl, 'sandbox-key-1');
    writeFileSync(legacyMap, `legacy_booking_id,bid,client_id\nLgCy7Xq2Pz,${booking.bid},demo\n`);
    expect(await n.stack.app.get(LegacyBookingMapService, { strict: false }).reload()).toMatchObject({
      loaded: 1,
    });
    await confirmSandboxBooking(n.stack.sandboxUrl, booking);
    const [hit] = await waitForItems(
      () => forBid(receiver.delivered(clients.demo.path), booking.bid),
      1,
      15_000,
      'legacy event',
    );
    const event = bodyOf(hit);
    expect(event.data.booking_id).toBe('LgCy7Xq2Pz');
    expect(event.data.booking.id).toBe('LgCy7Xq2Pz');
    expect(event.data.booking.integration_booking_id).toBe(booking.bid);
  });

  it('retries a failing receiver with the same webhook-id and fresh valid signatures until it answers 2xx', async () => {
    const booking = await ownedBooking('demo');
    receiver.behave((req, nth) =>
      forBidBody(req.body, booking.bid) && nth < 3 ? { status: 500 } : { status: 204 },
    );
    await confirmSandboxBooking(n.stack.sandboxUrl, booking);
    await waitForItems(
      () => forBid(receiver.delivered(clients.demo.path), booking.bid),
      1,
      15_000,
      'eventual delivery',
    );
    const attempts = forBid(receiver.at(clients.demo.path), booking.bid);
    expect(attempts.map((a) => a.status)).toEqual([500, 500, 500, 204]);
    expect(new Set(attempts.map((a) => a.headers['webhook-id'])).size).toBe(1);
    expect(new Set(attempts.map((a) => a.body)).size).toBe(1);
    for (const a of attempts)
      expect(() =>
        new Webhook(clients.demo.secrets[0]).verify(a.body, a.headers as Record<string, string>),
      ).not.toThrow();

    // docs/platform.md#business-events: one notification.received (owner resolved) and one notification.delivered, both
    // carrying the correlation id of the 12go webhook request that started it.
    const eventId = attempts[0].headers['webhook-id'];
    const [received] = await waitForItems(
      () => businessEvents('notification.received').filter((e) => e.bid === booking.bid),
      1,
      5_000,
      'notification.received',
    );
    const delivered = await waitForItems(
      () => businessEvents('notification.delivered').filter((e) => e.event_id === eventId),
      1,
      5_000,
      'notification.delivered',
    );
    expect(received).toMatchObject({
      evt: { name: 'notification.received', version: 1, outcome: 'success', id: expect.any(String) },
      client_id: 'demo',
      correlation_id: expect.stringMatching(/.+/),
      bid: booking.bid,
      upstream_type: expect.any(String),
      resolution: 'record',
      owner_client_id: 'demo',
      duplicate: false,
      new_status: expect.any(String),
      result: 'queued',
    });
    expect(delivered).toEqual([
      expect.objectContaining({
        evt: expect.objectContaining({ name: 'notification.delivered', outcome: 'success' }),
        client_id: 'demo',
        correlation_id: received.correlation_id,
        event_id: eventId,
        booking_id: booking.bid,
        type: 'booking.confirmed',
        attempts: 4,
        end_to_end_ms: expect.any(Number),
        http: { status_code: 204 },
      }),
    ]);
    expect(businessEvents('notification.received').filter((e) => e.bid === booking.bid)).toHaveLength(1);
  });

  it('honours Retry-After on 429/503 by waiting at least that long', async () => {
    const booking = await ownedBooking('demo');
    receiver.behave((req, nth) =>
      forBidBody(req.body, booking.bid) && nth === 0
        ? { status: 503, headers: { 'retry-after': '2' } }
        : { status: 200 },
    );
    await confirmSandboxBooking(n.stack.sandboxUrl, booking);
    await waitForItems(
      () => forBid(receiver.delivered(clients.demo.path), booking.bid),
      1,
      15_000,
      'delivery after Retry-After',
    );
    const [first, second] = forBid(receiver.at(clients.demo.path), booking.bid);
    expect(first.status).toBe(503);
    expect(second.at - first.at).toBeGreaterThanOrEqual(1900);
  });

  it('treats a 3xx as a failure and never follows the redirect', async () => {
    const booking = await ownedBooking('demo');
    receiver.behave((req, nth) =>
      forBidBody(req.body, booking.bid) && req.path === clients.demo.path && nth === 0
        ? { status: 307, headers: { location: `${receiver.url}/hooks/redirected` } }
        : { status: 200 },
    );
    await confirmSandboxBooking(n.stack.sandboxUrl, booking);
    await waitForItems(
      () => forBid(receiver.delivered(clients.demo.path), booking.bid),
      1,
      15_000,
      'delivery after 307',
    );
    expect(forBid(receiver.at(clients.demo.path), booking.bid).map((a) => a.status)).toEqual([307, 200]);
    expect(receiver.at('/hooks/redirected')).toHaveLength(0);
  });

  it('turns duplicate 12go webhooks into one partner event', async () => {
    const booking = await ownedBooking('demo');
    await confirmSandboxBooking(n.stack.sandboxUrl, booking);
    await waitForItems(
      () => forBid(receiver.delivered(clients.demo.path), booking.bid),
      1,
      15_000,
      'first event',
    );
    for (let i = 0; i < 3; i++) {
      const res = await n.stack.sandboxAdmin(`/bookings/${booking.bid}/webhook`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ type: 'booking_confirmed' }),
      });
      expect(res.ok).toBe(true);
    }
    const details = (await (
      await fetch(`${n.stack.sandboxUrl}/booking/${booking.bid}?k=sandbox-key-1`)
    ).json()) as { stamp: number };
    const again = twelvegoWebhook(booking.bid, 'booking_confirmed', details.stamp);
    const correlationId = randomUUID();
    expect((await n.postInbound(again, { 'x-correlation-id': correlationId })).status).toBe(200);
    expect((await n.postInbound(again)).status).toBe(200);
    await waitFor(
      async () => {
        const hooks = (await (await n.stack.sandboxAdmin('/webhooks')).json()) as unknown[];
        return hooks.filter((h) => JSON.stringify(h).includes(booking.bid)).length >= 4;
      },
      10_000,
      'sandbox resends',
    );
    await new Promise((r) => setTimeout(r, 800));
    expect(forBid(receiver.at(clients.demo.path), booking.bid)).toHaveLength(1);
    // a duplicate is still a received notification (docs/platform.md#business-events), emitted with the response of its request
    const duplicates = businessEvents('notification.received').filter(
      (e) => e.bid === booking.bid && e.duplicate === true,
    );
    expect(duplicates.filter((e) => e.correlation_id === correlationId)).toEqual([
      expect.objectContaining({
        evt: expect.objectContaining({ outcome: 'success' }),
        upstream_type: 'booking_confirmed',
        stamp: details.stamp,
        resolution: null,
        owner_client_id: null,
        http: { status_code: 200 },
        request_id: expect.any(String),
      }),
    ]);
    expect(businessEvents('notification.delivered').filter((e) => e.booking_id === booking.bid)).toHaveLength(
      1,
    );
  });
});

function forBidBody(body: string, bid: string): boolean {
  try {
    return JSON.parse(body).data.booking.integration_booking_id === bid;
  } catch {
    return false;
  }
}
