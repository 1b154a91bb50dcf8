import { randomBytes } from 'node:crypto';
import { Queue } from 'bullmq';
import Redis from 'ioredis';
import { WebhookReceiver } from './support/webhook-receiver';
import {
  notifyClientsFile,
  startNotifyStack,
  twelvegoWebhook,
  type NotifyStack,
} from './support/notify-stack';
import type { ErrorJson } from './support/wire-types';

jest.setTimeout(60_000);

/**
 * docs/contract/webhooks.md#receiving-12go-notifications: the 12go webhook receiver on its own (workers off, no 12go needed): path secret,
 * source allow-list, size limit, payload validation, durable acceptance and de-duplication.
 */
describe('12go webhook receiver', () => {
  const receiver = new WebhookReceiver();
  let n: NotifyStack;
  let queue: Queue;
  let redis: Redis;
  const secondSecret = randomBytes(20).toString('hex');

  beforeAll(async () => {
    await receiver.start();
    const { file } = notifyClientsFile(receiver);
    n = await startNotifyStack({
      clientsFile: file,
      twelvegoBaseUrl: 'http://127.0.0.1:9',
      env: { NOTIFICATIONS_WORKERS_ENABLED: 'false' },
    });
    const url = new URL(n.stack.redisUrl);
    queue = new Queue('notify-inbound', {
      connection: {
        host: url.hostname,
        port: Number(url.port || 6379),
        db: Number(url.pathname.slice(1) || 0),
      },
      prefix: n.stack.queuePrefix,
    });
    redis = new Redis(n.stack.redisUrl);
  });

  afterAll(async () => {
    await queue?.close();
    redis?.disconnect();
    await n?.close();
    await receiver.close();
  });

  it('acknowledges a valid webhook only once it is stored as a durable job', async () => {
    const res = await n.postInbound(twelvegoWebhook('70000101', 'booking_confirmed', 1778382366));
    expect(res.status).toBe(200);
    expect(await res.text()).toBe('');
    const job = await queue.getJob('in-70000101-booking_confirmed-1778382366');
    expect(job?.data).toMatchObject({
      bid: '70000101',
      type: 'booking_confirmed',
      stamp: 1778382366,
      newStatus: 'confirmed',
    });
    expect(await redis.exists(`${n.stack.keyPrefix}ntf:dedup:70000101:booking_confirmed:1778382366`)).toBe(1);
    expect(
      await redis.ttl(`${n.stack.keyPrefix}ntf:dedup:70000101:booking_confirmed:1778382366`),
    ).toBeGreaterThan(600_000);
  });

  it('de-duplicates on (bid, type, stamp): a repeated webhook is acknowledged but stored once', async () => {
    const body = twelvegoWebhook('70000102', 'booking_canceled', 1778390000, 'cancelled', 'confirmed');
    expect((await n.postInbound(body)).status).toBe(200);
    expect((await n.postInbound(body)).status).toBe(200);
    expect((await n.postInbound({ ...body, bid: '70000102' })).status).toBe(200);
    const jobs = (await queue.getJobs(['waiting', 'delayed', 'active', 'prioritized'])).filter(
      (j) => j?.data.bid === '70000102',
    );
    expect(jobs).toHaveLength(1);
    expect((await n.postInbound({ ...body, stamp: 1778390001 })).status).toBe(200);
    expect((await queue.getJobs(['waiting'])).filter((j) => j?.data.bid === '70000102')).toHaveLength(2);
  });

  it('accepts a minimal body without content-type; unknown types become booking_updated', async () => {
    const res = await fetch(n.inboundUrl, { method: 'POST', body: Buffer.from('{"bid":"70000103"}') });
    expect(res.status).toBe(200);
    const odd = await n.postInbound({ bid: 70000104, type: 'booking_rebooked', stamp: 5 });
    expect(odd.status).toBe(200);
    expect(await queue.getJob('in-70000104-booking_updated-5')).toBeTruthy();
    const minimal = (await queue.getJobs(['waiting'])).find((j) => j?.data.bid === '70000103');
    expect(minimal?.id).toMatch(/^in-70000103-booking_updated-[0-9a-f]{64}$/);
  });

  it('answers 404 like an unknown route for a wrong path secret, and stores nothing', async () => {
    const wrong = await fetch(`${n.stack.bffUrl}/webhooks/12go/${'x'.repeat(48)}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(twelvegoWebhook('70000105', 'booking_confirmed', 1)),
    });
    const unknown = await fetch(`${n.stack.bffUrl}/no/such/route`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: '{}',
    });
    expect(wrong.status).toBe(404);
    expect(unknown.status).toBe(404);
    const [a, b] = [(await wrong.json()) as ErrorJson, (await unknown.json()) as ErrorJson];
    expect(a.error).toEqual(b.error);
    expect(await queue.getJob('in-70000105-booking_confirmed-1')).toBeUndefined();
    expect(JSON.stringify(n.stack.logs.lines())).not.toContain(n.pathSecret);
  });

  it('refuses a body over 64 KiB with 413', async () => {
    const big = { ...twelvegoWebhook('70000106', 'booking_updated', 7), padding: 'x'.repeat(70 * 1024) };
    const res = await n.postInbound(big);
    expect(res.status).toBe(413);
    expect(((await res.json()) as ErrorJson).error.code).toBe('payload_too_large');
    expect(await queue.getJob('in-70000106-booking_updated-7')).toBeUndefined();
  });

  it('refuses malformed JSON and bodies without a usable bid with 400', async () => {
    const bad = await n.postInbound('{"bid": 70000107, "type": ');
    expect(bad.status).toBe(400);
    expect(((await bad.json()) as ErrorJson).error.code).toBe('invalid_json');
    for (const body of [{ type: 'booking_confirmed' }, { bid: 'abc' }, { bid: 0 }, [1, 2]]) {
      const res = await n.postInbound(body);
      expect(res.status).toBe(400);
    }
  });

  it('accepts either of two rotating path secrets, applies the source allow-list and the flood guard', async () => {
    const { file } = notifyClientsFile(receiver);
    const rotated = await startNotifyStack({
      clientsFile: file,
      twelvegoBaseUrl: 'http://127.0.0.1:9',
      env: {
        NOTIFICATIONS_WORKERS_ENABLED: 'false',
        TWELVEGO_WEBHOOK_PATH_SECRETS: `${'a'.repeat(40)},${secondSecret}`,
        NOTIFY_INBOUND_RATE_PER_S: '5',
      },
    });
    const blocked = await startNotifyStack({
      clientsFile: file,
      twelvegoBaseUrl: 'http://127.0.0.1:9',
      env: { NOTIFICATIONS_WORKERS_ENABLED: 'false', TWELVEGO_WEBHOOK_ALLOWED_CIDRS: '10.0.0.0/8' },
    });
    try {
      const body = JSON.stringify(twelvegoWebhook('70000108', 'booking_confirmed', 9));
      const post = (base: string, secret: string) =>
        fetch(`${base}/webhooks/12go/${secret}`, {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body,
        });
      expect((await post(rotated.stack.bffUrl, 'a'.repeat(40))).status).toBe(200);
      expect((await post(rotated.stack.bffUrl, secondSecret)).status).toBe(200);
      expect((await post(rotated.stack.bffUrl, 'b'.repeat(40))).status).toBe(404);
      expect((await post(blocked.stack.bffUrl, blocked.pathSecret)).status).toBe(404);
      // flood guard: beyond the per-instance rate the route answers 429 with Retry-After
      const burst = await Promise.all(
        Array.from({ length: 12 }, () => post(rotated.stack.bffUrl, secondSecret)),
      );
      const limited = burst.filter((r) => r.status === 429);
      expect(limited.length).toBeGreaterThan(0);
      expect(limited[0].headers.get('retry-after')).toBe('1');
      expect(burst.every((r) => r.status === 200 || r.status === 429)).toBe(true);
    } finally {
      await rotated.close();
      await blocked.close();
    }
  });
});
