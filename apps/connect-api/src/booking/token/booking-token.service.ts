import { Injectable, Logger } from '@nestjs/common';
import { randomBytes } from 'node:crypto';
import { AppConfig } from '../../platform/config/app-config';
import { ContractError } from '../../platform/errors/contract-error';
import type { ClientSnapshot } from '../../platform/clients/client-snapshot';
import {
  decodeBookingToken,
  encodeBookingToken,
  newUniqueId,
  type BookingTokenKeys,
} from './booking-token.codec';

export interface VerifiedBookingToken {
  cartId: string;
  seats: number;
  legacy: boolean;
}

/** Issues and verifies the signed, client-bound booking token (docs/contract/ids.md#booking-tokens, docs/contract/endpoints.md#createbooking). */
@Injectable()
export class BookingTokenService {
  private readonly logger = new Logger('BookingToken');
  private readonly keys: BookingTokenKeys;

  constructor(config: AppConfig) {
    let hmacKeys = config.bookingTokenHmacKeys;
    if (hmacKeys.length === 0) {
      if (config.isProduction) throw new Error('BOOKING_TOKEN_HMAC_KEY is required in production');
      // Outside production a per-process key keeps local runs working; tokens do not survive a restart.
      hmacKeys = [randomBytes(32).toString('hex')];
      this.logger.warn({ msg: 'BOOKING_TOKEN_HMAC_KEY unset: using an ephemeral key (non-production only)' });
    }
    this.keys = {
      hmacKeys,
      maxAgeSec: config.BOOKING_TOKEN_MAX_AGE_S,
      acceptLegacy: config.ACCEPT_LEGACY_BOOKING_TOKENS,
    };
  }

  issue(client: ClientSnapshot, cartId: string, seats: number, now: Date = new Date()): string {
    return encodeBookingToken(
      {
        contractCode: client.contractCode || '12go',
        cartId,
        seats,
        uniqueId: newUniqueId(),
        clientId: client.clientId,
        issuedAt: Math.floor(now.getTime() / 1000),
      },
      this.keys.hmacKeys[0],
    );
  }

  /**
   * 400 `invalid_booking_token` when undecodable or tampered; 404 `booking_token_expired` when old or foreign.
   * An unbound legacy-format token is accepted only when ACCEPT_LEGACY_BOOKING_TOKENS is on and the client
   * opted in (`accept_legacy_tokens`); the caller must then prove the cart is not another client's
   * (docs/adr/0101-cart-owner-records.md).
   */
  verify(
    token: string,
    client: Pick<ClientSnapshot, 'clientId' | 'acceptLegacyTokens'>,
    now: Date = new Date(),
  ): VerifiedBookingToken {
    const keys = { ...this.keys, acceptLegacy: this.keys.acceptLegacy && client.acceptLegacyTokens };
    const result = decodeBookingToken(token, client.clientId, Math.floor(now.getTime() / 1000), keys);
    if (result.ok) return { cartId: result.cartId, seats: result.seats, legacy: result.legacy };
    this.logger.log({ event: 'booking_token_rejected', reason: result.reason });
    if (result.error === 'invalid') throw new ContractError('invalid_booking_token');
    throw new ContractError('booking_token_expired');
  }
}
