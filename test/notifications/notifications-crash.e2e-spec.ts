import { randomBytes } from 'node:crypto';
import Redis from 'ioredis';
import { partnerEventId } from '../../apps/connect-api/src/notifications/queueing/partner-event.mapper';
import type { UpstreamEventType } from '../../apps/connect-api/src/notifications/inbound/inbound-notification';
import { bffChildEnv } from '../support/bff-child-env';
import { deleteKeysWithPrefixes, startSandbox, testRedisUrl, type RunningSandbox } from '../support/stack';
import { spawnBff, type BffProcess } from './support/bff-process';
import {
  FAST_NOTIFY_ENV,
  notifyClientsFile,
  twelvegoWebhook,
  type NotifyClients,
} from './support/notify-stack';
import { createSandboxBooking } from './support/sandbox-booking';
import { WebhookReceiver, waitFor } from './support/webhook-receiver';

jest.setTimeout(180_000);

const TYPES: UpstreamEventType[] = ['booking_confirmed', 'booking_updated', 'booking_canceled'];
const STATUS: Record<UpstreamEventType, string> = {
  booking_confirmed: 'confirmed',
  booking_updated: 'pending',
  booking_canceled: 'cancelled',
};

/**
 * docs/contract/webhooks.md#delivery-and-retries "nothing is lost across a restart": 200+ events in flight to a flapping receiver,
 * the BFF process is killed with SIGKILL and started again; every acknowledged event reaches its partner,
 * duplicates only ever carry the same webhook-id and identical bytes. Then SIGTERM stops it cleanly.
 */
describe('no notification is lost when the service is killed', () => {
  const receiver = new WebhookReceiver();
  const id = randomBytes(5).toString('hex');
  const keyPrefix = `test:crash-${id}:`;
  const queuePrefix = `{tq-crash-${id}}`;
  const redisUrl = testRedisUrl();
  const pathSecret = randomBytes(24).toString('hex');
  let sandbox: RunningSandbox;
  let clients: NotifyClients;
  let env: Record<string, string>;
  const children: BffProcess[] = [];

  beforeAll(async () => {
    await receiver.start();
    sandbox = await startSandbox({ SANDBOX_LATENCY_PROFILE: 'none' });
    const made = notifyClientsFile(receiver);
    clients = made.clients;
    env = {
      ...bffChildEnv({
        sandboxUrl: sandbox.url,
        redisUrl,
        keyPrefix,
        queuePrefix,
        clientsFile: made.file,
        logLevel: 'warn',
      }),
      ...FAST_NOTIFY_ENV,
      SHUTDOWN_DRAIN_DELAY_MS: '0',
      TWELVEGO_WEBHOOK_PATH_SECRETS: pathSecret,
      NOTIFY_QUEUE_LOCK_MS: '2000',
      NOTIFY_QUEUE_STALLED_INTERVAL_MS: '1000',
      WEBHOOK_DELIVERY_CONCURRENCY: '8',
      NOTIFY_INBOUND_RATE_PER_S: '1000',
    };
  });

  afterAll(async () => {
    for (const c of children)
      if (c.proc.exitCode === null && c.proc.signalCode === null) c.proc.kill('SIGKILL');
    await Promise.all(children.map((c) => c.exited));
    await sandbox?.close();
    await receiver.close();
    await deleteKeysWithPrefixes(redisUrl, [keyPrefix, queuePrefix]);
  });

  it('delivers every acknowledged event after kill -9 and restart, duplicates only with the same webhook-id', async () => {
    // 8 bookings at the sandbox, owned by two clients (ownership records as CreateBooking writes them)
    const redis = new Redis(redisUrl);
    const owned: { bid: string; clientId: 'demo' | 'demo-b' }[] = [];
    for (let i = 0; i < 8; i++) {
      const clientId = i % 4 === 3 ? 'demo-b' : 'demo';
      const b = await createSandboxBooking(
        sandbox.url,
        clientId === 'demo' ? 'sandbox-key-1' : 'sandbox-key-2',
        'OKINST',
        2 + (i % 3),
      );
      await redis.hset(`${keyPrefix}booking:${b.bid}`, {
        client_id: clientId,
        created_at: new Date().toISOString(),
      });
      await redis.expire(`${keyPrefix}booking:${b.bid}`, 3600);
      owned.push({ bid: b.bid, clientId });
    }
    redis.disconnect();

    // a flapping partner: one request in three fails (500/503/timeout-ish slow 502), the rest succeed
    let counter = 0;
    receiver.behave(() => {
      counter += 1;
      if (counter % 3 === 0) return { status: counter % 2 ? 500 : 503 };
      if (counter % 7 === 0) return { status: 502, delayMs: 30 };
      return { status: 200, delayMs: 10 };
    });

    const first = await spawnBff(env);
    children.push(first);

    const expected = new Map<string, string>(); // event id → client path
    const posts: Promise<void>[] = [];
    let stamp = 1_780_000_000;
    for (const { bid, clientId } of owned) {
      for (let k = 0; k < 28; k++) {
        const type = TYPES[k % 3];
        const s = stamp++;
        expected.set(
          partnerEventId(clientId, bid, type, String(s)),
          clientId === 'demo' ? clients.demo.path : clients.demoB.path,
        );
        const body = JSON.stringify(twelvegoWebhook(bid, type, s, STATUS[type]));
        posts.push(
          (async () => {
            // 12go retries until it gets a 2xx: an event counts once acknowledged
            await waitFor(
              async () => {
                const res = await fetch(`${first.url}/webhooks/12go/${pathSecret}`, {
                  method: 'POST',
                  headers: { 'content-type': 'application/json' },
                  body,
                }).catch(() => null);
                return res?.status === 200;
              },
              30_000,
              'acknowledgement',
            );
          })(),
        );
      }
    }
    await Promise.all(posts);
    expect(expected.size).toBeGreaterThanOrEqual(220);

    const deliveredIds = () =>
      new Set(
        receiver.received
          .filter((r) => r.status >= 200 && r.status < 300)
          .map((r) => String(r.headers['webhook-id'])),
      );
    await waitFor(() => deliveredIds().size >= 40, 60_000, 'some deliveries before the crash');
    first.proc.kill('SIGKILL');
    expect(await first.exited).toBe('SIGKILL');
    const deliveredBeforeCrash = deliveredIds().size;
    expect(deliveredBeforeCrash).toBeLessThan(expected.size);

    const second = await spawnBff(env);
    children.push(second);
    await waitFor(
      () => [...expected.keys()].every((eid) => deliveredIds().has(eid)),
      120_000,
      'every event delivered after restart',
      200,
    );

    // jobs that were active in the killed process came back through the stalled check
    expect((second.output().match(/notify\.job_stalled/g) ?? []).length).toBeGreaterThan(0);
    // every request carried a known event id, identical bytes per id, to the right client only
    const bodies = new Map<string, string>();
    for (const r of receiver.received) {
      const wid = String(r.headers['webhook-id']);
      const body = JSON.parse(r.body);
      expect(body.id).toBe(wid);
      expect(expected.get(wid)).toBe(r.path);
      if (bodies.has(wid)) expect(r.body).toBe(bodies.get(wid));
      else bodies.set(wid, r.body);
    }
    expect(bodies.size).toBe(expected.size);

    // SIGTERM: workers close and the process exits cleanly
    second.proc.kill('SIGTERM');
    let timer: NodeJS.Timeout | undefined;
    const deadline = new Promise((r) => (timer = setTimeout(() => r('timeout'), 20_000)));
    expect(await Promise.race([second.exited, deadline])).toBe(0);
    clearTimeout(timer);
  });
});
