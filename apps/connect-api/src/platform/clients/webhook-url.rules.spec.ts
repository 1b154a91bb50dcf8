import { isBlockedAddress, webhookUrlProblems } from './webhook-url.rules';

describe('webhook URL rules (operations.md §1.3 rule 4, §8.5)', () => {
  it.each([
    '127.0.0.1',
    '10.1.2.3',
    '169.254.169.254',
    '192.168.1.1',
    '::1',
    'fd00::1',
    '::ffff:10.0.0.1',
    '64:ff9b::a00:1',
  ])('blocks %s', (ip) => {
    expect(isBlockedAddress(ip)).toBe(true);
  });
  it.each(['8.8.8.8', '2606:4700::1111'])('allows %s', (ip) => expect(isBlockedAddress(ip)).toBe(false));
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
