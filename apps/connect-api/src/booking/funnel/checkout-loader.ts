import { Injectable, Logger } from '@nestjs/common';
import {
  TwelveGoClient,
  type TwelveGoCallContext,
  type TwelveGoCheckoutResponse,
} from '@app/twelvego-client';
import { parseCheckout } from '../schema/checkout-schema.mapper';
import type { Money, ParsedCheckout } from '../schema/checkout-schema.types';
import type { ClientSnapshot } from '../../platform/clients/client-snapshot';
import { addonPriceFor } from './addon-price';

type BasePrice = { value: number; fxcode: string } | null;

/** Fetches and parses a cart's checkout form; logs the parser's events (never values). */
@Injectable()
export class CheckoutLoader {
  private readonly logger = new Logger('Checkout');

  constructor(private readonly twelvego: TwelveGoClient) {}

  async load(
    ctx: TwelveGoCallContext,
    client: ClientSnapshot,
    cartId: string,
    seatCount: number,
    basePrice: BasePrice,
  ): Promise<ParsedCheckout> {
    return this.parse(await this.twelvego.getCheckout(ctx, cartId, 1), client, seatCount, basePrice);
  }

  parse(
    checkout: TwelveGoCheckoutResponse,
    client: ClientSnapshot,
    seatCount: number,
    basePrice: BasePrice,
  ): ParsedCheckout {
    const parsed = parseCheckout(checkout as unknown as Record<string, unknown>, {
      seatCount,
      basePrice,
      addonPrice: addonPriceFor(client),
    });
    for (const e of parsed.events) this.logger.log({ event: e.event, key: e.key, ...e.detail });
    return parsed;
  }

  /** CreateBooking / SeatLock: the cart behind the token gone reads as `booking_token_expired` (TOKEN_CART_CALLS). */
  async fetchForToken(ctx: TwelveGoCallContext, cartId: string): Promise<TwelveGoCheckoutResponse> {
    return this.twelvego.getCheckout(ctx, cartId, 1);
  }

  async loadForToken(
    ctx: TwelveGoCallContext,
    client: ClientSnapshot,
    cartId: string,
    seatCount: number,
    basePrice: BasePrice = null,
  ): Promise<ParsedCheckout> {
    return this.parse(await this.fetchForToken(ctx, cartId), client, seatCount, basePrice);
  }
}

export type { Money };
