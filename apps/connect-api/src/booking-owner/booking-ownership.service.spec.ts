import type { ClientSnapshot } from '../platform/clients/client-snapshot';
import { ContractError } from '../platform/errors/contract-error';
import { RedisUnavailableError } from '../platform/redis/redis-unavailable.error';
import type { BookingOwnerStore } from './booking-owner.store';
import { BookingOwnershipService } from './booking-ownership.service';

// BookingOwnerStore is the one mocked class.
describe('BookingOwnershipService', () => {
  const client = (strictOwnership: boolean) => ({ clientId: 'demo', strictOwnership }) as ClientSnapshot;
  const withRecord = (clientId: string | null) =>
    new BookingOwnershipService({
      read: jest
        .fn()
        .mockResolvedValue(clientId ? { bid: '1', clientId, createdAt: null, departureAt: null } : null),
    } as unknown as BookingOwnerStore);
  const redisDown = () =>
    new BookingOwnershipService({
      read: jest.fn().mockRejectedValue(new RedisUnavailableError('booking_owner.read')),
    } as unknown as BookingOwnerStore);

  const outcome = (p: Promise<void>) =>
    p.then(
      () => 'allowed',
      (e: unknown) => (e instanceof ContractError ? `${e.status} ${e.code}` : String(e)),
    );

  it.each([
    // record, strict, evidence, expected
    ['demo', false, 'native', 'allowed'],
    ['demo', true, 'native', 'allowed'],
    ['demo-b', false, 'native', '404 booking_not_found'],
    ['demo-b', true, 'mapping', '404 booking_not_found'],
    ['demo-b', false, 'klv', '404 booking_not_found'],
    [null, false, 'native', 'allowed'],
    [null, true, 'native', '404 booking_not_found'],
    [null, true, 'mapping', 'allowed'],
    [null, true, 'klv', 'allowed'],
  ] as const)('record %s, strict %s, id %s → %s', async (record, strict, evidence, expected) => {
    expect(await outcome(withRecord(record).assertAccess(client(strict), '1', evidence))).toBe(expected);
  });

  it('lets non-strict clients through when Redis is down and answers 503 to strict ones', async () => {
    expect(await outcome(redisDown().assertAccess(client(false), '1', 'native'))).toBe('allowed');
    expect(await outcome(redisDown().assertAccess(client(true), '1', 'native'))).toBe(
      '503 upstream_unavailable',
    );
  });
});
