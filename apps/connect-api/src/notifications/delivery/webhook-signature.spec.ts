import { randomBytes } from 'node:crypto';
import { Webhook } from 'standardwebhooks';
import { decodeWebhookSecret, signWebhook, webhookHeaders } from './webhook-signature';

const secretA = `whsec_${randomBytes(32).toString('base64')}`;
const secretB = `whsec_${randomBytes(24).toString('base64')}`;

describe('webhook signing (Standard Webhooks)', () => {
  const body = JSON.stringify({
    id: 'evt_0123',
    type: 'booking.confirmed',
    data: { booking_id: '70000001' },
  });
  const now = Math.floor(Date.now() / 1000);

  it('produces a signature the standardwebhooks reference verifier accepts', () => {
    const headers = webhookHeaders([secretA], 'evt_0123', now, body);
    expect(new Webhook(secretA).verify(body, headers)).toEqual(JSON.parse(body));
    expect(headers['webhook-signature']).toMatch(/^v1,[A-Za-z0-9+/]+=*$/);
    expect(headers['user-agent']).toBe('TravelierConnect-Webhooks/1');
    expect(headers['content-type']).toBe('application/json');
  });

  it('carries two signatures during rotation, each verifiable with its own secret', () => {
    const headers = webhookHeaders([secretA, secretB], 'evt_0123', now, body);
    expect(headers['webhook-signature'].split(' ')).toHaveLength(2);
    expect(() => new Webhook(secretA).verify(body, headers)).not.toThrow();
    expect(() => new Webhook(secretB).verify(body, headers)).not.toThrow();
  });

  it('fails verification for a tampered body, another secret or another id', () => {
    const headers = webhookHeaders([secretA], 'evt_0123', now, body);
    expect(() => new Webhook(secretA).verify(body.replace('70000001', '70000002'), headers)).toThrow();
    expect(() => new Webhook(secretB).verify(body, headers)).toThrow();
    expect(() => new Webhook(secretA).verify(body, { ...headers, 'webhook-id': 'evt_other' })).toThrow();
  });

  it('matches the reference signer byte for byte', () => {
    const expected = new Webhook(secretA).sign('evt_x', new Date(now * 1000), body);
    expect(signWebhook([secretA], 'evt_x', now, body)).toBe(expected);
  });

  it('rejects secrets that are not whsec_<base64>', () => {
    expect(() => decodeWebhookSecret('plain')).toThrow();
    expect(() => decodeWebhookSecret('whsec_')).toThrow();
    expect(() => decodeWebhookSecret('whsec_***')).toThrow();
    expect(() => signWebhook([], 'evt', now, body)).toThrow();
  });
});
