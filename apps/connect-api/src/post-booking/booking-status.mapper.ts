import type { ContractBookingStatus } from './contract-booking';

export interface MappedBookingStatus {
  status: ContractBookingStatus;
  /** false when 12go sent a value outside twelvego-api.md §12; the caller logs it. */
  known: boolean;
}

/** twelvego-api.md §12 → client-api.md §3.6. */
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
 * (twelvego-api.md §12), which is the contract's `pending` ("state temporarily unknown", §3.6):
 * never an error, never a terminal state the partner could act on wrongly.
 */
export function mapBookingStatus(upstream: unknown): MappedBookingStatus {
  const key = typeof upstream === 'string' ? upstream.trim().toLowerCase() : '';
  const status = Object.prototype.hasOwnProperty.call(STATUS_MAP, key) ? STATUS_MAP[key] : undefined;
  return status ? { status, known: true } : { status: 'pending', known: false };
}
