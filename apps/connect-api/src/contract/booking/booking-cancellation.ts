import type { ContractMoney } from '../../pricing';

/** docs/contract/endpoints.md#cancelbooking BookingCancellation. */
export interface BookingCancellation {
  booking_id: string;
  booking_status: 'cancelled';
  refund: ContractMoney;
}
