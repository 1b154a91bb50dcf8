/* eslint-disable @typescript-eslint/no-explicit-any -- JSON bodies are walked dynamically */
import { NotificationQueues } from '../../apps/connect-api/src/notifications/queueing/notification-queues';
import { startStack, TestStack } from '../support/stack';
import { call } from '../platform/support/http';

/** `/admin/queues` (issue 16): bull-board over the notification queues, behind the admin token. */

const TOKEN = 'queue-board-token-0123456789abcdef012345';
const bearer = { authorization: `Bearer ${TOKEN}` };
const WRONG_CREDENTIALS: Record<string, string>[] = [
  {},
  { authorization: `Bearer ${TOKEN}x` },
  { 'x-api-key': TOKEN },
];

async function firstScript(stack: TestStack): Promise<string> {
  const page = await call(stack.bffUrl, '/admin/queues', { headers: bearer });
  const src = /<script defer src="(static\/js\/[^"]+\.js)"/.exec(page.text)?.[1];
  expect(src).toBeDefined();
  return src!;
}

const queueNamed = (list: any, suffix: string) =>
  (list.queues as any[]).find((q) => String(q.name).endsWith(suffix));

describe('queue board at /admin/queues', () => {
  describe('read-only (default)', () => {
    let stack: TestStack;
    beforeAll(async () => {
      stack = await startStack({ env: { ADMIN_TOKENS: TOKEN }, secrets: [TOKEN] });
    });
    afterAll(() => stack?.close());

    it('refuses every board route without the admin token, or with a wrong one', async () => {
      const script = await firstScript(stack);
      for (const path of [
        '/admin/queues',
        '/admin/queues/',
        `/admin/queues/${script}`,
        '/admin/queues/api/queues',
      ]) {
        for (const headers of WRONG_CREDENTIALS) {
          const res = await call(stack.bffUrl, path, { headers });
          expect({ path, status: res.status, code: res.json?.error?.code }).toEqual({
            path,
            status: 401,
            code: 'unauthorized',
          });
          expect(res.text).not.toContain('notify-');
        }
      }
      const put = await call(stack.bffUrl, '/admin/queues/api/queues/x/pause', { method: 'PUT' });
      expect(put.status).toBe(401);
    });

    it('serves the board, its assets and the queue list with the token, and refuses changes', async () => {
      const page = await call(stack.bffUrl, '/admin/queues', { headers: bearer });
      expect(page.status).toBe(200);
      expect(page.headers.get('content-type')).toMatch(/^text\/html/);
      expect(page.text).toContain('<base href="/admin/queues/" />');
      expect(page.text).toContain('Travelier Connect queues');
      expect(page.text).not.toMatch(/<%/);

      const asset = await call(stack.bffUrl, `/admin/queues/${await firstScript(stack)}`, {
        headers: bearer,
      });
      expect(asset.status).toBe(200);
      expect(asset.headers.get('content-type')).toMatch(/javascript/);
      expect(asset.text.length).toBeGreaterThan(1000);
      const missing = await call(stack.bffUrl, '/admin/queues/static/../../package.json', {
        headers: bearer,
      });
      expect(missing.status).toBe(404);

      // A browser loads the page's files at once: none of them is rate limited (the API still is).
      const files = [...page.text.matchAll(/(?:src|href)="(static\/[^"]+)"/g)].map((m) => m[1]);
      expect(files.length).toBeGreaterThanOrEqual(5);
      const burst = await Promise.all(
        [...files, ...files, ...files].map((f) =>
          call(stack.bffUrl, `/admin/queues/${f}`, { headers: bearer }),
        ),
      );
      expect(burst.map((r) => r.status)).toEqual(burst.map(() => 200));
      const withoutToken = await call(stack.bffUrl, `/admin/queues/${files[0]}`);
      expect(withoutToken.status).toBe(401);
      await new Promise((r) => setTimeout(r, 1100)); // let the admin budget refill for the API calls below

      const list = await call(stack.bffUrl, '/admin/queues/api/queues', { headers: bearer });
      expect(list.status).toBe(200);
      const deliver = queueNamed(list.json, 'notify-deliver');
      expect(queueNamed(list.json, 'notify-inbound')).toBeDefined();
      expect(deliver).toMatchObject({ readOnlyMode: true });

      const pause = await call(
        stack.bffUrl,
        `/admin/queues/api/queues/${encodeURIComponent(deliver.name)}/pause`,
        { method: 'PUT', headers: bearer },
      );
      expect(pause.status).toBe(405);
      expect(await stack.app.get(NotificationQueues).deliver.isPaused()).toBe(false);

      // Every board call is audit-logged with the token id, never the token.
      expect(
        stack.logs.lines().some((l: any) => l.msg === 'admin.audit' && /\/admin\/queues/.test(l.action)),
      ).toBe(true);
    });
  });

  describe('with ADMIN_QUEUES_WRITE=true', () => {
    let stack: TestStack;
    beforeAll(async () => {
      stack = await startStack({
        env: { ADMIN_TOKENS: TOKEN, ADMIN_QUEUES_WRITE: 'true' },
        secrets: [TOKEN],
      });
    });
    afterAll(() => stack?.close());

    it('pauses and resumes a queue, and shows jobs without their webhook bodies', async () => {
      const list = await call(stack.bffUrl, '/admin/queues/api/queues', { headers: bearer });
      const deliver = queueNamed(list.json, 'notify-deliver');
      expect(deliver).toMatchObject({ readOnlyMode: false });
      const name = encodeURIComponent(deliver.name);

      const pause = await call(stack.bffUrl, `/admin/queues/api/queues/${name}/pause`, {
        method: 'PUT',
        headers: bearer,
      });
      expect(pause.status).toBe(200);
      const queues = stack.app.get(NotificationQueues);
      expect(await queues.deliver.isPaused()).toBe(true);

      const job = await queues.deliver.add('deliver', {
        eventId: 'evt-board-1',
        clientId: 'demo',
        bid: '424242',
        bookingId: 'b-1',
        type: 'booking_confirmed',
        body: '{"passengers":[{"last_name":"Boardtest"}]}',
        receivedAtMs: Date.now(),
        inbound: { bid: '424242', body: { last_name: 'Boardtest' } },
      } as any);
      const shown = await call(stack.bffUrl, `/admin/queues/api/queues/${name}/${job.id}`, {
        headers: bearer,
      });
      expect(shown.status).toBe(200);
      expect(shown.json.job.data).toMatchObject({ eventId: 'evt-board-1', bid: '424242', body: '[hidden]' });
      expect(shown.text).not.toContain('Boardtest');
      const edit = await call(stack.bffUrl, `/admin/queues/api/queues/${name}/${job.id}/update-data`, {
        method: 'PATCH',
        headers: { ...bearer, 'content-type': 'application/json' },
        body: JSON.stringify({ jobData: {} }),
      });
      expect(edit.status).toBe(404);
      await job.remove();

      const resume = await call(stack.bffUrl, `/admin/queues/api/queues/${name}/resume`, {
        method: 'PUT',
        headers: bearer,
      });
      expect(resume.status).toBe(200);
      expect(await queues.deliver.isPaused()).toBe(false);
    });
  });

  it('does not exist without ADMIN_TOKENS (404 like every admin route)', async () => {
    const stack = await startStack({ env: { ADMIN_TOKENS: '' } });
    try {
      for (const path of ['/admin/queues', '/admin/queues/api/queues']) {
        const res = await call(stack.bffUrl, path, { headers: bearer });
        expect({ path, status: res.status }).toEqual({ path, status: 404 });
      }
    } finally {
      await stack.close();
    }
  });
});
