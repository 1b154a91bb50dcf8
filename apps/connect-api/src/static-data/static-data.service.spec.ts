import { parseLinkBaseUrl } from './static-data.service';

describe('parseLinkBaseUrl (STATIC_LINK_BASE_URL)', () => {
  it('accepts an http(s) origin or path prefix, without a trailing slash', () => {
    expect(parseLinkBaseUrl(undefined)).toBeUndefined();
    expect(parseLinkBaseUrl('  ')).toBeUndefined();
    expect(parseLinkBaseUrl('https://api.travelier.com/')).toBe('https://api.travelier.com');
    expect(parseLinkBaseUrl('https://edge.example/connect')).toBe('https://edge.example/connect');
  });

  it.each(['ftp://x', 'not a url', 'https://x/?a=1', 'https://x/#f'])('refuses %s', (value) => {
    expect(() => parseLinkBaseUrl(value)).toThrow(/STATIC_LINK_BASE_URL/);
  });
});
