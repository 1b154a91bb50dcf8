import { parseGodate } from '../core/local-time';
import { computeRefundOptions, refundOptionsResponse } from './refund-options';

const naive = (s: string) => parseGodate(s) as number;

describe('computeRefundOptions', () => {
  const base = {
    bid: 70000042,
    status: 'confirmed',
    cancellation: 2 as const,
    depNaive: naive('2026-05-14 20:00:00'),
    confirmedNaive: naive('2026-05-10 10:06:06'),
    nowNaive: naive('2026-05-10 10:30:00'),
    netCents: 111000,
    currency: 'THB',
    secret: 'sandbox-secret',
  };

  it('reproduces the refund-options fixture (policy 2, full refund now, 50 % later)', () => {
    const res = refundOptionsResponse(computeRefundOptions(base));
    expect(res).toEqual({
      available: true,
      options: [
        {
          refund_amount: 1110,
          refund_fxcode: 'THB',
          expires: true,
          expires_after: '2026-05-11 20:00:00',
          available: true,
          available_since: '2026-05-10 10:06:06',
          hash: 'd1dc84fb6470d663f50603a2d8f38911',
        },
        {
          refund_amount: 555,
          refund_fxcode: 'THB',
          expires: true,
          expires_after: '2026-05-13 20:00:00',
          available: false,
          available_since: '2026-05-11 20:00:00',
          hash: 'a50847f6a08c0eb5582e696e80193f68',
        },
      ],
    });
  });

  it('drops ended windows and makes the later window available', () => {
    const res = refundOptionsResponse(
      computeRefundOptions({ ...base, nowNaive: naive('2026-05-12 09:00:00') }),
    );
    expect(res.available).toBe(true);
    expect(res.options).toHaveLength(1);
    expect(res.options[0]).toMatchObject({
      refund_amount: 555,
      available: true,
      available_since: '2026-05-11 20:00:00',
    });
  });

  it('lists nothing after the last window, for policy 0 and for unconfirmed bookings', () => {
    expect(computeRefundOptions({ ...base, nowNaive: naive('2026-05-14 00:00:00') })).toEqual([]);
    expect(computeRefundOptions({ ...base, cancellation: 0 })).toEqual([]);
    expect(computeRefundOptions({ ...base, status: 'pending' })).toEqual([]);
  });

  it('policy 1: 100 % until 48 h before departure, starting at confirmation', () => {
    const [opt] = computeRefundOptions({ ...base, cancellation: 1 });
    expect(opt).toMatchObject({
      refund_amount: 1110,
      expires_after: '2026-05-12 20:00:00',
      available_since: '2026-05-10 10:06:06',
      available: true,
    });
  });

  it('hashes are stable across reads', () => {
    expect(computeRefundOptions(base)[0].hash).toBe(computeRefundOptions(base)[0].hash);
  });
});
