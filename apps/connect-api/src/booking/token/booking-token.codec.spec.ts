import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { encodeKlv } from '../../ids/klv';
import { encipher } from '../../ids/shift-cipher';
import { bookingTokenKlv, decodeBookingToken, encodeBookingToken, newUniqueId } from './booking-token.codec';

const vectors = JSON.parse(
  readFileSync(
    join(__dirname, '../../../../../test/fixtures/booking-schema/itinerary-id-vectors.json'),
    'utf8',
  ),
);
const example = vectors.booking_token_example;
const claims = {
  contractCode: example.input.contract_code,
  cartId: example.input.cart_id,
  seats: example.input.seats,
  uniqueId: example.input.unique_id,
  clientId: example.input.client_id,
  issuedAt: example.input.issued_at,
};
const keys = { hmacKeys: [example.input.hmac_key], maxAgeSec: 86400, acceptLegacy: true };
const now = example.input.issued_at + 60;

describe('booking token (docs/contract/ids.md#booking-tokens)', () => {
  it('encodes the fixture example exactly (KLV and enciphered token)', () => {
    expect(bookingTokenKlv(claims, example.input.hmac_key)).toBe(example.expected.klv);
    expect(encodeBookingToken(claims, example.input.hmac_key)).toBe(example.expected.booking_token);
  });

  it('round-trips for the bound client', () => {
    expect(decodeBookingToken(example.expected.booking_token, 'acme', now, keys)).toEqual({
      ok: true,
      cartId: '8Yq2mV7kLp3',
      seats: 2,
      clientId: 'acme',
      legacy: false,
      issuedAt: example.input.issued_at,
    });
  });

  it('accepts a percent-encoded token and verifies with any configured key (rotation)', () => {
    const encoded = encodeURIComponent(example.expected.booking_token);
    const r = decodeBookingToken(encoded, 'acme', now, {
      ...keys,
      hmacKeys: ['new-key', example.input.hmac_key],
    });
    expect(r.ok).toBe(true);
  });

  it('rejects a tampered token as invalid', () => {
    const token: string = example.expected.booking_token;
    // Change the cart id inside the signed part (position 30 is inside key 04's value).
    const flipped = token.slice(0, 30) + (token[30] === 'a' ? 'b' : 'a') + token.slice(31);
    expect(decodeBookingToken(flipped, 'acme', now, keys)).toMatchObject({ ok: false, error: 'invalid' });
    expect(decodeBookingToken('garbage', 'acme', now, keys)).toMatchObject({ ok: false, error: 'invalid' });
    expect(decodeBookingToken(token, 'acme', now, { ...keys, hmacKeys: ['other-key'] })).toMatchObject({
      ok: false,
      error: 'invalid',
      reason: 'bad_signature',
    });
  });

  it('rejects another client and an expired token', () => {
    expect(decodeBookingToken(example.expected.booking_token, 'other', now, keys)).toMatchObject({
      ok: false,
      error: 'foreign_client',
    });
    expect(
      decodeBookingToken(example.expected.booking_token, 'acme', claims.issuedAt + 86401, keys),
    ).toMatchObject({
      ok: false,
      error: 'expired',
    });
  });

  it('accepts legacy unsigned tokens only while the flag is on', () => {
    const legacy = encipher(
      encodeKlv([
        ['01', 'V1'],
        ['02', '12go'],
        ['03', 'onetwogo'],
        ['04', 'CART1'],
        ['05', '3'],
      ]),
    );
    expect(decodeBookingToken(legacy, 'acme', now, keys)).toMatchObject({
      ok: true,
      cartId: 'CART1',
      seats: 3,
      legacy: true,
    });
    expect(decodeBookingToken(legacy, 'acme', now, { ...keys, acceptLegacy: false })).toMatchObject({
      ok: false,
      error: 'invalid',
    });
  });

  it('makes 12-character unique ids from [a-z0-9]', () => {
    expect(newUniqueId()).toMatch(/^[a-z0-9]{12}$/);
  });
});
