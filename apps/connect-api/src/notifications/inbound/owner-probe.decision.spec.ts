import { decideProbe, distinctUpstreamKeys } from './owner-probe.decision';

describe('owner probe decision (docs/contract/webhooks.md#who-owns-a-booking)', () => {
  const readable = (ids: string[]) => ({ clientIds: ids, outcome: 'readable' as const, details: { bid: 1 } });
  const unreadable = (ids: string[]) => ({ clientIds: ids, outcome: 'unreadable' as const });
  const inconclusive = (ids: string[]) => ({ clientIds: ids, outcome: 'inconclusive' as const });

  it('finds the owner when exactly one key of one client reads the booking', () => {
    expect(decideProbe([readable(['a']), unreadable(['b'])])).toEqual({
      kind: 'owner',
      clientId: 'a',
      details: { bid: 1 },
    });
  });
  it('is ambiguous when two keys read it, or the reading key is shared', () => {
    expect(decideProbe([readable(['a']), readable(['b'])])).toEqual({ kind: 'ambiguous' });
    expect(decideProbe([readable(['a', 'c']), unreadable(['b'])])).toEqual({ kind: 'ambiguous' });
    expect(decideProbe([readable(['a']), readable(['b']), inconclusive(['d'])])).toEqual({
      kind: 'ambiguous',
    });
  });
  it('is unresolved when nobody can read it', () => {
    expect(decideProbe([unreadable(['a']), unreadable(['b'])])).toEqual({ kind: 'unresolved' });
    expect(decideProbe([])).toEqual({ kind: 'unresolved' });
  });
  it('never concludes from partial answers', () => {
    expect(decideProbe([readable(['a']), inconclusive(['b'])])).toEqual({ kind: 'inconclusive' });
    expect(decideProbe([unreadable(['a']), inconclusive(['b'])])).toEqual({ kind: 'inconclusive' });
  });
  it('probes each distinct key of enabled clients once', () => {
    const keys = distinctUpstreamKeys([
      { clientId: 'a', enabled: true, twelvegoApiKey: 'k1' },
      { clientId: 'b', enabled: true, twelvegoApiKey: 'k1' },
      { clientId: 'c', enabled: true, twelvegoApiKey: 'k2' },
      { clientId: 'd', enabled: false, twelvegoApiKey: 'k3' },
      { clientId: 'e', enabled: true, twelvegoApiKey: '' },
    ]);
    expect([...keys.entries()]).toEqual([
      ['k1', ['a', 'b']],
      ['k2', ['c']],
    ]);
  });
});
