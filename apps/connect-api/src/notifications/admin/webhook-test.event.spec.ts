import { buildWebhookTestEvent } from './webhook-test.event';

describe('buildWebhookTestEvent', () => {
  it('builds a webhook.test event in the BookingEvent envelope with an evt_ id and a second-precision time', () => {
    const event = buildWebhookTestEvent('demo', Date.parse('2026-03-20T09:48:43.789Z'), 'ab'.repeat(16));
    expect(event).toEqual({
      id: `evt_${'ab'.repeat(16)}`,
      type: 'webhook.test',
      timestamp: '2026-03-20T09:48:43Z',
      data: { client_id: 'demo', message: expect.any(String) },
    });
  });

  it('uses a fresh random id per call', () => {
    const a = buildWebhookTestEvent('demo', 0);
    const b = buildWebhookTestEvent('demo', 0);
    expect(a.id).toMatch(/^evt_[0-9a-f]{32}$/);
    expect(a.id).not.toBe(b.id);
  });
});
