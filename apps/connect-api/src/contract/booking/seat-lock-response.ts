/** docs/contract/endpoints.md#seatlock LockSeatsResponse: exactly three keys (D17). */
export interface SeatLockResponse {
  passenger_count: number;
  status: 'reserved';
  total_price: { currency: string; amount: string };
}
