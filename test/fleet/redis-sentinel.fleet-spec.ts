/* eslint-disable @typescript-eslint/no-explicit-any -- JSON bodies are walked dynamically */
import Redis from 'ioredis';
import { startRedisSentinel, type RunningSentinel } from '../../scripts/lib/redis-cluster';
import { startStack, writeClientsFile, type TestStack } from '../support/stack';
import {
  FunnelClient,
  fillBookingData,
  scenarioItineraryId,
  travelDate,
} from '../booking/support/funnel.helpers';
import { PlatformTestModule } from '../platform/support/platform-test.module';
import { call } from '../platform/support/http';

const WHOAMI = '/__platform_test/whoami';
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/**
 * Sentinel: one master, one replica, one sentinel on OS ports. The master is SIGKILLed mid-test; the BFF
 * follows the promoted replica. Writes the BFF acknowledged before the kill and that reached the replica
 * (the test waits for replication, as Redis replication is asynchronous: see docs/operations.md) survive.
 */
describe('BFF on Redis Sentinel: master killed mid-test', () => {
  let sentinel: RunningSentinel;
  let stack: TestStack;
  let demo: FunnelClient;
  let demoB: FunnelClient;

  beforeAll(async () => {
    sentinel = await startRedisSentinel({ downAfterMs: 1000 });
    stack = await startStack({
      env: {
        REDIS_URL: '',
        REDIS_SENTINELS: sentinel.sentinelsEnv,
        REDIS_SENTINEL_NAME: sentinel.name,
      },
      clientsFile: writeClientsFile((file) => {
        // demo books and searches freely; demo-b has a tight bucket to show the limiter works again.
        for (const c of file.clients)
          c.rate_limit = c.client_id === 'demo-b' ? { rps: 1, burst: 3 } : { rps: 100, burst: 200 };
      }),
      sandboxEnv: { SANDBOX_CONFIRM_DELAY_MS: '200' },
      extraModules: [PlatformTestModule],
    });
    demo = new FunnelClient(stack);
    demoB = new FunnelClient(stack, 'demo-b', stack.demoBKey);
  }, 60_000);
  afterAll(async () => {
    await stack?.close();
    await sentinel?.stop();
  });

  async function readiness(): Promise<any> {
    return (await fetch(`${stack.bffUrl}/health/ready`)).json();
  }

  async function book(client: FunnelClient): Promise<string> {
    const date = await travelDate(stack);
    const opened = await client.itinerary(scenarioItineraryId('OKINST', date));
    expect(opened.status).toBe(200);
    const it0 = opened.body.itineraries[0];
    const res = await client.book({
      booking_token: it0.booking_token,
      booking_data: fillBookingData(it0.booking_schema, 1),
    });
    expect(res.status).toBe(200);
    return res.body.id;
  }

  async function searchOnce(): Promise<number> {
    const date = await travelDate(stack);
    const r = await demo.request(
      'GET',
      `/v1/demo/itineraries?departures[]=9001&arrivals[]=9002&departure_date=${date}&pax=1`,
    );
    return r.status;
  }

  it('keeps serving search through the failover; owner records and rate limits resume on the new master', async () => {
    for (let i = 0; i < 50 && (await readiness()).checks?.redis?.status !== 'up'; i++) await sleep(100);
    const before = (await readiness()).checks.redis;
    expect(before).toMatchObject({
      status: 'up',
      topology: 'sentinel',
      node: `127.0.0.1:${sentinel.master.port}`,
    });

    // Acknowledged before the kill: a booking (owner record) and a spent rate-limit bucket.
    const early = await book(demo);
    // Replication is asynchronous: wait until the replica has everything the master acknowledged.
    const master = new Redis({ port: sentinel.master.port, host: '127.0.0.1', lazyConnect: true });
    await master.connect();
    expect(await master.call('WAIT', '1', '5000')).toBe(1);
    master.disconnect();

    await sentinel.master.kill('SIGKILL');
    const killedAt = Date.now();

    // Search goes on while Sentinel elects the replica (no Redis needed; rate limits fall back to a per-instance bucket).
    const statuses: number[] = [];
    let promoted = false;
    while (Date.now() - killedAt < 30_000) {
      statuses.push(await searchOnce());
      if ((await sentinel.currentMaster()) === sentinel.replica.port) {
        const r = (await readiness()).checks.redis;
        if (r.status === 'up' && r.node === `127.0.0.1:${sentinel.replica.port}`) {
          promoted = true;
          break;
        }
      }
      await sleep(200);
    }
    const failoverMs = Date.now() - killedAt;
    expect(promoted).toBe(true);
    expect(statuses.filter((s) => s >= 500)).toEqual([]);

    // The owner record written before the kill is on the new master: demo reads, demo-b is refused.
    expect((await demo.details(early)).status).toBe(200);
    expect([403, 404]).toContain((await demoB.details(early)).status);

    // New writes land on the new master.
    const late = await book(demo);
    expect((await demo.details(late)).status).toBe(200);
    expect([403, 404]).toContain((await demoB.details(late)).status);

    // demo-b's bucket (burst 3, 1 rps) is enforced again: a quick burst of 6 gets 429s.
    await sleep(3000);
    const burst: number[] = [];
    for (let i = 0; i < 6; i++)
      burst.push((await call(stack.bffUrl, `/v1/demo-b${WHOAMI}`, { key: stack.demoBKey })).status);
    expect(burst.slice(0, 3)).toEqual([200, 200, 200]);
    expect(burst).toContain(429);
    console.log(
      `[sentinel] failover followed in ${failoverMs} ms; search requests during failover: ${statuses.length}, 5xx: 0; owner records before/after: 2/2 readable`,
    );
  }, 90_000);
});
