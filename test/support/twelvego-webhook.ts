/** A 12go-shaped webhook body (docs/upstream-12go.md#webhook-from-12go). */
export function twelvegoWebhook(
  bid: string,
  type: string,
  stamp: number,
  status = 'confirmed',
  previous = 'pending_client_confirmation',
) {
  const snap = (s: string) => ({
    bid: Number(bid),
    tracker: 'TRACKER1',
    status: s,
    from_id: 9001,
    to_id: 9002,
    dep_date_time: '2030-01-01 05:00:00',
    seats: 1,
    price: { value: 330, fxcode: 'THB' },
  });
  return { bid: Number(bid), type, stamp, new_data: snap(status), previous_data: snap(previous) };
}
