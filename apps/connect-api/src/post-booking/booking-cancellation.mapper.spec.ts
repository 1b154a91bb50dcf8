import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { TwelveGoRefundOption, TwelveGoRefundOptionsResponse } from '@app/twelvego-client';
import { pickRefundOption, toBookingCancellation } from './booking-cancellation.mapper';

const fixture = (): TwelveGoRefundOptionsResponse =>
  JSON.parse(
    readFileSync(join(__dirname, '../../../../test/fixtures/twelvego/refund-options.json'), 'utf8'),
  );

const opt = (over: Partial<TwelveGoRefundOption>): TwelveGoRefundOption => ({
  refund_amount: 100,
  refund_fxcode: 'THB',
  expires: true,
  expires_after: '2026-05-11 20:00:00',
  available: true,
  available_since: '2026-05-10 10:00:00',
  hash: 'h',
  ...over,
});

describe('pickRefundOption', () => {
  it('picks the largest available option of the fixture', () => {
    expect(pickRefundOption(fixture())?.hash).toBe('d1dc84fb6470d663f50603a2d8f38911');
  });

  it('never picks an unavailable option, even a larger one', () => {
    const r = pickRefundOption({
      available: true,
      options: [
        opt({ refund_amount: 50, hash: 'a' }),
        opt({ refund_amount: 999, available: false, hash: 'b' }),
        opt({ refund_amount: 60, hash: 'c' }),
      ],
    });
    expect(r?.hash).toBe('c');
  });

  it('keeps the first of equal options', () => {
    expect(
      pickRefundOption({ available: true, options: [opt({ hash: 'a' }), opt({ hash: 'b' })] })?.hash,
    ).toBe('a');
  });

  it('accepts a zero-valued option', () => {
    expect(pickRefundOption({ available: true, options: [opt({ refund_amount: 0 })] })?.refund_amount).toBe(
      0,
    );
  });

  it.each([
    ['no options', { available: false, options: [] }],
    ['only unavailable options', { available: false, options: [opt({ available: false })] }],
    ['available flag false overall', { available: false, options: [opt({})] }],
    ['options without hash', { available: true, options: [opt({ hash: '' })] }],
    ['a broken answer', { available: true, options: null as unknown as TwelveGoRefundOption[] }],
  ])('answers null for %s', (_n, r) => {
    expect(pickRefundOption(r)).toBeNull();
  });
});

describe('toBookingCancellation', () => {
  it('reports 12go refund amount as is, in its currency, with minor units', () => {
    expect(toBookingCancellation('A7fK2pQ9xZ', { refund_amount: 555, refund_fxcode: 'thb' })).toEqual({
      booking_id: 'A7fK2pQ9xZ',
      booking_status: 'cancelled',
      refund: { amount: '555.00', currency: 'THB' },
    });
    expect(toBookingCancellation('1', { refund_amount: 0, refund_fxcode: 'USD' }).refund).toEqual({
      amount: '0.00',
      currency: 'USD',
    });
    expect(toBookingCancellation('1', { refund_amount: 8.22, refund_fxcode: 'USD' }).refund.amount).toBe(
      '8.22',
    );
  });
});
