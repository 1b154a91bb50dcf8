import { queueBoardJobData } from './queue-board.view';

describe('queueBoardJobData', () => {
  it('hides webhook bodies, also of the inbound job a delivery carries, and keeps the rest', () => {
    const delivery = {
      eventId: 'evt-1',
      clientId: 'demo',
      bid: '1001',
      body: '{"passengers":[{"last_name":"Doe"}]}',
      inbound: { bid: '1001', type: 'booking_confirmed', body: { passengers: [{ last_name: 'Doe' }] } },
    };
    const shown = queueBoardJobData(delivery);
    expect(shown).toEqual({
      eventId: 'evt-1',
      clientId: 'demo',
      bid: '1001',
      body: '[hidden]',
      inbound: { bid: '1001', type: 'booking_confirmed', body: '[hidden]' },
    });
    expect(JSON.stringify(shown)).not.toContain('Doe');
    expect(delivery.body).toContain('Doe'); // the job itself is untouched
  });

  it('passes non-objects through', () => {
    expect(queueBoardJobData(null)).toBeNull();
    expect(queueBoardJobData('x')).toBe('x');
    expect(queueBoardJobData([1])).toEqual([1]);
  });
});
