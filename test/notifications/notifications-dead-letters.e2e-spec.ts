import { readFileSync, writeFileSync } from 'node:fs';
import { ClientRegistry } from '../../apps/connect-api/src/platform/clients/client-registry';
import { BookingOwnerStore } from '../../apps/connect-api/src/booking-owner/booking-owner.store';
import { startStack } from '../support/stack';
import { confirmSandboxBooking, createSandboxBooking } from './support/sandbox-booking';
import { WebhookReceiver, waitFor, waitForItems, type ReceivedWebhook } from './support/webhook-receiver';
import {
  notifyClientsFile,
  startNotifyStack,
  type NotifyClients,
  type NotifyStack,
} from './support/notify-stack';
import type { ClientEntryJson, DeadLetterJson, JobJson, StatsJson } from './support/wire-types';

jest.setTimeout(60_000);

const forBid = (rs: ReceivedWebhook[], bid: string) =>
  rs.filter((r) => JSON.parse(r.body).data.booking.integration_booking_id === bid);

/**
 * docs/contract/webhooks.md, docs/operations.md: what cannot be delivered is dead-lettered with its reason, never
 * guessed or lost, and can be inspected and replayed through the admin API.
 */
describe('notification dead letters and admin replay', () => {
  const receiver = new WebhookReceiver();
  let n: NotifyStack;
  let clients: NotifyClients;
  let owners: BookingOwnerStore;
  let clientsFile: string;

  beforeAll(async () => {
    await receiver.start();
    const made = notifyClientsFile(receiver, (list) => {
      // demo-b's URL names a host that resolves to a private address, without the per-client opt-in
      const b = list.find((c) => c.client_id === 'demo-b')!;
      b.webhook!.url = b.webhook!.url.replace('127.0.0.1', 'localhost');
      b.webhook!.allow_private_target = false;
    });
    clients = made.clients;
    clientsFile = made.file;
    n = await startNotifyStack({
      clientsFile: made.file,
      env: {
        NOTIFY_OWNER_PROBE: 'false',
        WEBHOOK_RETRY_SCHEDULE: '60ms,60ms,60ms,60ms,60ms,60ms,60ms,60ms,60ms,60ms',
      },
    });
    owners = n.stack.app.get(BookingOwnerStore, { strict: false });
  });

  afterAll(async () => {
    await n?.close();
    await receiver.close();
  });

  beforeEach(() => receiver.behave(() => ({ status: 200 })));

  const deadLetters = async (queue: 'inbound' | 'deliver', query = '') => {
    const res = await n.admin(`/dead-letters?queue=${queue}${query}`);
    expect(res.status).toBe(200);
    return ((await res.json()) as { items: DeadLetterJson[] }).items;
  };

  it('dead-letters a webhook for an unknown booking with its reason, and delivers it on replay once the owner is known', async () => {
    const booking = await createSandboxBooking(n.stack.sandboxUrl, 'sandbox-key-1');
    await confirmSandboxBooking(n.stack.sandboxUrl, booking);
    const dead = await waitFor(
      async () => (await deadLetters('inbound')).find((d) => d.bid === booking.bid),
      15_000,
      'inbound dead letter',
      250,
    );
    expect(dead).toMatchObject({
      queue: 'inbound',
      reason: 'owner_unresolved',
      attempts: 4,
      client_id: null,
    });
    expect(forBid(receiver.at(clients.demo.path), booking.bid)).toHaveLength(0);

    const inspected = (await (await n.admin(`/jobs/${dead.id}`)).json()) as JobJson;
    expect(inspected).toMatchObject({ queue: 'inbound', state: 'failed', data: { bid: booking.bid } });

    await owners.write(booking.bid, 'demo', { departureAt: booking.departure });
    const replay = await n.admin(`/dead-letters/${dead.id}/replay`, { method: 'POST' });
    expect(replay.status).toBe(202);
    const [hit] = await waitForItems(
      () => forBid(receiver.delivered(clients.demo.path), booking.bid),
      1,
      15_000,
      'replayed event',
    );
    expect(JSON.parse(hit.body)).toMatchObject({
      type: 'booking.confirmed',
      data: { booking_id: booking.bid },
    });
    expect((await deadLetters('inbound')).find((d) => d.id === dead.id)).toBeUndefined();
  });

  it('dead-letters a private target at once as blocked_target; the receiver is never called', async () => {
    const booking = await createSandboxBooking(n.stack.sandboxUrl, 'sandbox-key-2');
    await owners.write(booking.bid, 'demo-b', { departureAt: booking.departure });
    await confirmSandboxBooking(n.stack.sandboxUrl, booking);
    const dead = await waitFor(
      async () => (await deadLetters('deliver', '&client_id=demo-b')).find((d) => d.bid === booking.bid),
      15_000,
      'blocked dead letter',
      250,
    );
    expect(dead).toMatchObject({
      reason: 'blocked_target',
      attempts: 1,
      client_id: 'demo-b',
      event_id: dead.id,
    });
    expect(receiver.at(clients.demoB.path)).toHaveLength(0);
    expect(
      (await deadLetters('deliver', '&reason=retries_exhausted')).find((d) => d.id === dead.id),
    ).toBeUndefined();
  });

  it('dead-letters after the last scheduled attempt and replays the original or a refreshed body with the same id', async () => {
    const booking = await createSandboxBooking(n.stack.sandboxUrl, 'sandbox-key-1');
    await owners.write(booking.bid, 'demo', { departureAt: booking.departure });
    receiver.behave(() => ({ status: 500 }));
    await confirmSandboxBooking(n.stack.sandboxUrl, booking);
    const dead = await waitFor(
      async () => (await deadLetters('deliver', '&client_id=demo')).find((d) => d.bid === booking.bid),
      20_000,
      'exhausted dead letter',
      250,
    );
    expect(dead).toMatchObject({ reason: 'retries_exhausted', attempts: 11 });
    const attempts = forBid(receiver.at(clients.demo.path), booking.bid);
    expect(attempts).toHaveLength(11);
    const original = attempts[0].body;

    const job = (await (await n.admin(`/jobs/${dead.id}`)).json()) as JobJson;
    expect(job.history).toHaveLength(11);
    expect(job.history[0]).toMatchObject({ attempt: 1, outcome: 'http_5xx', status: 500 });
    // docs/platform.md#business-events: one notification.dead_lettered, a failure, with the reason and the last status
    const deadEvents = await waitForItems(
      () =>
        n.stack.logs
          .lines()
          .filter((l) => l.evt?.name === 'notification.dead_lettered' && l.event_id === dead.id),
      1,
      5_000,
      'notification.dead_lettered',
    );
    expect(deadEvents).toEqual([
      expect.objectContaining({
        evt: expect.objectContaining({ outcome: 'failure', version: 1 }),
        client_id: 'demo',
        correlation_id: expect.stringMatching(/.+/),
        booking_id: booking.bid,
        type: 'booking.confirmed',
        attempts: 11,
        queue: 'deliver',
        reason: 'retries_exhausted',
        last_status: 500,
        error: { code: 'retries_exhausted' },
      }),
    ]);

    receiver.behave(() => ({ status: 200 }));
    expect((await n.admin(`/dead-letters/${dead.id}/replay`, { method: 'POST' })).status).toBe(202);
    await waitForItems(
      () => forBid(receiver.delivered(clients.demo.path), booking.bid),
      1,
      10_000,
      'replayed original',
    );
    const replayed = forBid(receiver.delivered(clients.demo.path), booking.bid)[0];
    expect(replayed.body).toBe(original);
    expect(replayed.headers['webhook-id']).toBe(dead.id);

    // a second dead letter, replayed with refresh=true: rebuilt from the current 12go state, same id
    const cancelledLater = await createSandboxBooking(n.stack.sandboxUrl, 'sandbox-key-1');
    await owners.write(cancelledLater.bid, 'demo', { departureAt: cancelledLater.departure });
    receiver.behave(() => ({ status: 410 }));
    await confirmSandboxBooking(n.stack.sandboxUrl, cancelledLater);
    const dead2 = await waitFor(
      async () => (await deadLetters('deliver')).find((d) => d.bid === cancelledLater.bid),
      20_000,
      'second dead letter',
      250,
    );
    await n.stack.sandboxAdmin(`/bookings/${cancelledLater.bid}/transition`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ status: 'cancelled' }),
    });
    receiver.behave((req) =>
      JSON.parse(req.body).type === 'booking.confirmed' ? { status: 200 } : { status: 500 },
    );
    expect((await n.admin(`/dead-letters/${dead2.id}/replay?refresh=true`, { method: 'POST' })).status).toBe(
      202,
    );
    const [refreshed] = await waitForItems(
      () =>
        forBid(receiver.delivered(clients.demo.path), cancelledLater.bid).filter(
          (r) => JSON.parse(r.body).id === dead2.id,
        ),
      1,
      10_000,
      'refreshed replay',
    );
    expect(JSON.parse(refreshed.body)).toMatchObject({
      id: dead2.id,
      type: 'booking.confirmed',
      data: { status: 'cancelled' },
    });
  });

  it('parks events while a webhook is disabled and delivers them on replay after re-enabling', async () => {
    const setWebhookEnabled = async (enabled: boolean) => {
      const file = JSON.parse(readFileSync(clientsFile, 'utf8')) as { clients: ClientEntryJson[] };
      file.clients.find((c) => c.client_id === 'demo')!.webhook!.enabled = enabled;
      writeFileSync(clientsFile, JSON.stringify(file));
      expect(await n.stack.app.get(ClientRegistry, { strict: false }).reload('manual')).toMatchObject({
        ok: true,
      });
    };
    await setWebhookEnabled(false);
    const booking = await createSandboxBooking(n.stack.sandboxUrl, 'sandbox-key-1');
    await owners.write(booking.bid, 'demo', { departureAt: booking.departure });
    await confirmSandboxBooking(n.stack.sandboxUrl, booking);
    const dead = await waitFor(
      async () =>
        (await deadLetters('deliver', '&reason=client_webhook_disabled')).find((d) => d.bid === booking.bid),
      15_000,
      'parked event',
      250,
    );
    expect(dead).toMatchObject({ attempts: 1, client_id: 'demo' });
    expect(forBid(receiver.at(clients.demo.path), booking.bid)).toHaveLength(0);

    await setWebhookEnabled(true);
    const bulk = await n.admin('/dead-letters/replay', {
      method: 'POST',
      body: JSON.stringify({
        queue: 'deliver',
        client_id: 'demo',
        reason: 'client_webhook_disabled',
        limit: 10,
      }),
    });
    expect(((await bulk.json()) as { replayed: string[] }).replayed).toContain(dead.id);
    await waitForItems(
      () => forBid(receiver.delivered(clients.demo.path), booking.bid),
      1,
      10_000,
      'delivery after re-enabling',
    );
  });

  it('reports queue stats, discards on request, and guards every admin route', async () => {
    const stats = (await (await n.admin('/stats')).json()) as StatsJson;
    expect(stats.deliver.counts).toEqual(
      expect.objectContaining({ failed: expect.any(Number), waiting: expect.any(Number) }),
    );
    expect(stats.deliver.dead_letters['demo-b']).toMatchObject({ blocked_target: 1 });
    expect(typeof stats.inbound.oldest_waiting_s).toBe('number');

    const [blocked] = await deadLetters('deliver', '&reason=blocked_target');
    expect((await n.admin(`/dead-letters/${blocked.id}`, { method: 'DELETE' })).status).toBe(204);
    expect((await n.admin(`/jobs/${blocked.id}`)).status).toBe(404);

    expect((await fetch(`${n.stack.bffUrl}/admin/notifications/stats`)).status).toBe(401);
    expect(
      (
        await fetch(`${n.stack.bffUrl}/admin/notifications/stats`, {
          headers: { authorization: 'Bearer wrong-token-wrong-token-wrong-token' },
        })
      ).status,
    ).toBe(401);
    expect((await n.admin('/dead-letters?queue=elsewhere')).status).toBe(400);
    const bulk = await n.admin('/dead-letters/replay', {
      method: 'POST',
      body: JSON.stringify({ queue: 'deliver', reason: 'nothing_like_this', limit: 5 }),
    });
    expect(bulk.status).toBe(200);
    expect(await bulk.json()).toEqual({ replayed: [], failed: [] });
    // The platform's admin hook authenticates and audits these routes: one audit line per call, the token by id.
    const statsAudit = n.stack.logs
      .lines()
      .filter((l) => l.msg === 'admin.audit' && l.action === 'GET /admin/notifications/stats');
    expect(statsAudit).toEqual([
      expect.objectContaining({ token_id: 'admin-1', status_code: 200 }),
      expect.objectContaining({ token_id: null, status_code: 401 }),
      expect.objectContaining({ token_id: null, status_code: 401 }),
    ]);
  });

  it('answers 404 on admin routes when no admin token is configured', async () => {
    const { file } = notifyClientsFile(receiver);
    const stack = await startStack({
      clientsFile: file,
      env: { NOTIFICATIONS_WORKERS_ENABLED: 'false', ADMIN_TOKENS: '' },
    });
    try {
      expect(
        (
          await fetch(`${stack.bffUrl}/admin/notifications/stats`, {
            headers: { authorization: 'Bearer anything' },
          })
        ).status,
      ).toBe(404);
    } finally {
      await stack.close();
    }
  });

  it('refuses to boot with a partner webhook URL in a private range without the per-client opt-in', async () => {
    // The same validation ClientRegistry runs at startup and on every reload; a failed boot closes what it opened.
    const { file } = notifyClientsFile(receiver, (list) => {
      const demo = list.find((c) => c.client_id === 'demo')!;
      demo.webhook!.url = 'https://10.20.30.40/hooks';
      demo.webhook!.allow_private_target = false;
    });
    for (const allowPrivateTargets of ['true', 'false']) {
      await expect(
        startStack({
          clientsFile: file,
          env: { NOTIFICATIONS_WORKERS_ENABLED: 'false', WEBHOOK_ALLOW_PRIVATE_TARGETS: allowPrivateTargets },
        }),
      ).rejects.toThrow(/blocked address/);
    }
  });
});
