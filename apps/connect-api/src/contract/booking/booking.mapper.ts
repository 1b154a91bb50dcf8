import { TwelveGoError, type TwelveGoBookingDetails } from '@app/twelvego-client';
import { applyMarkup, moneyCurrencyFirst, toMinorUnits } from '../../pricing';
import { mapBookingStatus } from './booking-status.mapper';
import type { BookingMarkup, ContractBooking } from './contract-booking';

export interface BookingMapperContext {
  /** The id the partner used (legacy or native, docs/contract/ids.md#booking-ids); defaults to the 12go bid. */
  bookingId?: string;
  /** The calling / owning client's markup (`ClientSnapshot.markup`). */
  markup?: BookingMarkup | null;
  /** 12go station id → client station id (docs/contract/ids.md#station-operator-and-poi-ids `toClientStation`); identity when absent. */
  stationId?: (twelvegoStationId: number) => string;
}

function badShape(what: string): TwelveGoError {
  return new TwelveGoError({
    kind: 'bad_response',
    operation: 'bookingDetails',
    messages: [`booking details: ${what}`],
  });
}

function bidString(bid: unknown): string {
  const s =
    typeof bid === 'number'
      ? Number.isSafeInteger(bid)
        ? String(bid)
        : ''
      : typeof bid === 'string'
        ? bid.trim()
        : '';
  if (!/^[0-9]{1,19}$/.test(s)) throw badShape('bid is not an integer');
  return s.replace(/^0+(?=\d)/, '');
}

/** 12go local `yyyy-MM-dd HH:mm[:ss]` (or with `T`) → contract `YYYY-MM-DDTHH:mm:ss`, kept local (docs/upstream-12go.md#dates-and-money). */
export function toContractLocalDateTime(value: unknown): string {
  const m =
    typeof value === 'string'
      ? /^(\d{4}-\d{2}-\d{2})[ T](\d{2}):(\d{2})(?::(\d{2}))?/.exec(value.trim())
      : null;
  if (!m) throw badShape('dep_date_time is not a date-time');
  return `${m[1]}T${m[2]}:${m[3]}:${m[4] ?? '00'}`;
}

/** Epoch seconds → `YYYY-MM-DDTHH:mm:ssZ`, or null when absent / not a number. */
function epochToUtc(value: unknown): string | null {
  const n = typeof value === 'string' && /^\d+$/.test(value) ? Number(value) : value;
  if (typeof n !== 'number' || !Number.isFinite(n) || n <= 0) return null;
  return new Date(Math.trunc(n) * 1000).toISOString().replace(/\.\d{3}Z$/, 'Z');
}

function stationOf(id: unknown, map: ((n: number) => string) | undefined, which: string): string {
  const n = typeof id === 'string' && /^\d+$/.test(id) ? Number(id) : id;
  if (typeof n !== 'number' || !Number.isSafeInteger(n) || n <= 0)
    throw badShape(`${which} is not a station id`);
  return map ? map(n) : String(n);
}

/**
 * What the partner pays: 12go's agent cost (`netprice`, restated by `seller_price.netprice`, docs/upstream-12go.md#dates-and-money),
 * plus the client's markup. Gross `price` and the fees are not charged to the agent.
 */
function totalPrice(d: TwelveGoBookingDetails, markup: BookingMarkup | null | undefined) {
  const net = d.netprice;
  if (
    net &&
    typeof net.value === 'number' &&
    Number.isFinite(net.value) &&
    typeof net.fxcode === 'string' &&
    net.fxcode
  ) {
    return bookingTotal(net.value, net.fxcode, markup);
  }
  const sp = d.seller_price;
  if (
    sp &&
    typeof sp.netprice === 'number' &&
    Number.isFinite(sp.netprice) &&
    typeof sp.fxcode === 'string' &&
    sp.fxcode
  ) {
    return bookingTotal(sp.netprice, sp.fxcode, markup);
  }
  throw badShape('no agent price');
}

function bookingTotal(amount: number, currency: string, markup: BookingMarkup | null | undefined) {
  const cur = currency.toUpperCase();
  if (amount < 0) throw badShape('negative agent price');
  return moneyCurrencyFirst(applyMarkup(toMinorUnits(amount, cur), cur, markup).amountMinor, cur);
}

function nonEmpty(value: unknown): string | null {
  return typeof value === 'string' && value.trim() !== '' ? value : null;
}

/**
 * docs/upstream-12go.md#booking-details booking details → docs/contract/values.md#booking-object-and-status Booking (all 13 keys). Pure.
 * An unknown 12go status maps to `pending`; callers log it: `unknownUpstreamStatus(details)`.
 * Shape faults throw `TwelveGoError` kind `bad_response` (→ 502 upstream_bad_response).
 */
export function toContractBooking(
  details: TwelveGoBookingDetails,
  ctx: BookingMapperContext = {},
): ContractBooking {
  const bid = bidString(details.bid);
  const { status } = mapBookingStatus(details.status);
  const createdAt = epochToUtc(details.created_on) ?? epochToUtc(details.stamp);
  if (!createdAt) throw badShape('no created_on');
  const updatedAt = epochToUtc(details.stamp) ?? createdAt;
  const seats = details.seats;
  if (typeof seats !== 'number' || !Number.isSafeInteger(seats) || seats < 1)
    throw badShape('seats is not a count');
  const ticketUrl = nonEmpty(details.ticket_url);
  return {
    id: ctx.bookingId ?? bid,
    status,
    from_station: stationOf(details.from_id, ctx.stationId, 'from_id'),
    to_station: stationOf(details.to_id, ctx.stationId, 'to_id'),
    departure_time: toContractLocalDateTime(details.dep_date_time),
    passenger_count: seats,
    integration: 'onetwogo',
    integration_booking_id: bid,
    operator_booking_id: nonEmpty(details.tracker),
    voucher_url: status === 'approved' ? ticketUrl : null,
    created_at: createdAt,
    updated_at: updatedAt,
    total_price: totalPrice(details, ctx.markup),
  };
}

/** The raw 12go status when it is outside docs/upstream-12go.md#booking-lifecycle (to be logged by the caller), else null. */
export function unknownUpstreamStatus(details: Pick<TwelveGoBookingDetails, 'status'>): string | null {
  return mapBookingStatus(details.status).known ? null : String(details.status);
}
