/* eslint-disable @typescript-eslint/no-explicit-any -- JSON bodies of the API are walked dynamically */
import { Webhook } from 'standardwebhooks';
import { openApiErrors } from '../contract/search-contract';
import { fillBookingData, scenarioItineraryId, travelDate } from '../booking/support/funnel.helpers';
import {
  notifyClientsFile,
  startNotifyStack,
  type NotifyClients,
  type NotifyStack,
} from '../notifications/support/notify-stack';
import {
  WebhookReceiver,
  waitForItems,
  type ReceivedWebhook,
} from '../notifications/support/webhook-receiver';
import { PartnerClient, bookingProblems, keyOrderProblems } from './audit.helpers';

jest.setTimeout(60_000);

/**
 * Contract audit of the outbound booking notification (docs/contract/webhooks.md#outbound-events D24) for a booking made and
 * confirmed through the real HTTP API: headers, signature, BookingEvent shape and key order, and the
 * embedded Booking equal to what GetBookingDetails returns.
 */
describe('contract audit: booking notification webhook (e2e)', () => {
  const receiver = new WebhookReceiver();
  let n: NotifyStack;
  let clients: NotifyClients;
  let api: PartnerClient;

  beforeAll(async () => {
    await receiver.start();
    const made = notifyClientsFile(receiver);
    clients = made.clients;
    n = await startNotifyStack({ clientsFile: made.file, sandboxEnv: { SANDBOX_CONFIRM_DELAY_MS: '300' } });
    api = new PartnerClient(n.stack);
  });
  afterAll(async () => {
    await n?.close();
    await receiver.close();
  });
  beforeEach(() => receiver.behave(() => ({ status: 200 })));

  it('sends a signed booking.confirmed event whose Booking matches GetBookingDetails', async () => {
    const date = await travelDate(n.stack);
    const it0 = (await api.get(`itineraries/${encodeURIComponent(scenarioItineraryId('OKINST', date))}`)).body
      .itineraries[0];
    const created = await api.post('bookings', {
      booking_token: it0.booking_token,
      booking_data: fillBookingData(it0.booking_schema, 1),
    });
    expect(created.status).toBe(200);
    const confirmed = await api.post(`bookings/${created.body.id}/confirm`);
    expect(confirmed.body.status).toBe('approved');

    const ofBooking = (rs: ReceivedWebhook[]) =>
      rs.filter((r) => JSON.parse(r.body).data?.booking_id === created.body.id);
    const hits = await waitForItems(
      () =>
        ofBooking(receiver.delivered(clients.demo.path)).filter(
          (r) => JSON.parse(r.body).type === 'booking.confirmed',
        ),
      1,
      15_000,
      'booking.confirmed',
    );
    const hit = hits[0];
    const event = new Webhook(clients.demo.secrets[0]).verify(
      hit.body,
      hit.headers as Record<string, string>,
    ) as any;
    expect(hit.headers['content-type']).toBe('application/json');
    expect(hit.headers['user-agent']).toBe('TravelierConnect-Webhooks/1');
    expect(hit.headers['webhook-id']).toBe(event.id);
    expect(hit.headers['webhook-timestamp']).toMatch(/^[0-9]+$/);
    expect(hit.headers['webhook-signature']).toMatch(/^v1,[A-Za-z0-9+/=]+$/);

    expect(openApiErrors('BookingEvent', event)).toEqual([]);
    expect([
      ...keyOrderProblems(event, ['id', 'type', 'timestamp', 'data'], 'event'),
      ...keyOrderProblems(event.data, ['booking_id', 'status', 'previous_status', 'booking'], 'event.data'),
      ...bookingProblems(event.data.booking, 'event.data.booking'),
    ]).toEqual([]);
    expect(Object.keys(event)).toEqual(['id', 'type', 'timestamp', 'data']);
    expect(Object.keys(event.data)).toEqual(['booking_id', 'status', 'previous_status', 'booking']);
    expect(event.data.status).toBe('approved');
    expect(event.data.status).toBe(event.data.booking.status);

    const details = await api.get(`bookings/${created.body.id}`);
    expect(event.data.booking).toEqual(details.body);
  });
});
