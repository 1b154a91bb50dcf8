import type { TwelveGoTravelOption } from '@app/twelvego-client';
import type { CancellationPolicy } from './search-response';
import { isoDurationFromMinutes, minutesBetween } from './local-time.mapper';

export const NON_REFUNDABLE: readonly CancellationPolicy[] = Object.freeze([
  { from: null, penalty: { percent: 100 } },
]);

/**
 * 12go cancellation policy codes (docs/upstream-12go.md#refunds): windows as time before departure, earliest first.
 * 0 non-refundable; 1 full refund until 48 h; 2 full refund until 72 h, 50 % until 24 h.
 */
const POLICIES_BY_CODE: Record<number, CancellationPolicy[]> = {
  0: [{ from: null, penalty: { percent: 100 } }],
  1: [
    { from: null, penalty: { percent: 0 } },
    { from: 'PT48H', penalty: { percent: 100 } },
  ],
  2: [
    { from: null, penalty: { percent: 0 } },
    { from: 'PT72H', penalty: { percent: 50 } },
    { from: 'PT24H', penalty: { percent: 100 } },
  ],
};

/**
 * The option's cancellation policy (docs/contract/values.md#cancellation-policies). Unknown codes fall back to `full_refund_until`
 * (free until then, non-refundable after); without it the policy is non-refundable (D7: never empty).
 */
export function mapCancellationPolicies(
  option: Pick<TwelveGoTravelOption, 'cancellation' | 'full_refund_until' | 'dep_datetime'>,
  departure: string,
): CancellationPolicy[] {
  const known = POLICIES_BY_CODE[Number(option.cancellation)];
  if (known) return known.map(clonePolicy);
  if (option.full_refund_until) {
    const minutes = minutesBetween(option.full_refund_until, option.dep_datetime || departure);
    if (minutes !== null && minutes > 0) {
      return [
        { from: null, penalty: { percent: 0 } },
        { from: isoDurationFromMinutes(minutes), penalty: { percent: 100 } },
      ];
    }
  }
  return NON_REFUNDABLE.map(clonePolicy);
}

function clonePolicy(p: CancellationPolicy): CancellationPolicy {
  return { from: p.from, penalty: { ...p.penalty } };
}
