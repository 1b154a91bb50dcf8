import type { ContractBookingStatus } from './contract-booking';

export interface MappedBookingStatus {
  status: ContractBookingStatus;
  /** false when 12go sent a value outside docs/upstream-12go.md#booking-lifecycle; the caller logs it. */
  known: boolean;
}

/** docs/upstream-12go.md#booking-lifecycle → docs/contract/values.md#booking-object-and-status. */
const STATUS_MAP: Readonly<Record<string, ContractBookingStatus>> = {
  pending_client_confirmation: 'reserved',
  pending: 'pending',
  confirmed: 'approved',
  cancelled: 'cancelled',
  // the webhook type is spelled `booking_canceled`; accept that spelling in the status too
  canceled: 'cancelled',
  declined: 'declined',
  expired: 'failed',
};

/**
 * Maps a 12go booking status. Any other value means "in progress, state unknown" upstream
 * (docs/upstream-12go.md#booking-lifecycle), which is the contract's `pending` ("state temporarily unknown", docs/contract/values.md#booking-object-and-status):
 * never an error, never a terminal state the partner could act on wrongly.
 */
export function mapBookingStatus(upstream: unknown): MappedBookingStatus {
  const key = typeof upstream === 'string' ? upstream.trim().toLowerCase() : '';
  const status = Object.prototype.hasOwnProperty.call(STATUS_MAP, key) ? STATUS_MAP[key] : undefined;
  return status ? { status, known: true } : { status: 'pending', known: false };
}
