import { checkWebhookUrl, pickAllowedAddress } from './webhook-target.guard';

describe('webhook target guard (docs/contract/webhooks.md#target-url-safety)', () => {
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
