import { EMBEDDED_V4_CASES } from '../../platform/clients/testing/embedded-v4-cases';
import { checkWebhookUrl, pickAllowedAddress } from './webhook-target.guard';

/** At delivery: the literal in the URL, and every address DNS returns, go through the same check. */
describe('webhook delivery target: IPv6 forms embedding an IPv4 address', () => {
  const policy = { requireHttps: false, allowPrivate: false };

  it.each(EMBEDDED_V4_CASES)('%s: literal http://[%s]:4399/', (_form, address, blocked) => {
    const check = checkWebhookUrl(`http://[${address}]:4399/`, policy);
    expect(check.ok ? 'allowed' : check.reason).toBe(blocked ? 'private_target' : 'allowed');
  });

  it.each(EMBEDDED_V4_CASES)('%s: DNS answer %s', (_form, address, blocked) => {
    const resolved = [
      { address: '93.184.216.34', family: 4 },
      { address, family: 6 },
    ];
    expect(pickAllowedAddress(resolved, false)).toEqual(blocked ? null : resolved[0]);
    expect(pickAllowedAddress(resolved, true)).toEqual(resolved[0]);
  });
});
