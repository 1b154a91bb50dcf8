/* eslint-disable @typescript-eslint/no-explicit-any -- log lines are walked dynamically */
import { BookingOwnerStore } from '../../apps/connect-api/src/booking-owner/booking-owner.store';
import { confirmSandboxBooking, createSandboxBooking } from '../notifications/support/sandbox-booking';
import { waitFor, waitForItems, WebhookReceiver } from '../notifications/support/webhook-receiver';
import {
  notifyClientsFile,
  startNotifyStack,
  type NotifyClients,
  type NotifyStack,
} from '../notifications/support/notify-stack';
import { startLegacyStandIn, type LegacyStandIn } from './support/legacy-stand-in';

jest.setTimeout(60_000);

/**
 * docs/adr/0222-legacy-notifies-its-clients.md: a partner routed to legacy or shadow hears about the bookings
 * legacy made from legacy only; the BFF notifies it only about bookings the BFF made itself.
 */
describe('notifications of clients routed to legacy or shadow', () => {
  const receiver = new WebhookReceiver();
  let legacy: LegacyStandIn;
  let n: NotifyStack;
  let clients: NotifyClients;
  let owners: BookingOwnerStore;

  beforeAll(async () => {
    await receiver.start();
    legacy = await startLegacyStandIn();
    const made = notifyClientsFile(receiver, (list) => {
      const route = (id: string, to: string) => ((list.find((c) => c.client_id === id) as any).route = to);
      route('demo', 'legacy');
      route('demo-b', 'shadow');
    });
    clients = made.clients;
    n = await startNotifyStack({
      clientsFile: made.file,
      env: { LEGACY_BASE_URL: legacy.url, NOTIFY_OWNER_PROBE: 'true' },
    });
    owners = n.stack.app.get(BookingOwnerStore, { strict: false });
  });
  afterAll(async () => {
    await n?.close();
    await legacy?.close();
    await receiver.close();
  });

  const skipped = (bid: string) =>
    waitFor(
      () => n.stack.logs.lines().find((l: any) => l.msg === 'notification.skipped' && l.bid === bid),
      20_000,
      `notification.skipped for ${bid}`,
      100,
    );
  const forBid = (path: string, bid: string) =>
    receiver.at(path).filter((r) => JSON.parse(r.body).data.booking.integration_booking_id === bid);

  it.each([
    ['demo', 'legacy', 'sandbox-key-1'],
    ['demo-b', 'shadow', 'sandbox-key-2'],
  ])(
    'a booking legacy made for %s (route %s) is left to legacy: no delivery, no ownership record',
    async (clientId, _route, key) => {
      const booking = await createSandboxBooking(n.stack.sandboxUrl, key);
      await confirmSandboxBooking(n.stack.sandboxUrl, booking);
      const line: any = await skipped(booking.bid);
      expect(line).toMatchObject({
        client_id: clientId,
        outcome: 'skipped_legacy_route',
        resolution: 'probe',
      });
      // A later webhook of the same booking must not find a record and take it for one the BFF made.
      expect(await owners.read(booking.bid)).toBeNull();
      const path = clientId === 'demo' ? clients.demo.path : clients.demoB.path;
      expect(forBid(path, booking.bid)).toEqual([]);
    },
  );

  it('a booking the BFF made (ownership record) is still notified by the BFF after a roll back to legacy', async () => {
    const booking = await createSandboxBooking(n.stack.sandboxUrl, 'sandbox-key-1');
    await owners.write(booking.bid, 'demo', { departureAt: booking.departure });
    await confirmSandboxBooking(n.stack.sandboxUrl, booking);
    const [hit] = await waitForItems(() => forBid(clients.demo.path, booking.bid), 1, 20_000, 'delivery');
    expect(JSON.parse(hit.body)).toMatchObject({
      type: 'booking.confirmed',
      data: { booking_id: booking.bid },
    });
  });
});
