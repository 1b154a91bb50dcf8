import {
  DAY_MS,
  HOUR_MS,
  decideReconcile,
  isFinalStatus,
  nextPollDelayMs,
  tickBudget,
  upstreamTypeForStatus,
} from './reconcile-plan';

describe('reconcile plan', () => {
  describe('decideReconcile', () => {
    it.each([
      // current, notified, expected kind
      [{ status: 'confirmed', stamp: 200 }, { status: 'confirmed', stamp: 200 }, 'in_sync'],
      [{ status: 'confirmed', stamp: 150 }, { status: 'cancelled', stamp: 200 }, 'in_sync'],
      [{ status: 'confirmed', stamp: 300 }, { status: 'confirmed', stamp: 200 }, 'record'],
      [{ status: 'pending_client_confirmation', stamp: 100 }, null, 'record'],
      [{ status: 'confirmed', stamp: 200 }, null, 'emit'],
      [{ status: 'confirmed', stamp: 200 }, { status: 'pending', stamp: 150 }, 'emit'],
      [{ status: 'cancelled', stamp: 400 }, { status: 'confirmed', stamp: 200 }, 'emit'],
    ] as const)('%j after %j → %s', (current, notified, kind) => {
      expect(decideReconcile(current, notified).kind).toBe(kind);
    });

    it('emits the type and stamp the webhook path derives its ids from', () => {
      expect(
        decideReconcile({ status: 'confirmed', stamp: 1778382366 }, { status: 'pending', stamp: 1 }),
      ).toEqual({
        kind: 'emit',
        type: 'booking_confirmed',
        dedupStamp: '1778382366',
        previousStatus: 'pending',
      });
      expect(decideReconcile({ status: 'declined', stamp: 5 }, null)).toEqual({
        kind: 'emit',
        type: 'booking_updated',
        dedupStamp: '5',
        previousStatus: null,
      });
    });
  });

  it('maps statuses to the webhook types 12go sends for them', () => {
    expect(upstreamTypeForStatus('confirmed')).toBe('booking_confirmed');
    expect(upstreamTypeForStatus('cancelled')).toBe('booking_canceled');
    expect(upstreamTypeForStatus('canceled')).toBe('booking_canceled');
    expect(upstreamTypeForStatus('pending')).toBe('booking_updated');
    expect(upstreamTypeForStatus('expired')).toBe('booking_updated');
    expect(upstreamTypeForStatus('something_new')).toBe('booking_updated');
  });

  it('treats cancelled, declined and expired as final; confirmed can still change', () => {
    expect(['cancelled', 'canceled', 'declined', 'expired'].every(isFinalStatus)).toBe(true);
    expect(['confirmed', 'pending', 'pending_client_confirmation'].some(isFinalStatus)).toBe(false);
  });

  describe('nextPollDelayMs', () => {
    const now = 100 * DAY_MS;
    it('polls every interval during the first hour after enrolment', () => {
      expect(nextPollDelayMs(now, now - 59 * 60_000, null, 60_000)).toBe(60_000);
    });
    it('polls hourly afterwards', () => {
      expect(nextPollDelayMs(now, now - 2 * HOUR_MS, null, 60_000)).toBe(HOUR_MS);
    });
    it('goes back to the short interval for an hour after a change', () => {
      expect(nextPollDelayMs(now, now - 3 * DAY_MS, now - 10 * 60_000, 60_000)).toBe(60_000);
    });
    it('never polls more often than the interval', () => {
      expect(nextPollDelayMs(now, now - 2 * HOUR_MS, null, 2 * HOUR_MS)).toBe(2 * HOUR_MS);
    });
  });

  it('budgets a tick at the rate over 80 % of the interval, at least one booking', () => {
    expect(tickBudget(5, 60_000)).toBe(240);
    expect(tickBudget(1, 500)).toBe(1);
  });
});
