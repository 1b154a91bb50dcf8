import { TWELVEGO_ERROR_KINDS, TwelveGoError } from '../errors/twelvego.errors';
import { BreakerRegistry, countsAsBreakerFailure } from './breaker-registry';

const fail = (kind: TwelveGoError['kind'], status?: number) => () =>
  Promise.reject(new TwelveGoError({ kind, operation: 'search', status }));

describe('countsAsBreakerFailure (docs/upstream-12go.md#timeouts-retries-and-breakers)', () => {
  const failures = ['timeout', 'unavailable', 'server', 'bad_response'] as const;
  it.each(failures)('%s is a failure', (kind) => {
    expect(countsAsBreakerFailure(new TwelveGoError({ kind, operation: 'search' }))).toBe(true);
  });
  // Every other kind — the partner's or 12go's verdict on one request, or the breaker's own refusal — is not.
  it.each(TWELVEGO_ERROR_KINDS.filter((k) => !(failures as readonly string[]).includes(k)))(
    '%s is not',
    (kind) => {
      expect(countsAsBreakerFailure(new TwelveGoError({ kind, operation: 'search' }))).toBe(false);
    },
  );
});

describe('BreakerRegistry', () => {
  let registry: BreakerRegistry;
  const transitions: string[] = [];
  beforeEach(() => {
    transitions.length = 0;
    registry = new BreakerRegistry(
      { volumeThreshold: 4, errorThresholdPercentage: 50, resetTimeoutMs: 60 },
      (op, state) => transitions.push(`${op}:${state}`),
    );
  });
  afterEach(() => registry.shutdown());

  it('opens at ≥ 50 % failures once the volume is reached, per operation only', async () => {
    await registry.run('search', () => Promise.resolve(1));
    await registry.run('search', () => Promise.resolve(1));
    await expect(registry.run('search', fail('server', 500))).rejects.toMatchObject({ kind: 'server' });
    expect(registry.state('search')).toBe('closed');
    await expect(registry.run('search', fail('timeout'))).rejects.toMatchObject({ kind: 'timeout' });
    expect(registry.state('search')).toBe('open'); // 2 of 4 = 50 %
    expect(registry.state('checkout')).toBe('closed');

    const open = await registry.run('search', () => Promise.resolve(1)).catch((e: TwelveGoError) => e);
    expect(open).toMatchObject({ kind: 'circuit_open', operation: 'search' });
    expect((open as TwelveGoError).retryAfterSec).toBe(1);
    expect(transitions).toEqual(['search:open']);
  });

  it('half-opens after the reset time and lets one trial through', async () => {
    for (let i = 0; i < 4; i++) await registry.run('checkout', fail('unavailable')).catch(() => undefined);
    expect(registry.state('checkout')).toBe('open');
    await new Promise((r) => setTimeout(r, 90));
    expect(registry.state('checkout')).toBe('half_open');
    let release: (v: number) => void = () => undefined;
    const trial = registry.run('checkout', () => new Promise<number>((r) => (release = r)));
    await expect(registry.run('checkout', () => Promise.resolve(2))).rejects.toMatchObject({
      kind: 'circuit_open',
    });
    release(3);
    await expect(trial).resolves.toBe(3);
    expect(registry.state('checkout')).toBe('closed');
    expect(transitions).toEqual(['checkout:open', 'checkout:half_open', 'checkout:closed']);
  });

  it('4xx answers pass through without opening', async () => {
    for (let i = 0; i < 8; i++) await registry.run('search', fail('not_found', 404)).catch(() => undefined);
    expect(registry.state('search')).toBe('closed');
  });
});
