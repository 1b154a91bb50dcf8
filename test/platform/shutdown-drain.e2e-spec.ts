import { randomBytes } from 'node:crypto';
import { connect } from 'node:net';
import { scenarioItineraryId } from '../booking/support/funnel.helpers';
import { spawnBff, type BffProcess } from '../notifications/support/bff-process';
import { bffChildEnv } from '../support/bff-child-env';
import {
  DEMO_KEY,
  deleteKeysWithPrefixes,
  startSandbox,
  testRedisUrl,
  type RunningSandbox,
} from '../support/stack';

jest.setTimeout(180_000);

const DRAIN_DELAY_MS = 5000;
/** Longer than the drain delay by a wide margin: the request must still be in flight when the listener closes. */
const HELD_UPSTREAM_MS = 15_000;

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** Resolves `refused` when nothing listens on the port any more, `accepted` when a TCP connection opens. */
function tryConnect(port: number): Promise<'accepted' | 'refused'> {
  return new Promise((resolve, reject) => {
    const socket = connect({ host: '127.0.0.1', port });
    socket.once('connect', () => {
      socket.destroy();
      resolve('accepted');
    });
    socket.once('error', (err: NodeJS.ErrnoException) => {
      socket.destroy();
      if (err.code === 'ECONNREFUSED') resolve('refused');
      else reject(err);
    });
  });
}

async function until<T>(probe: () => Promise<T | undefined>, timeoutMs: number, what: string): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const v = await probe();
    if (v !== undefined) return v;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await sleep(50);
  }
}

/**
 * SIGTERM with a request in flight, on the production entry point in its own OS process: readiness turns 503
 * while the instance keeps serving for the drain delay, then the listener closes (new connections refused)
 * while the held request still completes with its 200, and the process exits 0.
 */
describe('graceful shutdown drains a request in flight (real process)', () => {
  const id = randomBytes(5).toString('hex');
  const keyPrefix = `test:drain-${id}:`;
  const queuePrefix = `{tq-drain-${id}}`;
  const redisUrl = testRedisUrl();
  let sandbox: RunningSandbox;
  let bff: BffProcess | undefined;

  beforeAll(async () => {
    sandbox = await startSandbox({ SANDBOX_LATENCY_PROFILE: 'none' });
  });

  afterAll(async () => {
    if (bff && bff.proc.exitCode === null && bff.proc.signalCode === null) bff.proc.kill('SIGKILL');
    if (bff) await bff.exited;
    await sandbox?.close();
    await deleteKeysWithPrefixes(redisUrl, [keyPrefix, queuePrefix]);
  });

  it('answers readiness 503, finishes the held request with 200, refuses new connections and exits 0', async () => {
    bff = await spawnBff({
      ...bffChildEnv({ sandboxUrl: sandbox.url, redisUrl, keyPrefix, queuePrefix }),
      READY_CACHE_MS: '0',
      SHUTDOWN_DRAIN_DELAY_MS: String(DRAIN_DELAY_MS),
      SHUTDOWN_TIMEOUT_MS: '60000',
      TWELVEGO_TIMEOUTS: 'checkout=60000',
    });
    const { url } = bff;
    const port = Number(new URL(url).port);
    await until(
      async () => ((await fetch(`${url}/health/ready`)).status === 200 ? true : undefined),
      30_000,
      'readiness 200 before the signal',
    );

    const clock = (await (await fetch(`${sandbox.url}/__sandbox/clock`)).json()) as { now: string };
    const date = new Date(new Date(clock.now).getTime() + 7 * 3600_000 + 3 * 86_400_000)
      .toISOString()
      .slice(0, 10);
    const rule = (await (
      await fetch(`${sandbox.url}/__sandbox/faults`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({
          match: { path: '/checkout/*' },
          action: { delayMs: HELD_UPSTREAM_MS },
          times: 1,
        }),
      })
    ).json()) as { id: string };

    const events: string[] = [];
    const held = fetch(
      `${url}/v1/demo/itineraries/${encodeURIComponent(scenarioItineraryId('OKINST', date))}`,
      {
        headers: { 'x-api-key': DEMO_KEY },
      },
    ).then(async (res) => {
      const body = (await res.json()) as { itineraries?: unknown[] };
      events.push('held request answered');
      return { status: res.status, connection: res.headers.get('connection'), body };
    });
    // The BFF's checkout call has reached the sandbox and is being held there.
    await until(
      async () => {
        const rules = (await (await fetch(`${sandbox.url}/__sandbox/faults`)).json()) as Array<{
          id: string;
          hits: number;
        }>;
        return rules.find((r) => r.id === rule.id)?.hits === 1 ? true : undefined;
      },
      30_000,
      'the held checkout call',
    );

    expect(bff.proc.kill('SIGTERM')).toBe(true);

    const draining = await until(
      async () => {
        const res = await fetch(`${url}/health/ready`);
        const body = (await res.json()) as { status?: string };
        return res.status === 503 ? body : undefined;
      },
      DRAIN_DELAY_MS + 10_000,
      'readiness 503',
    );
    events.push('readiness 503');
    expect(draining.status).toBe('draining');
    // still serving during the drain: liveness over a new connection
    expect((await fetch(`${url}/health/live`, { headers: { connection: 'close' } })).status).toBe(200);

    await until(
      async () => ((await tryConnect(port)) === 'refused' ? true : undefined),
      DRAIN_DELAY_MS + 20_000,
      'the listener to close',
    );
    events.push('new connection refused');

    const answer = await held;
    expect(answer.status).toBe(200);
    expect(answer.body.itineraries).toHaveLength(1);
    // a keep-alive socket left open would hold the closing server until the client's idle timeout
    expect(answer.connection).toBe('close');
    expect(events).toEqual(['readiness 503', 'new connection refused', 'held request answered']);

    expect(await bff.exited).toBe(0);
    expect(bff.output()).toContain('shutdown.complete');
  });
});
