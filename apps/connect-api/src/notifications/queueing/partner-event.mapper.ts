import { createHash } from 'node:crypto';
import type { ContractBooking, ContractBookingStatus } from '../../contract/booking/contract-booking';
import type { UpstreamEventType } from '../inbound/inbound-notification';

export type PartnerEventType = 'booking.updated' | 'booking.confirmed' | 'booking.cancelled';

/** docs/contract/webhooks.md#outbound-events — BookingEvent as it goes on the wire. */
export interface PartnerBookingEvent {
  id: string;
  type: PartnerEventType;
  timestamp: string;
  data: {
    booking_id: string;
    status: ContractBookingStatus;
    previous_status: ContractBookingStatus | null;
    booking: ContractBooking;
  };
}

const TYPE_MAP: Readonly<Record<UpstreamEventType, PartnerEventType>> = {
  booking_updated: 'booking.updated',
  booking_confirmed: 'booking.confirmed',
  booking_canceled: 'booking.cancelled',
};

export function partnerEventType(type: UpstreamEventType): PartnerEventType {
  return TYPE_MAP[type] ?? 'booking.updated';
}

/** `evt_` + first 32 hex of SHA-256(`client_id|bid|type|stamp`): same 12go event → same id (docs/contract/webhooks.md#outbound-events). */
export function partnerEventId(
  clientId: string,
  bid: string,
  type: UpstreamEventType,
  dedupStamp: string,
): string {
  const digest = createHash('sha256')
    .update(`${clientId}|${bid}|${type}|${dedupStamp}`, 'utf8')
    .digest('hex');
  return `evt_${digest.slice(0, 32)}`;
}

/** ISO 8601 UTC without milliseconds, e.g. `2026-05-04T09:12:44Z`. */
export function isoSeconds(epochMs: number): string {
  return new Date(Math.floor(epochMs / 1000) * 1000).toISOString().replace('.000Z', 'Z');
}

export interface PartnerEventInput {
  eventId: string;
  type: UpstreamEventType;
  /** 12go `stamp` (epoch seconds) or null. */
  stamp: number | null;
  receivedAtMs: number;
  /** The id the partner holds: legacy id when mapped, else the bid. */
  bookingId: string;
  booking: ContractBooking;
  previousStatus: ContractBookingStatus | null;
}

/** Builds the event; `data.booking.id` carries the same id as `data.booking_id`. */
export function buildPartnerEvent(input: PartnerEventInput): PartnerBookingEvent {
  const booking: ContractBooking = { ...input.booking, id: input.bookingId };
  return {
    id: input.eventId,
    type: partnerEventType(input.type),
    timestamp: isoSeconds(input.stamp !== null ? input.stamp * 1000 : input.receivedAtMs),
    data: {
      booking_id: input.bookingId,
      status: booking.status,
      previous_status: input.previousStatus,
      booking,
    },
  };
}
