import { Injectable, Logger } from '@nestjs/common';
import type { ClientSnapshot } from '../platform/clients/client-snapshot';
import { ContractError } from '../platform/errors/contract-error';
import { BookingOwnerStore } from './booking-owner.store';

/** How the booking id was resolved (docs/contract/ids.md#booking-ids): legacy forms are bound to a client. */
export type BookingIdEvidence = 'native' | 'mapping' | 'klv';

/**
 * The ownership layer of docs/contract/headers.md#client-isolation for every booking route (details, ticket, cancel, confirm):
 * a record naming another client → 404 `booking_not_found` (+ `security.cross_client_attempt` warn);
 * no record → allowed (12go scopes bookings by key) unless the client is `strict_ownership`, where only
 * a record or a legacy id bound to this client (mapping-file row, KLV key 05) proves ownership;
 * Redis down → strict clients 503, others continue on 12go's key scoping alone.
 */
@Injectable()
export class BookingOwnershipService {
  private readonly logger = new Logger('BookingOwnership');

  constructor(private readonly owners: BookingOwnerStore) {}

  async assertAccess(client: ClientSnapshot, bid: string, evidence: BookingIdEvidence): Promise<void> {
    let ownerId: string | null;
    try {
      ownerId = (await this.owners.read(bid))?.clientId ?? null;
    } catch (err) {
      this.logger.warn({
        msg: 'booking_owner.read_failed',
        event: 'booking_owner.read_failed',
        bid,
        err: (err as Error).message,
      });
      if (client.strictOwnership) {
        throw new ContractError('upstream_unavailable', 'A required internal store is unavailable.', {
          status: 503,
          retryAfterSec: 5,
        });
      }
      return;
    }
    if (ownerId !== null && ownerId !== client.clientId) {
      this.logger.warn({
        msg: 'security.cross_client_attempt',
        event: 'security.cross_client_attempt',
        client_id: client.clientId,
        bid,
        id_source: evidence,
      });
      throw new ContractError('booking_not_found');
    }
    if (ownerId === null && client.strictOwnership && evidence === 'native')
      throw new ContractError('booking_not_found');
  }
}
