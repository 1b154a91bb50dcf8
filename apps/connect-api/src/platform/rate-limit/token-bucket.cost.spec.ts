import { decisionFrom, takeToken, tokensNeeded } from './token-bucket';

describe('token bucket: a charge of several tokens (one per upstream search)', () => {
  const limits = { rps: 1, burst: 10 };

  it('takes the whole cost from a bucket that holds it', () => {
    const { state, allowed } = takeToken(undefined, limits, 0, 6);
    expect(allowed).toBe(true);
    expect(state.tokens).toBe(4);
    expect(takeToken(state, limits, 0, 5).allowed).toBe(false);
    expect(takeToken(state, limits, 0, 4).allowed).toBe(true);
  });

  it('allows a cost above the burst from a full bucket and leaves the rest owed', () => {
    expect(tokensNeeded(25, limits)).toBe(10);
    const { state, allowed } = takeToken(undefined, limits, 0, 25);
    expect(allowed).toBe(true);
    expect(state.tokens).toBe(-15);
    // 16 s later one token is back.
    expect(takeToken(state, limits, 15_000).allowed).toBe(false);
    expect(takeToken(state, limits, 16_000).allowed).toBe(true);
  });

  it('reports Retry-After for the tokens the refused charge needs', () => {
    const d = decisionFrom(1, false, limits, 'local', tokensNeeded(5, limits));
    expect(d.retryAfterSec).toBe(4);
    expect(d.remaining).toBe(1);
  });
});
