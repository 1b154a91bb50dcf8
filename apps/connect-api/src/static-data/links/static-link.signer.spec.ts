import {
  signStaticLink,
  staticLinkPath,
  verifyStaticLink,
  type StaticLinkClaims,
} from './static-link.signer';

const key = 'k'.repeat(40);
const claims: StaticLinkClaims = {
  clientId: 'demo',
  document: 'stations',
  locale: 'en',
  expires: 2_000_000_000,
};

describe('static link signing', () => {
  it('verifies its own signature until expiry', () => {
    const sig = signStaticLink(claims, key);
    expect(verifyStaticLink(claims, sig, key, 1_999_999_999)).toBe('valid');
    expect(verifyStaticLink(claims, sig, key, 2_000_000_000)).toBe('expired');
  });

  it('rejects any change of client, document, locale, expiry, key or signature', () => {
    const sig = signStaticLink(claims, key);
    const now = 1_000;
    expect(verifyStaticLink({ ...claims, clientId: 'demo-b' }, sig, key, now)).toBe('bad_signature');
    expect(verifyStaticLink({ ...claims, document: 'pois' }, sig, key, now)).toBe('bad_signature');
    expect(verifyStaticLink({ ...claims, locale: 'th' }, sig, key, now)).toBe('bad_signature');
    expect(verifyStaticLink({ ...claims, expires: claims.expires + 1 }, sig, key, now)).toBe('bad_signature');
    expect(verifyStaticLink(claims, sig, 'x'.repeat(40), now)).toBe('bad_signature');
    expect(verifyStaticLink(claims, sig.slice(0, -1) + (sig.endsWith('A') ? 'B' : 'A'), key, now)).toBe(
      'bad_signature',
    );
    expect(verifyStaticLink(claims, '', key, now)).toBe('bad_signature');
  });

  it('builds the documented path', () => {
    const path = staticLinkPath(claims, key);
    expect(path).toMatch(
      /^\/v1\/demo\/static\/stations\.json\?locale=en&expires=2000000000&sig=[A-Za-z0-9_-]{43}$/,
    );
  });
});
