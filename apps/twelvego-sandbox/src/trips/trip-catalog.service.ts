import { Inject, Injectable } from '@nestjs/common';
import type { TwelveGoErrorProduct, TwelveGoSearchResponse, TwelveGoTrip } from '@app/twelvego-client';
import { SANDBOX_CONFIG, SandboxConfig } from '../config/sandbox-config';
import { STATIONS, stationById } from '../catalog/seed-data';
import { hmacHex } from '../core/hashing';
import { MINUTE_MS, parseDate } from '../core/local-time';
import { SandboxClock } from '../core/sandbox-clock';
import { SandboxState } from '../state/sandbox-state';
import { DatedDeparture, DatedDepartureCache } from './dated-departure';
import { DEPARTURE_PLANS, DeparturePlan, planByTripKey } from './departure-plan';
import { buildSearchResponse, buildTrip, unbookableReason } from './trip-view';

export interface SearchQuery {
  from: { id: number; kind: 'p' | 's' };
  to: { id: number; kind: 'p' | 's' };
  date: string;
  seats: number;
  direct: boolean;
  currency: string;
  /** Restrict to the live-checked trips of one seller (recheck answers, docs/upstream-12go.md#recheck-simulation). */
  sellerId?: number;
}

/** Generated trips, their live availability and the docs/upstream-12go.md#search, docs/upstream-12go.md#trip-details views (docs/upstream-12go.md#seed-data-and-trips, docs/upstream-12go.md#recheck-simulation). */
@Injectable()
export class TripCatalogService {
  private readonly cache = new DatedDepartureCache();

  constructor(
    @Inject(SANDBOX_CONFIG) private readonly config: SandboxConfig,
    private readonly clock: SandboxClock,
    private readonly state: SandboxState,
  ) {}

  /** True when the date is inside today … today + horizon − 1 (UTC+7). */
  inHorizon(date: string): boolean {
    return date >= this.clock.today() && date <= this.clock.dayOffset(this.config.horizonDays - 1);
  }

  isPastDate(date: string): boolean {
    return date < this.clock.today();
  }

  departure(plan: DeparturePlan, date: string): DatedDeparture {
    return this.cache.get(this.state.seed, plan, date);
  }

  /** A departure by trip key and local date-time, or null when unknown, outside the horizon or departed. */
  findDeparture(tripKey: string, depNaive: number): DatedDeparture | null {
    const plan = planByTripKey.get(tripKey);
    if (!plan) return null;
    const dateText = new Date(depNaive).toISOString().slice(0, 10);
    if (!this.inHorizon(dateText)) return null;
    const d = this.departure(plan, dateText);
    if (d.depNaive !== depNaive) return null;
    if (this.hasDeparted(d)) return null;
    return d;
  }

  hasDeparted(d: DatedDeparture): boolean {
    return d.depInstant <= this.clock.nowMs();
  }

  salesClosed(d: DatedDeparture): boolean {
    return d.depInstant - this.clock.nowMs() < this.config.salesCutoffMin * MINUTE_MS;
  }

  /** Seats left after sandbox holds, from validated inventory. */
  availableSeats(d: DatedDeparture): number {
    return Math.max(0, d.validatedSeats - this.state.heldSeats(d.plan.tripKey, d.date));
  }

  recheckGroupKey(d: DatedDeparture): string {
    return `${d.plan.sellerId}|${d.plan.from}|${d.plan.to}|${d.date}`;
  }

  isValidated(d: DatedDeparture): boolean {
    if (!d.plan.liveChecked) return true;
    if (d.plan.scenario === 'RECHKN') return false;
    const group = this.state.rechecks.get(this.recheckGroupKey(d));
    return !!group && group.state === 'validated' && group.validatedUntilMs > this.clock.nowMs();
  }

  recheckSignature(f: number, t: number, d: string, s: number, i: number): string {
    return hmacHex(this.config.secret, `${f}|${t}|${d}|${s}|${i}`).slice(0, 16);
  }

  recheckUrl(d: DatedDeparture, seats: number): string {
    const { from, to, sellerId } = d.plan;
    const sig = this.recheckSignature(from, to, d.date, seats, sellerId);
    return `${this.config.recheckBaseUrl}/searchr?f=${from}&t=${to}&d=${d.date}&s=${seats}&i=${sellerId}&sig=${sig}`;
  }

  /** Current (validated) view of one departure: trip details, cart and reserve use it (docs/upstream-12go.md#recheck-simulation). */
  currentTrip(d: DatedDeparture, seats: number, currency: string): TwelveGoTrip {
    return buildTrip({
      departure: d,
      netThbCents: d.validatedNetCents,
      availableSeats: this.availableSeats(d),
      requestedSeats: seats,
      salesClosed: this.salesClosed(d),
      approximate: false,
      currency,
    });
  }

  tripDetails(d: DatedDeparture, seats: number, currency: string): TwelveGoSearchResponse {
    return buildSearchResponse([this.currentTrip(d, seats, currency)], []);
  }

  /** docs/upstream-12go.md#seed-data-and-trips reason for `seats` passengers on the current inventory; '' when sellable. */
  sellability(d: DatedDeparture, seats: number): { reason: string; available: number } {
    const available = this.availableSeats(d);
    return { reason: unbookableReason(available, seats, this.salesClosed(d)), available };
  }

  errorProduct(d: DatedDeparture): TwelveGoErrorProduct {
    return {
      product_type: 'trip',
      trip_key: d.plan.tripKey,
      godate: d.depText,
      from_station_id: d.plan.from,
      to_station_id: d.plan.to,
      operator_id: d.plan.firstOperator.id,
      seller_id: d.plan.sellerId,
      vehclass_id: d.plan.firstOperator.vehicle,
      class_id: d.plan.firstClass.id,
      available_seats: this.availableSeats(d),
    };
  }

  private stationsOf(place: { id: number; kind: 'p' | 's' }): Set<number> {
    if (place.kind === 's') return new Set(stationById.has(place.id) ? [place.id] : []);
    return new Set(STATIONS.filter((s) => s.provinceId === place.id).map((s) => s.id));
  }

  search(q: SearchQuery): { response: TwelveGoSearchResponse; token: string | null } {
    if (!this.inHorizon(q.date) || parseDate(q.date) === null)
      return { response: buildSearchResponse([], []), token: null };
    const fromStations = this.stationsOf(q.from);
    const toStations = this.stationsOf(q.to);
    const recheck: string[] = [];
    const trips: TwelveGoTrip[] = [];
    for (const plan of DEPARTURE_PLANS) {
      if (!fromStations.has(plan.from) || !toStations.has(plan.to)) continue;
      if (plan.seed.connection && q.direct) continue;
      if (q.sellerId !== undefined && (plan.sellerId !== q.sellerId || !plan.liveChecked)) continue;
      const d = this.departure(plan, q.date);
      if (this.hasDeparted(d)) continue;
      const validated = this.isValidated(d);
      const useValidated = plan.liveChecked && validated;
      const held = this.state.heldSeats(plan.tripKey, q.date);
      const seats = Math.max(0, (useValidated ? d.validatedSeats : d.searchSeats) - held);
      trips.push(
        buildTrip({
          departure: d,
          netThbCents: useValidated ? d.validatedNetCents : d.searchNetCents,
          availableSeats: seats,
          requestedSeats: q.seats,
          salesClosed: this.salesClosed(d),
          approximate: !validated,
          currency: q.currency,
        }),
      );
      if (!validated) {
        const url = this.recheckUrl(d, q.seats);
        if (!recheck.includes(url)) recheck.push(url);
      }
    }
    trips.sort((a, b) =>
      a.params.dep_time < b.params.dep_time
        ? -1
        : a.params.dep_time > b.params.dep_time
          ? 1
          : a.id < b.id
            ? -1
            : a.id > b.id
              ? 1
              : 0,
    );
    const token = recheck.length
      ? `rc-${hmacHex(this.config.secret, `token|${recheck.join(',')}`).slice(0, 16)}`
      : null;
    return { response: buildSearchResponse(trips, recheck), token };
  }
}
