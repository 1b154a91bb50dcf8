import { EMBEDDED_V4_CASES } from './testing/embedded-v4-cases';
import { isBlockedAddress, webhookUrlProblems } from './webhook-url.rules';

describe('SSRF guard: IPv6 forms embedding an IPv4 address', () => {
  it.each(EMBEDDED_V4_CASES)('%s: %s → blocked %s', (_form, address, blocked) => {
    expect(isBlockedAddress(address)).toBe(blocked);
    expect(isBlockedAddress(`[${address}]`)).toBe(blocked);
  });

  it.each(EMBEDDED_V4_CASES)('%s: config validation of http://[%s]:4399/', (_form, address, blocked) => {
    const problems = webhookUrlProblems(`http://[${address}]:4399/`, {
      requireHttps: false,
      allowPrivate: false,
    });
    expect(problems.includes('webhook.url targets a blocked address range')).toBe(blocked);
  });

  it.each(['http://[::127.0.0.1]:4399/', 'http://[::ffff:0:7f00:1]:4399/'])(
    'refuses the reported URL %s at config validation (allowed only with private targets)',
    (url) => {
      expect(webhookUrlProblems(url, { requireHttps: false, allowPrivate: false })).toEqual([
        'webhook.url targets a blocked address range',
      ]);
      expect(webhookUrlProblems(url, { requireHttps: false, allowPrivate: true })).toEqual([]);
    },
  );
});
