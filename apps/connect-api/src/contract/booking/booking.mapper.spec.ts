import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { TwelveGoError, type TwelveGoBookingDetails } from '@app/twelvego-client';
import { ORDER } from '../../../../../test/contract-audit/contract-key-order';
import { toContractBooking, toContractLocalDateTime, unknownUpstreamStatus } from './booking.mapper';

const FIXTURE = join(__dirname, '../../../../../test/fixtures/twelvego/booking-details.json');
const fixture = (): TwelveGoBookingDetails => JSON.parse(readFileSync(FIXTURE, 'utf8'));

function details(over: Partial<TwelveGoBookingDetails> = {}): TwelveGoBookingDetails {
  return { ...fixture(), ...over };
}

const KEYS = ORDER.booking;

describe('toContractBooking', () => {
  it('maps the fixture booking to all 13 keys', () => {
    const b = toContractBooking(fixture());
    expect(Object.keys(b).sort()).toEqual([...KEYS].sort());
    expect(b).toEqual({
      id: '70000042',
      status: 'approved',
      from_station: '4055',
      to_station: '11553',
      departure_time: '2026-05-14T20:00:00',
      passenger_count: 2,
      integration: 'onetwogo',
      integration_booking_id: '70000042',
      operator_booking_id: '01IVEPKG',
      voucher_url: 'http://localhost:4010/en/ticket/70000042?h=ccdce8',
      created_at: '2026-05-10T03:05:12Z',
      updated_at: '2026-05-10T03:06:06Z',
      total_price: { currency: 'THB', amount: '1110.00' },
    });
  });

  it.each([
    ['pending_client_confirmation', 'reserved'],
    ['pending', 'pending'],
    ['confirmed', 'approved'],
    ['cancelled', 'cancelled'],
    ['canceled', 'cancelled'],
    ['declined', 'declined'],
    ['expired', 'failed'],
    ['CONFIRMED', 'approved'],
  ])('maps 12go status %s to %s', (upstream, expected) => {
    expect(toContractBooking(details({ status: upstream })).status).toBe(expected);
    expect(unknownUpstreamStatus({ status: upstream })).toBeNull();
  });

  it.each(['on_hold', '', 'toString', '__proto__'])(
    'maps unknown status %j to pending and reports it',
    (upstream) => {
      const b = toContractBooking(details({ status: upstream, ticket_url: 'https://x/t.pdf' }));
      expect(b.status).toBe('pending');
      expect(b.voucher_url).toBeNull();
      expect(unknownUpstreamStatus({ status: upstream })).toBe(upstream);
    },
  );

  it('maps a non-string status to pending without throwing', () => {
    expect(toContractBooking(details({ status: 42 as unknown as string })).status).toBe('pending');
  });

  it.each(['pending_client_confirmation', 'pending', 'cancelled', 'declined', 'expired'])(
    'sets voucher_url only for approved bookings (not for %s)',
    (status) => {
      expect(
        toContractBooking(details({ status, ticket_url: 'https://12go.asia/t/1' })).voucher_url,
      ).toBeNull();
    },
  );

  it.each([null, '', '   ', undefined])(
    'gives a null voucher_url for an approved booking without ticket url (%j)',
    (url) => {
      const b = toContractBooking(details({ status: 'confirmed', ticket_url: url as string | null }));
      expect(b.status).toBe('approved');
      expect(b.voucher_url).toBeNull();
      expect(Object.keys(b)).toContain('voucher_url');
    },
  );

  it('passes the ticket url through unchanged', () => {
    const url = 'https://12go.asia/en/ticket/7305521?h=a81c9e&x=%20y';
    expect(toContractBooking(details({ ticket_url: url })).voucher_url).toBe(url);
  });

  it('echoes the id the partner used, keeping the bid as integration_booking_id', () => {
    const b = toContractBooking(fixture(), { bookingId: 'A7fK2pQ9xZ' });
    expect(b.id).toBe('A7fK2pQ9xZ');
    expect(b.integration_booking_id).toBe('70000042');
  });

  it('normalises a string bid', () => {
    const b = toContractBooking(details({ bid: '70000043' }));
    expect(b.id).toBe('70000043');
    expect(b.integration_booking_id).toBe('70000043');
  });

  it('maps station ids through the given mapper', () => {
    const b = toContractBooking(fixture(), { stationId: (n) => (n === 4055 ? 'THBKKMOC' : `S${n}`) });
    expect(b.from_station).toBe('THBKKMOC');
    expect(b.to_station).toBe('S11553');
  });

  it('gives a null operator_booking_id when 12go has no tracker', () => {
    expect(toContractBooking(details({ tracker: '' })).operator_booking_id).toBeNull();
    expect(
      toContractBooking(details({ tracker: undefined as unknown as string })).operator_booking_id,
    ).toBeNull();
  });

  it('uses created_at for updated_at when there is no stamp', () => {
    const b = toContractBooking(details({ stamp: undefined as unknown as number }));
    expect(b.updated_at).toBe(b.created_at);
  });

  it.each([
    ['2026-05-14 20:00:00', '2026-05-14T20:00:00'],
    ['2026-05-14T07:05:09', '2026-05-14T07:05:09'],
    ['2026-05-14 07:05', '2026-05-14T07:05:00'],
  ])('keeps departure %s local as %s', (input, out) => {
    expect(toContractLocalDateTime(input)).toBe(out);
  });

  describe('total_price', () => {
    const priced = (netprice: number, fx = 'THB', extra: Partial<TwelveGoBookingDetails> = {}) =>
      details({
        price: { value: netprice + 150, fxcode: fx },
        netprice: { value: netprice, fxcode: fx },
        agfee: { value: 50, fxcode: fx },
        sysfee: { value: 100, fxcode: fx },
        seller_price: { fxcode: fx, netprice, sysfee: 100, partnerfee: 50 },
        ...extra,
      });

    it('is the agent net price, not the gross price and not net + fees', () => {
      expect(toContractBooking(priced(1110)).total_price).toEqual({ currency: 'THB', amount: '1110.00' });
    });

    it('keeps cents exact', () => {
      expect(toContractBooking(priced(0.1 + 0.2, 'USD')).total_price).toEqual({
        currency: 'USD',
        amount: '0.30',
      });
      expect(toContractBooking(priced(14.6, 'USD')).total_price.amount).toBe('14.60');
    });

    it('uses the currency minor units', () => {
      expect(toContractBooking(priced(1500, 'JPY')).total_price).toEqual({ currency: 'JPY', amount: '1500' });
      expect(toContractBooking(priced(12.5, 'KWD')).total_price).toEqual({
        currency: 'KWD',
        amount: '12.500',
      });
    });

    it('falls back to seller_price.netprice when netprice has no value', () => {
      const d = priced(900, 'THB', { netprice: { value: null, fxcode: 'THB' } });
      expect(toContractBooking(d).total_price).toEqual({ currency: 'THB', amount: '900.00' });
    });

    it('applies a percent markup rounded half up', () => {
      const markup = { percent: '3.50', fixedPerBooking: null };
      // 1110 × 1.035 = 1148.85
      expect(toContractBooking(priced(1110), { markup }).total_price.amount).toBe('1148.85');
      // 10.01 × 1.05 = 10.5105 → 10.51 ; 0.10 × 1.05 = 0.105 → 0.11
      expect(
        toContractBooking(priced(10.01, 'USD'), { markup: { percent: '5', fixedPerBooking: null } })
          .total_price.amount,
      ).toBe('10.51');
      expect(
        toContractBooking(priced(0.1, 'USD'), { markup: { percent: '5', fixedPerBooking: null } }).total_price
          .amount,
      ).toBe('0.11');
    });

    it('adds the fixed per-booking markup once, in the same currency', () => {
      const markup = { percent: '10', fixedPerBooking: { amount: '25.5', currency: 'THB' } };
      // 1000 × 1.1 + 25.50
      expect(toContractBooking(priced(1000), { markup }).total_price.amount).toBe('1125.50');
    });

    it('does not add a fixed markup in another currency', () => {
      const markup = { percent: '0', fixedPerBooking: { amount: '2.00', currency: 'USD' } };
      expect(toContractBooking(priced(1000), { markup }).total_price).toEqual({
        currency: 'THB',
        amount: '1000.00',
      });
    });

    it('is zero-valued for a free booking', () => {
      expect(toContractBooking(priced(0)).total_price).toEqual({ currency: 'THB', amount: '0.00' });
    });

    it('throws bad_response when there is no agent price at all', () => {
      const d = priced(1, 'THB', {
        netprice: { value: null, fxcode: 'THB' },
        seller_price: undefined as unknown as TwelveGoBookingDetails['seller_price'],
      });
      expect(() => toContractBooking(d)).toThrow(TwelveGoError);
    });
  });

  it.each([
    ['bid', { bid: 'abc' }],
    ['dep_date_time', { dep_date_time: 'soon' }],
    ['from_id', { from_id: 0 }],
    ['seats', { seats: 0 }],
    ['created_on', { created_on: undefined, stamp: undefined }],
  ])('throws a bad_response TwelveGoError for a broken %s', (_name, over) => {
    try {
      toContractBooking(details(over as Partial<TwelveGoBookingDetails>));
      throw new Error('expected a throw');
    } catch (e) {
      expect(e).toBeInstanceOf(TwelveGoError);
      expect((e as TwelveGoError).kind).toBe('bad_response');
    }
  });
});
