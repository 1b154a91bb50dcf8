import { isBlockedAddress, webhookUrlProblems } from './webhook-url.rules';

describe('webhook URL rules (docs/platform.md#client-registry rule 4, docs/contract/webhooks.md#target-url-safety)', () => {
  it.each([
    '0.1.2.3',
    '10.0.0.1',
    '100.64.0.1',
    '127.0.0.1',
    '169.254.169.254',
    '172.16.0.1',
    '172.31.255.255',
    '192.0.0.8',
    '192.0.2.1',
    '192.168.1.1',
    '198.18.0.1',
    '198.51.100.7',
    '203.0.113.9',
    '224.0.0.1',
    '255.255.255.255',
    '::',
    '::1',
    'fc00::1',
    'fd12:3456::1',
    'fe80::1',
    'ff02::1',
    '2001:db8::1',
    '::ffff:127.0.0.1',
    '::ffff:10.1.2.3',
    '64:ff9b::a9fe:a9fe',
    '64:ff9b::7f00:1',
  ])('blocks %s', (ip) => expect(isBlockedAddress(ip)).toBe(true));

  it.each([
    '8.8.8.8',
    '1.1.1.1',
    '172.32.0.1',
    '100.128.0.1',
    '2606:4700::1111',
    '::ffff:8.8.8.8',
    '64:ff9b::808:808',
  ])('allows %s', (ip) => expect(isBlockedAddress(ip)).toBe(false));

  it('treats garbage as blocked', () => expect(isBlockedAddress('not-an-ip')).toBe(true));

  it('checks scheme, userinfo, fragment and literal hosts', () => {
    expect(
      webhookUrlProblems('https://hooks.example.com/x?a=1', { requireHttps: true, allowPrivate: false }),
    ).toEqual([]);
    expect(
      webhookUrlProblems('http://hooks.example.com/x', { requireHttps: true, allowPrivate: false }),
    ).toHaveLength(1);
    expect(
      webhookUrlProblems('https://u:p@hooks.example.com/#f', { requireHttps: true, allowPrivate: false }),
    ).toHaveLength(2);
    expect(webhookUrlProblems('https://[::1]/x', { requireHttps: true, allowPrivate: false })).toHaveLength(
      1,
    );
    expect(webhookUrlProblems('https://[::1]/x', { requireHttps: true, allowPrivate: true })).toEqual([]);
    expect(webhookUrlProblems('not a url', { requireHttps: false, allowPrivate: false })).toHaveLength(1);
  });
});
