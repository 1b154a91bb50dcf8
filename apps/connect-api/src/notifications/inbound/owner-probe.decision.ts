/** One distinct 12go key probed with `GET /booking/{bid}` (docs/contract/webhooks.md#who-owns-a-booking step 2). */
export interface ProbeAnswer<D> {
  clientIds: string[];
  outcome: 'readable' | 'unreadable' | 'inconclusive';
  details?: D;
}

export type ProbeDecision<D> =
  | { kind: 'owner'; clientId: string; details: D }
  | { kind: 'ambiguous' }
  | { kind: 'unresolved' }
  | { kind: 'inconclusive' };

/**
 * The owner only when exactly one key can read the booking, that key belongs to one client, and every
 * other key answered "not found": never concluded from partial answers, never guessed.
 */
export function decideProbe<D>(answers: readonly ProbeAnswer<D>[]): ProbeDecision<D> {
  const readable = answers.filter((a) => a.outcome === 'readable');
  if (readable.length > 1) return { kind: 'ambiguous' };
  if (readable.length === 1 && readable[0].clientIds.length > 1) return { kind: 'ambiguous' };
  if (answers.some((a) => a.outcome === 'inconclusive')) return { kind: 'inconclusive' };
  if (readable.length === 0) return { kind: 'unresolved' };
  return { kind: 'owner', clientId: readable[0].clientIds[0], details: readable[0].details as D };
}

/** Groups enabled clients by 12go key: one probe per distinct key. */
export function distinctUpstreamKeys(
  clients: readonly { clientId: string; enabled: boolean; twelvegoApiKey: string }[],
): Map<string, string[]> {
  const byKey = new Map<string, string[]>();
  for (const c of clients) {
    if (!c.enabled || !c.twelvegoApiKey) continue;
    byKey.set(c.twelvegoApiKey, [...(byKey.get(c.twelvegoApiKey) ?? []), c.clientId]);
  }
  return byKey;
}
