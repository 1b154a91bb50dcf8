import type { TwelveGoClient } from '@app/twelvego-client';
import type { ClientSnapshot } from '../platform/clients/client-snapshot';
import { ContractError } from '../platform/errors/contract-error';
import type { BookingAccessService, OwnedBooking } from './booking-access.service';
import { PostBookingService } from './post-booking.service';

// GetTicket only needs the booking read; BookingAccessService is the one mocked class.
describe('PostBookingService.getTicket', () => {
  const client = { clientId: 'demo' } as ClientSnapshot;
  const owned = (status: string, ticket_url: string | null) =>
    ({
      ref: { id: '70000001', bid: '70000001', source: 'native' },
      ctx: { apiKey: 'k' },
      details: { status, ticket_url },
    }) as unknown as OwnedBooking;
  const service = (o: OwnedBooking) =>
    new PostBookingService(
      { load: jest.fn().mockResolvedValue(o) } as unknown as BookingAccessService,
      undefined as unknown as TwelveGoClient,
    );

  it('returns the ticket url of an approved booking unchanged', async () => {
    const url = 'https://12go.asia/en/ticket/7305521?h=a81c9e';
    await expect(service(owned('confirmed', url)).getTicket(client, '70000001')).resolves.toEqual({
      ready: true,
      ticketUrl: url,
    });
  });

  it.each([null, ''])('reports an approved booking without ticket (%j) as not ready (→ 202)', async (url) => {
    await expect(service(owned('confirmed', url)).getTicket(client, '70000001')).resolves.toEqual({
      ready: false,
    });
  });

  it.each(['pending_client_confirmation', 'pending', 'cancelled', 'declined', 'expired', 'weird_new_status'])(
    'answers 405 ticket_not_available with Allow: GET for %s',
    async (status) => {
      const err = await service(owned(status, 'https://x/t.pdf'))
        .getTicket(client, '70000001')
        .catch((e) => e);
      expect(err).toBeInstanceOf(ContractError);
      expect(err).toMatchObject({ code: 'ticket_not_available', status: 405, headers: { Allow: 'GET' } });
    },
  );
});
