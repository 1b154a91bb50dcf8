import { UnrecoverableError, type Job } from 'bullmq';
import { toDeadLetterView } from '../admin/dead-letter.view';
import { DeliveryAttemptError, notificationFailure, reasonOf } from './notification-jobs';

describe('dead-letter reasons', () => {
  it('marks final failures unrecoverable and keeps the reason as the first token', () => {
    const final = notificationFailure('blocked_target', 'resolved_private_address', true);
    expect(final).toBeInstanceOf(UnrecoverableError);
    expect(final.message).toBe('blocked_target: resolved_private_address');
    const retry = notificationFailure('owner_unresolved', 'nobody can read it', false);
    expect(retry).not.toBeInstanceOf(UnrecoverableError);
    expect(new DeliveryAttemptError('http_5xx: HTTP 503', 2000).retryAfterMs).toBe(2000);
  });

  it('derives the reason shown to operators', () => {
    expect(reasonOf('owner_unresolved: x', true, 'inbound')).toBe('owner_unresolved');
    expect(reasonOf('owner_ambiguous: x', false, 'inbound')).toBe('owner_ambiguous');
    expect(reasonOf('http_5xx: HTTP 500', true, 'deliver')).toBe('retries_exhausted');
    expect(reasonOf('blocked_target: private', false, 'deliver')).toBe('blocked_target');
    expect(reasonOf('client_webhook_disabled: off', true, 'deliver')).toBe('client_webhook_disabled');
    expect(reasonOf('job stalled more than allowable limit', false, 'deliver')).toBe('stalled');
    expect(reasonOf('Something odd', false, 'inbound')).toBe('error');
    expect(reasonOf(undefined, false, 'inbound')).toBe('error');
  });

  it('renders a dead-lettered delivery job for the admin list', () => {
    const job = {
      id: 'evt_0123456789abcdef0123456789abcdef',
      data: {
        eventId: 'evt_0123456789abcdef0123456789abcdef',
        clientId: 'demo',
        bid: '70000001',
        type: 'booking.confirmed',
        receivedAtMs: 1_000,
      },
      attemptsMade: 11,
      opts: { attempts: 11 },
      failedReason: 'http_4xx: HTTP 410',
      timestamp: 500,
      finishedOn: 2_000,
    } as unknown as Job;
    expect(toDeadLetterView('deliver', job)).toEqual({
      queue: 'deliver',
      id: 'evt_0123456789abcdef0123456789abcdef',
      event_id: 'evt_0123456789abcdef0123456789abcdef',
      client_id: 'demo',
      bid: '70000001',
      type: 'booking.confirmed',
      attempts: 11,
      reason: 'retries_exhausted',
      last_error: 'http_4xx: HTTP 410',
      received_at: '1970-01-01T00:00:01.000Z',
      failed_at: '1970-01-01T00:00:02.000Z',
    });
  });
});
