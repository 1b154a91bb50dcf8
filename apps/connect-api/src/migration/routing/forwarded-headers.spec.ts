import { withoutHopByHop } from './hop-by-hop';
import { DROPPED_FORWARDING_HEADERS, forwardingHeaders } from './forwarded-headers';

describe('forwarding headers sent to legacy', () => {
  it('drops every address, scheme and host header a partner sent and sets the BFF’s own', () => {
    const fromPartner = {
      'x-api-key': 'k',
      forwarded: 'for=203.0.113.9;proto=https',
      'x-forwarded-for': '203.0.113.9, 10.0.0.1',
      'x-forwarded-host': 'evil.example',
      'x-forwarded-proto': 'gopher',
      'x-real-ip': '203.0.113.9',
      'true-client-ip': '203.0.113.9',
    };
    const sent = {
      ...withoutHopByHop(fromPartner, DROPPED_FORWARDING_HEADERS),
      ...forwardingHeaders({ ip: '198.51.100.7', protocol: 'https', host: 'api.example' }),
    };
    expect(sent).toEqual({
      'x-api-key': 'k',
      'x-forwarded-for': '198.51.100.7',
      'x-forwarded-proto': 'https',
      'x-forwarded-host': 'api.example',
    });
  });

  it('leaves out a scheme or host the BFF does not know', () => {
    expect(forwardingHeaders({ ip: '127.0.0.1', protocol: '', host: '' })).toEqual({
      'x-forwarded-for': '127.0.0.1',
    });
  });
});
