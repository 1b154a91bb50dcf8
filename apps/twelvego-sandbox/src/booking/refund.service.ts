import { Inject, Injectable } from '@nestjs/common';
import type { TwelveGoRefundOptionsResponse, TwelveGoRefundResponse } from '@app/twelvego-client';
import { SANDBOX_CONFIG, SandboxConfig } from '../config/sandbox-config';
import { stationProvince } from '../catalog/seed-data';
import { instantToNaive } from '../core/local-time';
import { SandboxClock } from '../core/sandbox-clock';
import { UpstreamError, fieldErrors } from '../http/upstream-error';
import type { Booking } from '../state/sandbox-state';
import { BookingService } from './booking.service';
import { RefundOptionInternal, computeRefundOptions, refundOptionsResponse } from './refund-options';

/** docs/upstream-12go.md#refunds refund options and docs/upstream-12go.md#refunds refunds (scenarios NONREF, RFDDLY, RFDFAI). */
@Injectable()
export class RefundService {
  constructor(
    @Inject(SANDBOX_CONFIG) private readonly config: SandboxConfig,
    private readonly clock: SandboxClock,
    private readonly bookings: BookingService,
  ) {}

  private refundOptionsOf(b: Booking): RefundOptionInternal[] {
    const d = this.bookings.bookingDeparture(b);
    const offset = stationProvince(d.plan.from).utcOffsetHours;
    return computeRefundOptions({
      bid: b.bid,
      status: b.status,
      cancellation: d.plan.cancellation,
      depNaive: d.depNaive,
      confirmedNaive: b.confirmedAtMs === null ? null : instantToNaive(b.confirmedAtMs, offset),
      nowNaive: instantToNaive(this.clock.nowMs(), offset),
      netCents: b.amounts.net + b.amounts.extras,
      currency: b.amounts.currency,
      secret: this.config.secret,
    }).filter((o) => !b.usedRefundHashes.has(o.hash));
  }

  refundOptions(b: Booking): TwelveGoRefundOptionsResponse {
    return refundOptionsResponse(this.refundOptionsOf(b));
  }

  refund(b: Booking, body: unknown): TwelveGoRefundResponse {
    const o = (body && typeof body === 'object' && !Array.isArray(body) ? body : {}) as Record<
      string,
      unknown
    >;
    const bad: Record<string, string> = {};
    if (typeof o.hash !== 'string' || o.hash === '') bad.hash = 'Required string';
    if (typeof o.refund_fxcode !== 'string' || o.refund_fxcode === '') bad.refund_fxcode = 'Required string';
    if (typeof o.refund_amount !== 'number' || !Number.isFinite(o.refund_amount))
      bad.refund_amount = 'Required number';
    if (Object.keys(bad).length) throw fieldErrors(400, bad, 'Malformed request body');
    if (b.status !== 'confirmed') throw new UpstreamError(422, { messages: ['Booking cannot be refunded'] });
    const option = this.refundOptionsOf(b).find((opt) => opt.hash === o.hash);
    if (!option)
      throw fieldErrors(422, { hash: 'Unknown or already used refund option' }, 'Refund option is invalid');
    const mismatch: Record<string, string> = {};
    if (o.refund_fxcode !== option.refund_fxcode) mismatch.refund_fxcode = `Must be ${option.refund_fxcode}`;
    if (Math.round((o.refund_amount as number) * 100) !== option.amountCents)
      mismatch.refund_amount = `Must be ${option.refund_amount}`;
    if (Object.keys(mismatch).length) throw fieldErrors(422, mismatch, 'Refund option does not match');
    if (!option.available) throw new UpstreamError(422, { messages: ['Refund option is not available'] });
    const scenario = this.bookings.bookingDeparture(b).plan.scenario;
    if (scenario === 'RFDFAI')
      return { success: false, delay_minutes: 0, message: 'Operator rejected the refund' };
    b.usedRefundHashes.add(option.hash);
    this.bookings.transition(b, 'cancelled');
    return { success: true, delay_minutes: scenario === 'RFDDLY' ? 120 : 0, message: 'Refund accepted' };
  }
}
