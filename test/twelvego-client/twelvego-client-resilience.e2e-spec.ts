import { TwelveGoError, type TwelveGoCallContext } from '@app/twelvego-client';
import {
  SANDBOX_KEY,
  SCENARIO_DATE,
  startClient,
  startSandbox,
  type ClientHandle,
  type SandboxHandle,
} from './twelvego-client.harness';

/** Circuit breakers, recheck calls and the readiness ping against the real sandbox over HTTP. */
let sandbox: SandboxHandle;
const ctx: TwelveGoCallContext = { apiKey: SANDBOX_KEY };
const RESET_MS = 400;

const rejection = (p: Promise<unknown>) =>
  p.then(
    () => {
      throw new Error('expected the call to fail');
    },
    (e: unknown) => e as TwelveGoError,
  );
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

beforeAll(async () => {
  sandbox = await startSandbox({ SANDBOX_RECHECK_DELAY_MS: '300' });
});
afterAll(async () => {
  await sandbox?.close();
});
afterEach(async () => {
  await sandbox.admin('/faults', { method: 'DELETE' });
});

describe('circuit breaker per operation', () => {
  let handle: ClientHandle;
  beforeEach(async () => {
    handle = await startClient(sandbox.url, {
      retry: { maxRetries: 0 },
      breaker: {
        volumeThreshold: 3,
        errorThresholdPercentage: 50,
        resetTimeoutMs: RESET_MS,
        rollingCountTimeoutMs: 10_000,
      },
    });
  });
  afterEach(() => handle.close());

  it('opens after failures, fails fast without calling 12go, half-opens, and closes on a good trial', async () => {
    await sandbox.admin('/faults', {
      method: 'POST',
      body: { match: { method: 'GET', path: '/booking/91000001' }, action: { status: 500 } },
    });
    for (let i = 0; i < 3; i++) {
      expect((await rejection(handle.client.getBookingDetails(ctx, '91000001'))).kind).toBe('server');
    }
    expect(handle.client.getBreakerStates().bookingDetails).toBe('open');

    const open = await rejection(handle.client.getBookingDetails(ctx, '91000001'));
    expect(open.kind).toBe('circuit_open');
    expect(open.retryAfterSec).toBeGreaterThanOrEqual(1);
    expect(await sandbox.requests('GET', '/booking/91000001')).toHaveLength(3);

    // other operations have their own breakers
    expect(handle.client.getBreakerStates().search).toBe('closed');
    await expect(
      handle.client.search(ctx, { from: '1p', to: '44p', date: SCENARIO_DATE, seats: 1 }),
    ).resolves.toBeDefined();

    await sleep(RESET_MS + 100);
    expect(handle.client.getBreakerStates().bookingDetails).toBe('half_open');
    await sandbox.admin('/faults', { method: 'DELETE' });
    // the trial call reaches 12go (a 404 is not a breaker failure) and closes the breaker
    expect((await rejection(handle.client.getBookingDetails(ctx, '91000001'))).kind).toBe('not_found');
    expect(handle.client.getBreakerStates().bookingDetails).toBe('closed');
    expect(await sandbox.requests('GET', '/booking/91000001')).toHaveLength(4);
  });

  it('a failed half-open trial opens the breaker again', async () => {
    await sandbox.admin('/faults', {
      method: 'POST',
      body: { match: { method: 'GET', path: '/cart/brk2' }, action: { conn: 'reset' } },
    });
    for (let i = 0; i < 3; i++) await rejection(handle.client.getCartDetails(ctx, 'brk2'));
    expect(handle.client.getBreakerStates().cartDetails).toBe('open');
    await sleep(RESET_MS + 100);
    expect(handle.client.getBreakerStates().cartDetails).toBe('half_open');
    expect((await rejection(handle.client.getCartDetails(ctx, 'brk2'))).kind).toBe('unavailable');
    expect(handle.client.getBreakerStates().cartDetails).toBe('open');
    expect((await rejection(handle.client.getCartDetails(ctx, 'brk2'))).kind).toBe('circuit_open');
    expect(await sandbox.requests('GET', '/cart/brk2')).toHaveLength(4);
  });

  it('4xx answers never open a breaker', async () => {
    for (let i = 0; i < 6; i++) await rejection(handle.client.getBookingDetails(ctx, '91000003'));
    expect(handle.client.getBreakerStates().bookingDetails).toBe('closed');
  });
});

describe('recheck URLs', () => {
  let handle: ClientHandle;
  beforeEach(async () => {
    handle = await startClient(sandbox.url);
  });
  afterEach(() => handle.close());

  it('are called as given, once per URL within the window, without blocking the caller', async () => {
    const search = await handle.client.search(ctx, {
      from: '9001s',
      to: '9002s',
      date: SCENARIO_DATE,
      seats: 1,
    });
    expect(search.recheck.length).toBeGreaterThan(0);
    // The sandbox builds recheck URLs on its public URL; point them at this ephemeral instance.
    const given = new URL(search.recheck[0]!);
    const url = `${sandbox.url}${given.pathname}${given.search}`;
    const before = (await sandbox.requests('GET', given.pathname)).length;

    expect(handle.client.triggerRecheck(url)).toBeUndefined();
    handle.client.triggerRecheck(url);
    // The caller goes on while the call is in flight (the sandbox's live check alone takes 300 ms).
    let finished = false;
    const settled = handle.client.settleRechecks().then(() => (finished = true));
    await new Promise((r) => setImmediate(r));
    expect(finished).toBe(false);
    await settled;
    expect(finished).toBe(true);
    handle.client.triggerRecheck(url);
    await handle.client.settleRechecks();

    expect((await sandbox.requests('GET', given.pathname)).length - before).toBe(1);
    expect(handle.logs.join('\n')).not.toContain(SANDBOX_KEY);
  });

  it('failures (a wrong signature → 403) are only logged', async () => {
    handle.client.triggerRecheck(
      `${sandbox.url}/searchr?f=1&t=2&d=${SCENARIO_DATE}&s=1&i=1&sig=0000000000000000`,
    );
    await handle.client.settleRechecks();
    expect(handle.logs.some((l) => l.includes('12go recheck failed') && l.includes('403'))).toBe(true);
  });
});

describe('ping (readiness)', () => {
  it('is up against the sandbox and down when nothing listens', async () => {
    const up = await startClient(sandbox.url);
    const down = await startClient('http://127.0.0.1:1');
    try {
      await expect(up.client.ping()).resolves.toMatchObject({ up: true });
      await expect(down.client.ping()).resolves.toMatchObject({ up: false, error: 'unavailable' });
    } finally {
      await up.close();
      await down.close();
    }
  });
});
