import type { ContractBooking } from '../../contract/booking/contract-booking';
import { buildPartnerEvent, isoSeconds, partnerEventId, partnerEventType } from './partner-event.mapper';

const booking: ContractBooking = {
  id: '70000042',
  status: 'approved',
  from_station: '4055',
  to_station: '11553',
  departure_time: '2026-05-14T20:00:00',
  passenger_count: 2,
  integration: 'onetwogo',
  integration_booking_id: '70000042',
  operator_booking_id: '01IVEPKG',
  voucher_url: 'http://sandbox/en/ticket/70000042?h=abcdef',
  created_at: '2026-05-10T03:05:12Z',
  updated_at: '2026-05-10T03:06:06Z',
  total_price: { currency: 'THB', amount: '1206.00' },
};

describe('partner BookingEvent (docs/contract/webhooks.md#outbound-events)', () => {
  it('maps 12go types to client types', () => {
    expect(partnerEventType('booking_confirmed')).toBe('booking.confirmed');
    expect(partnerEventType('booking_canceled')).toBe('booking.cancelled');
    expect(partnerEventType('booking_updated')).toBe('booking.updated');
  });

  it('derives a deterministic evt_ id from client, bid, type and stamp', () => {
    const id = partnerEventId('demo', '70000042', 'booking_confirmed', '1778382366');
    expect(id).toMatch(/^evt_[0-9a-f]{32}$/);
    expect(partnerEventId('demo', '70000042', 'booking_confirmed', '1778382366')).toBe(id);
    expect(partnerEventId('demo-b', '70000042', 'booking_confirmed', '1778382366')).not.toBe(id);
    expect(partnerEventId('demo', '70000042', 'booking_canceled', '1778382366')).not.toBe(id);
    expect(partnerEventId('demo', '70000042', 'booking_confirmed', '1778382367')).not.toBe(id);
  });

  it('builds the event with the stamp as timestamp and a full booking snapshot', () => {
    const evt = buildPartnerEvent({
      eventId: 'evt_00000000000000000000000000000001',
      type: 'booking_confirmed',
      stamp: 1778382366,
      receivedAtMs: 0,
      bookingId: '70000042',
      booking,
      previousStatus: 'pending',
    });
    expect(evt).toEqual({
      id: 'evt_00000000000000000000000000000001',
      type: 'booking.confirmed',
      timestamp: '2026-05-10T03:06:06Z',
      data: { booking_id: '70000042', status: 'approved', previous_status: 'pending', booking },
    });
    expect(Object.keys(evt.data.booking)).toHaveLength(13);
  });

  it('uses the receipt time without a stamp, null previous status when unknown, and the legacy id everywhere', () => {
    const evt = buildPartnerEvent({
      eventId: 'evt_x',
      type: 'booking_updated',
      stamp: null,
      receivedAtMs: Date.parse('2026-05-04T09:12:44.789Z'),
      bookingId: 'A7fK2pQ9xZ',
      booking,
      previousStatus: null,
    });
    expect(evt.timestamp).toBe('2026-05-04T09:12:44Z');
    expect(evt.data.previous_status).toBeNull();
    expect(evt.data.booking_id).toBe('A7fK2pQ9xZ');
    expect(evt.data.booking.id).toBe('A7fK2pQ9xZ');
    expect(evt.data.booking.integration_booking_id).toBe('70000042');
  });

  it('formats ISO seconds in UTC', () => expect(isoSeconds(1778382366000)).toBe('2026-05-10T03:06:06Z'));
});
