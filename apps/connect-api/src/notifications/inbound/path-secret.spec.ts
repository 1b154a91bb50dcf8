import * as ipaddr from 'ipaddr.js';
import { matchesPathSecret, sourceAllowed } from './path-secret';

describe('inbound route checks (docs/contract/webhooks.md#receiving-12go-notifications)', () => {
  const a = 'a'.repeat(40);
  const b = 'b'.repeat(40);
  it('accepts either of two rotating secrets and nothing else', () => {
    expect(matchesPathSecret(a, [a, b])).toBe(true);
    expect(matchesPathSecret(b, [a, b])).toBe(true);
    expect(matchesPathSecret(a.slice(1), [a, b])).toBe(false);
    expect(matchesPathSecret('', [a])).toBe(false);
    expect(matchesPathSecret(a, [])).toBe(false);
  });
  it('applies the CIDR allow-list only when configured, IPv4-mapped sources included', () => {
    const cidrs = [ipaddr.parseCIDR('10.1.0.0/16'), ipaddr.parseCIDR('2001:db8::/32')];
    expect(sourceAllowed('8.8.8.8', [])).toBe(true);
    expect(sourceAllowed('10.1.2.3', cidrs)).toBe(true);
    expect(sourceAllowed('::ffff:10.1.2.3', cidrs)).toBe(true);
    expect(sourceAllowed('10.2.0.1', cidrs)).toBe(false);
    expect(sourceAllowed('2001:db8::5', cidrs)).toBe(true);
    expect(sourceAllowed('garbage', cidrs)).toBe(false);
  });
});
