import { encodeKlv } from '../../ids/klv';
import { encipher } from '../../ids/shift-cipher';
import type { AppConfig } from '../../platform/config/app-config';
import { ContractError } from '../../platform/errors/contract-error';
import { BookingTokenService } from './booking-token.service';

const legacy = encipher(
  encodeKlv([
    ['01', 'V1'],
    ['02', '12go'],
    ['03', 'onetwogo'],
    ['04', 'CART1234'],
    ['05', '1'],
  ]),
);

function service(globalFlag: boolean): BookingTokenService {
  return new BookingTokenService({
    bookingTokenHmacKeys: ['k'.repeat(40)],
    BOOKING_TOKEN_MAX_AGE_S: 86_400,
    ACCEPT_LEGACY_BOOKING_TOKENS: globalFlag,
    isProduction: false,
  } as unknown as AppConfig);
}

const codeOf = (fn: () => unknown): string | null => {
  try {
    fn();
    return null;
  } catch (e) {
    return (e as ContractError).code;
  }
};

describe('BookingTokenService: unbound legacy tokens need the global switch and the client opt-in', () => {
  it.each([
    [false, false, 'invalid_booking_token'],
    [false, true, 'invalid_booking_token'],
    [true, false, 'invalid_booking_token'],
    [true, true, null],
  ])('ACCEPT_LEGACY_BOOKING_TOKENS=%s, accept_legacy_tokens=%s → %s', (globalFlag, optIn, code) => {
    const tokens = service(globalFlag);
    expect(codeOf(() => tokens.verify(legacy, { clientId: 'acme', acceptLegacyTokens: optIn }))).toBe(code);
  });

  it('still binds signed tokens to their client whatever the legacy flags', () => {
    const tokens = service(true);
    const token = tokens.issue({ clientId: 'acme', contractCode: '12go' } as never, 'CART1', 1);
    expect(tokens.verify(token, { clientId: 'acme', acceptLegacyTokens: true })).toMatchObject({
      cartId: 'CART1',
      legacy: false,
    });
    expect(codeOf(() => tokens.verify(token, { clientId: 'other', acceptLegacyTokens: true }))).toBe(
      'booking_token_expired',
    );
  });
});
