import type { TwelveGoRefundOption, TwelveGoRefundOptionsResponse } from '@app/twelvego-client';
import { hmacHex } from '../core/hashing';
import { HOUR_MS, formatDateTime } from '../core/local-time';
import { centsToFixed2, centsToNumber } from '../core/money';

/** Refund windows of docs/upstream-12go.md#refunds (pure). Times are naive departure-local milliseconds. */

export interface RefundInput {
  bid: number;
  status: string;
  cancellation: 0 | 1 | 2;
  /** Departure, departure-local naive ms. */
  depNaive: number;
  /** Moment of confirmation, departure-local naive ms (null when never confirmed). */
  confirmedNaive: number | null;
  /** Now, departure-local naive ms. */
  nowNaive: number;
  /** seller_price.netprice in cents. */
  netCents: number;
  currency: string;
  secret: string;
}

export interface RefundOptionInternal extends TwelveGoRefundOption {
  amountCents: number;
}

const WINDOWS: Record<
  0 | 1 | 2,
  Array<{ percent: number; startHoursBefore: number | null; endHoursBefore: number }>
> = {
  0: [],
  1: [{ percent: 100, startHoursBefore: null, endHoursBefore: 48 }],
  2: [
    { percent: 100, startHoursBefore: null, endHoursBefore: 72 },
    { percent: 50, startHoursBefore: 72, endHoursBefore: 24 },
  ],
};

export function refundHash(
  secret: string,
  bid: number,
  index: number,
  amountCents: number,
  fxcode: string,
  since: string,
  until: string,
): string {
  return hmacHex(secret, `${bid}|${index}|${centsToFixed2(amountCents)}|${fxcode}|${since}|${until}`).slice(
    0,
    32,
  );
}

export function computeRefundOptions(input: RefundInput): RefundOptionInternal[] {
  if (input.status !== 'confirmed' || input.confirmedNaive === null) return [];
  const c = Math.floor(input.confirmedNaive / 1000) * 1000;
  const out: RefundOptionInternal[] = [];
  for (const w of WINDOWS[input.cancellation]) {
    const end = input.depNaive - w.endHoursBefore * HOUR_MS;
    const start = Math.max(
      c,
      w.startHoursBefore === null ? c : input.depNaive - w.startHoursBefore * HOUR_MS,
    );
    if (end <= input.nowNaive || start >= end) continue;
    const amountCents = Math.round((input.netCents * w.percent) / 100);
    const since = formatDateTime(start);
    const until = formatDateTime(end);
    out.push({
      refund_amount: centsToNumber(amountCents),
      refund_fxcode: input.currency,
      expires: true,
      expires_after: until,
      available: start <= input.nowNaive && input.nowNaive < end,
      available_since: since,
      hash: refundHash(input.secret, input.bid, out.length, amountCents, input.currency, since, until),
      amountCents,
    });
  }
  return out;
}

export function refundOptionsResponse(options: RefundOptionInternal[]): TwelveGoRefundOptionsResponse {
  return {
    available: options.some((o) => o.available),
    options: options.map(({ amountCents: _ignored, ...o }) => o),
  };
}
