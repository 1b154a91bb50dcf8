/** docs/contract/values.md#booking-object-and-status — the Booking object as it goes on the wire (snake_case, all 13 keys). */
import type { ContractMoney } from '../../pricing';

export type { ContractMoney };

export type ContractBookingStatus = 'reserved' | 'pending' | 'declined' | 'approved' | 'cancelled' | 'failed';

export interface ContractBooking {
  id: string;
  status: ContractBookingStatus;
  from_station: string;
  to_station: string;
  departure_time: string;
  passenger_count: number;
  integration: 'onetwogo';
  integration_booking_id: string;
  operator_booking_id: string | null;
  voucher_url: string | null;
  created_at: string;
  updated_at: string;
  total_price: ContractMoney;
}

/** The client's markup as held in `ClientSnapshot.markup` (docs/platform.md#client-registry). */
export type { ClientMarkup as BookingMarkup } from '../../pricing';
