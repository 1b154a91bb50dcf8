import { Injectable } from '@nestjs/common';
import { ContractError } from '../platform/errors/contract-error';
import { normaliseBookingIdParam, resolveBookingId, type BookingIdSource } from './booking-id';
import { LegacyBookingMapService } from './legacy-booking-map.service';

export interface BookingRef {
  /** The id exactly as the partner used it (after inbound normalisation): echoed in responses. */
  id: string;
  /** The 12go booking id. */
  bid: string;
  source: BookingIdSource;
}

/** Path `booking_id` → 12go bid for the calling client (docs/contract/ids.md#booking-ids). */
@Injectable()
export class BookingIdResolver {
  constructor(private readonly legacyMap: LegacyBookingMapService) {}

  /** Throws 400 `validation_error` for a malformed id and 404 `booking_not_found` for an unresolvable one. */
  resolve(clientId: string, rawId: string | undefined): BookingRef {
    const id = normaliseBookingIdParam(rawId);
    if (id === null) {
      throw new ContractError('validation_error', 'booking_id is malformed.', {
        details: [
          {
            field: 'booking_id',
            reason: 'pattern_mismatch',
            message: 'booking_id must match ^[A-Za-z0-9_=-]{1,512}$.',
          },
        ],
      });
    }
    const resolved = resolveBookingId(id, clientId, (c, legacy) => this.legacyMap.lookup(c, legacy));
    if (!resolved) throw new ContractError('booking_not_found');
    return { id, bid: resolved.bid, source: resolved.source };
  }

  /** docs/contract/ids.md#booking-ids: the id a notification about `bid` carries (legacy id when mapped). */
  outboundId(bid: string): { bookingId: string; clientId: string | null } {
    const row = this.legacyMap.reverse(bid);
    return row
      ? { bookingId: row.legacyBookingId, clientId: row.clientId }
      : { bookingId: bid, clientId: null };
  }
}
