import { Injectable } from '@nestjs/common';
import { grossOf } from '../core/money';
import { SandboxState } from '../state/sandbox-state';
import type { DatedDeparture } from '../trips/dated-departure';
import { seatAmountsFor } from '../trips/trip-view';
import { FieldSpec, buildCheckout } from './checkout-fields';
import { SeatMapState, seatLayoutFor, seatMapJson, seatMapState } from './seat-map';

/** Checkout forms (docs/upstream-12go.md#checkout) for a departure, with the live seat map. */
@Injectable()
export class CheckoutService {
  constructor(private readonly state: SandboxState) {}

  seatMap(d: DatedDeparture): SeatMapState | null {
    const variant = d.plan.scenario === 'ALLFLD' ? 'D' : d.plan.firstClass.seatMap;
    if (!variant) return null;
    const layout = seatLayoutFor(variant, d.plan.firstClass.id, d.plan.capacity);
    const taken = this.state.takenSeatIds(d.plan.tripKey, d.date);
    return seatMapState(
      layout,
      Math.min(d.validatedSeats, layout.seats.length),
      taken,
      this.state.seed,
      d.plan.tripKey,
      d.date,
    );
  }

  build(
    d: DatedDeparture,
    cartSeats: number,
    people: number,
    currency: string,
  ): { spec: FieldSpec; seatMap: SeatMapState | null } {
    const seatMap = this.seatMap(d);
    const gross = grossOf(seatAmountsFor(d, d.validatedNetCents, currency));
    const spec = buildCheckout({
      plan: d.plan,
      cartSeats,
      people,
      currency,
      seatMap: seatMap ? seatMapJson(seatMap, gross, currency) : null,
    });
    return { spec, seatMap };
  }
}
