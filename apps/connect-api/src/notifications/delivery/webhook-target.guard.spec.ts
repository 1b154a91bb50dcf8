import { checkWebhookUrl, isBlockedAddress, pickAllowedAddress } from './webhook-target.guard';

describe('webhook target guard (operations.md §8.5)', () => {
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

  const strict = { requireHttps: true, allowPrivate: false };
  it('checks the URL statically', () => {
    expect(checkWebhookUrl('https://hooks.example.com/x?y=1', strict)).toMatchObject({
      ok: true,
      literalIp: null,
    });
    expect(checkWebhookUrl('http://hooks.example.com/x', strict)).toEqual({
      ok: false,
      reason: 'https_required',
    });
    expect(checkWebhookUrl('https://u:p@hooks.example.com/', strict)).toEqual({
      ok: false,
      reason: 'userinfo_not_allowed',
    });
    expect(checkWebhookUrl('https://hooks.example.com/#f', strict)).toEqual({
      ok: false,
      reason: 'fragment_not_allowed',
    });
    expect(checkWebhookUrl('ftp://hooks.example.com/', strict)).toEqual({
      ok: false,
      reason: 'unsupported_scheme',
    });
    expect(checkWebhookUrl('nope', strict)).toEqual({ ok: false, reason: 'invalid_url' });
    expect(checkWebhookUrl('https://10.0.0.5/hook', strict)).toEqual({ ok: false, reason: 'private_target' });
    expect(checkWebhookUrl('https://[::1]/hook', strict)).toEqual({ ok: false, reason: 'private_target' });
    expect(
      checkWebhookUrl('http://127.0.0.1:8080/hook', { requireHttps: false, allowPrivate: true }),
    ).toMatchObject({
      ok: true,
      literalIp: '127.0.0.1',
    });
  });

  it('refuses a host when any resolved address is blocked (DNS rebinding)', () => {
    const mixed = [
      { address: '93.184.216.34', family: 4 },
      { address: '127.0.0.1', family: 4 },
    ];
    expect(pickAllowedAddress(mixed, false)).toBeNull();
    expect(pickAllowedAddress(mixed, true)).toEqual(mixed[0]);
    expect(pickAllowedAddress([{ address: '93.184.216.34', family: 4 }], false)).toEqual({
      address: '93.184.216.34',
      family: 4,
    });
    expect(pickAllowedAddress([], true)).toBeNull();
  });
});
