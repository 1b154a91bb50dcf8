import { Injectable, Logger, Optional } from '@nestjs/common';
import { TwelveGoClient, type TwelveGoCallContext } from '@app/twelvego-client';
import { IdMapping } from '../../ids/id-mapping';
import { SeatClassImageStore } from '../../seat-class-images/seat-class-image.store';
import { seatClassImagesOf } from '../../seat-class-images/seat-class-images';
import { decodeItineraryId, toTwelveGoDateTime, type DecodedItineraryId } from '../../ids/itinerary-id';
import type { ClientSnapshot } from '../../platform/clients/client-snapshot';
import { ContractError } from '../../platform/errors/contract-error';
import { UpstreamErrors } from '../../platform/errors/twelvego-error.mapper';
import type { UpstreamErrorTable } from '../../platform/errors/upstream-error-table';
import { mapTrip, pickTravelOption } from '../../contract/itinerary/search.mapper';
import { CartAccess } from '../seat-lock/cart-access.service';
import { BookingTokenService } from '../token/booking-token.service';
import { CheckoutLoader } from './checkout-loader';
import type { GetItineraryResponse } from '../../contract/booking/checkout-itinerary';
import { toGetItineraryResponse } from './checkout-itinerary.mapper';
import { callContextFor } from '../../platform/twelvego/call-context';
import { recordBusinessEvent } from '../../platform/events/record-business-event';

/** 12go "gone" → 404 `itinerary_not_found`; "cannot be sold" keeps the default 422 `itinerary_not_available`. */
export const GET_ITINERARY_UPSTREAM_ERRORS: UpstreamErrorTable = { notFound: 'itinerary_not_found' };

/**
 * GetItinerary (docs/contract/endpoints.md#getitinerary): decode the id (every form) → trip details → add to cart → checkout →
 * booking schema + signed booking token. Stores only the cart's owner record (docs/adr/0101-cart-owner-records.md).
 */
@Injectable()
export class GetItineraryService {
  private readonly logger = new Logger('GetItinerary');

  constructor(
    private readonly twelvego: TwelveGoClient,
    private readonly checkouts: CheckoutLoader,
    private readonly tokens: BookingTokenService,
    private readonly ids: IdMapping,
    private readonly carts: CartAccess,
    @Optional() private readonly classImages?: SeatClassImageStore,
  ) {}

  @UpstreamErrors(GET_ITINERARY_UPSTREAM_ERRORS)
  async execute(
    client: ClientSnapshot,
    rawId: string,
    pax: string | undefined,
    now: Date = new Date(),
  ): Promise<GetItineraryResponse> {
    const ref = this.decode(rawId, pax);
    const ctx = callContextFor(client, { lang: client.defaults.locale });
    const tripRef = { tripId: ref.tripKey, datetime: toTwelveGoDateTime(ref), seats: ref.seats };

    const details = await this.twelvego.getTripDetails(ctx, tripRef);
    const trip = (details.trips ?? []).find((t) => t.id === ref.tripKey) ?? details.trips?.[0];
    if (!trip) throw new ContractError('itinerary_not_found');
    const option = pickTravelOption(trip.travel_options);
    if (!option) {
      this.logger.log({
        event: 'itinerary_not_available',
        trip_key: ref.tripKey,
        reason: trip.travel_options?.[0]?.reason ?? '',
      });
      throw new ContractError('itinerary_not_available');
    }
    const imageIndex = (await this.classImages?.current()) ?? {};
    const mapped = mapTrip(trip, details.classes, {
      pax: ref.seats,
      itineraryIdFormat: client.itineraryIdFormat,
      contractCode: client.contractCode || '12go',
      searchTime: ref.searchTime ?? now.toISOString().replace(/\.\d{3}Z$/, 'Z'),
      markup: client.markup,
      clientStationId: (id) => this.ids.toClientStation(id, client.idScheme),
      clientOperatorId: (id) => this.ids.toClientOperator(id, client.idScheme),
      seatClassImages: (operatorId, classId) => seatClassImagesOf(imageIndex, operatorId, classId),
    });
    if (!mapped) throw new ContractError('itinerary_not_available');

    const cartId = await this.twelvego.addToCart(ctx, tripRef);
    // Every cart a token names has an owner record, so a cart without one was not opened through us.
    await this.carts.recordCreated(cartId, client.clientId);
    const basePrice =
      option.price && typeof option.price.value === 'number'
        ? { value: option.price.value, fxcode: option.price.fxcode }
        : null;
    const parsed = await this.checkouts.load(ctx, client, cartId, ref.seats, basePrice);
    const token = this.tokens.issue(client, cartId, ref.seats, now);
    this.logger.log({ event: 'checkout_opened', cart_id: cartId, trip_key: ref.tripKey, seats: ref.seats });
    const segment = mapped.segments[0];
    const pricing = mapped.itinerary.pricing;
    recordBusinessEvent('checkout.completed', {
      itinerary_id: mapped.itinerary.id,
      trip_id: ref.tripKey,
      cart_id: cartId,
      seats: ref.seats,
      from_station: segment?.from_station,
      to_station: mapped.segments[mapped.segments.length - 1]?.to_station,
      departure: segment?.departure_time,
      operator_id: segment?.operating_carrier_id,
      price: {
        net: pricing.net_price.amount,
        gross: pricing.gross_price?.amount ?? null,
        currency: pricing.net_price.currency,
        price_type: pricing.gross_price?.price_type ?? null,
      },
      schema_field_count: parsed.fields.passenger.length + parsed.fields.additional.length,
      unknown_required_fields: parsed.events.filter(
        (e) => e.event === 'checkout_unknown_field' && e.detail?.required,
      ).length,
      seat_selection_available: parsed.fields.seatSelection?.hasSeatMap ?? false,
    });
    return toGetItineraryResponse(mapped, token, parsed.bookingSchema);
  }

  private decode(rawId: string, pax: string | undefined): DecodedItineraryId {
    const decoded = decodeItineraryId(rawId, pax);
    if (decoded.ok) return decoded.value;
    this.logger.log({ event: 'itinerary_id_rejected', reason: decoded.reason });
    if (decoded.status === 400) {
      throw new ContractError('validation_error', undefined, {
        details: [
          { field: 'pax', reason: 'out_of_range', message: 'pax must be an integer between 1 and 100.' },
        ],
      });
    }
    throw new ContractError('itinerary_not_found');
  }
}

export type { TwelveGoCallContext };
