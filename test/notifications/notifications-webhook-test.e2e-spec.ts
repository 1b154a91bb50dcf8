import { readFileSync, writeFileSync } from 'node:fs';
import { Webhook } from 'standardwebhooks';
import { WebhookReceiver } from './support/webhook-receiver';
import {
  notifyClientsFile,
  startNotifyStack,
  type NotifyClients,
  type NotifyStack,
} from './support/notify-stack';
import type { ClientEntryJson } from './support/wire-types';

jest.setTimeout(30_000);

interface TestSendJson {
  client_id: string;
  event_id: string;
  url: string;
  delivered: boolean;
  outcome: string;
  status_code: number | null;
  latency_ms: number;
  detail: string;
}

/** docs/operations.md#admin-api `POST /admin/clients/{client_id}/webhook/test` against a real receiver. */
describe('admin webhook test send', () => {
  const receiver = new WebhookReceiver();
  let n: NotifyStack;
  let clients: NotifyClients;
  let clientsFile: string;

  const testSend = (clientId: string, headers?: Record<string, string>) =>
    fetch(`${n.stack.bffUrl}/admin/clients/${clientId}/webhook/test`, {
      method: 'POST',
      headers: headers ?? { authorization: `Bearer ${n.adminToken}` },
    });

  beforeAll(async () => {
    await receiver.start();
    const made = notifyClientsFile(receiver, (list) => {
      // demo-b's URL names a host that resolves to a private address, without the per-client opt-in
      const b = list.find((c) => c.client_id === 'demo-b')!;
      b.webhook!.url = b.webhook!.url.replace('127.0.0.1', 'localhost');
      b.webhook!.allow_private_target = false;
    });
    clients = made.clients;
    clientsFile = made.file;
    n = await startNotifyStack({ clientsFile, env: { NOTIFICATIONS_WORKERS_ENABLED: 'false' } });
  });

  afterAll(async () => {
    await n?.close();
    await receiver.close();
  });

  it('sends one signed webhook.test event and answers with the status and latency', async () => {
    receiver.behave(() => ({ status: 204 }));
    const res = await testSend('demo');
    expect(res.status).toBe(200);
    const answer = (await res.json()) as TestSendJson;
    expect(answer).toMatchObject({
      client_id: 'demo',
      event_id: expect.stringMatching(/^evt_[0-9a-f]{32}$/),
      delivered: true,
      outcome: 'success',
      status_code: 204,
      latency_ms: expect.any(Number),
    });
    const hits = receiver.at(clients.demo.path);
    expect(hits).toHaveLength(1);
    const event = new Webhook(clients.demo.secrets[0]).verify(
      hits[0].body,
      hits[0].headers as Record<string, string>,
    ) as { id: string; type: string; timestamp: string; data: { client_id: string } };
    expect(event).toMatchObject({
      id: answer.event_id,
      type: 'webhook.test',
      timestamp: expect.stringMatching(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}Z$/),
      data: { client_id: 'demo' },
    });
    expect(hits[0].headers['webhook-id']).toBe(answer.event_id);
    expect(hits[0].headers['user-agent']).toBe('TravelierConnect-Webhooks/1');
  });

  it('reports a failing receiver without retrying, and never follows a redirect', async () => {
    receiver.behave(() => ({ status: 503 }));
    const failed = (await (await testSend('demo')).json()) as TestSendJson;
    expect(failed).toMatchObject({ delivered: false, outcome: 'http_5xx', status_code: 503 });
    receiver.behave(() => ({ status: 307, headers: { location: `${receiver.url}/hooks/elsewhere` } }));
    const redirected = (await (await testSend('demo')).json()) as TestSendJson;
    expect(redirected).toMatchObject({ delivered: false, outcome: 'http_3xx', status_code: 307 });
    await new Promise((r) => setTimeout(r, 300));
    expect(receiver.at(clients.demo.path).filter((h) => h.status !== 204)).toHaveLength(2);
    expect(receiver.at('/hooks/elsewhere')).toHaveLength(0);
  });

  it('applies the SSRF rules: a private target without the opt-in is blocked and never called', async () => {
    const res = await testSend('demo-b');
    expect(res.status).toBe(200);
    expect(await res.json()).toMatchObject({
      client_id: 'demo-b',
      delivered: false,
      outcome: 'blocked_target',
      status_code: null,
    });
    expect(receiver.at(clients.demoB.path)).toHaveLength(0);
  });

  it('is an admin route: 401 without the token, 404 for an unknown client, 409 without a webhook URL', async () => {
    expect((await testSend('demo', {})).status).toBe(401);
    expect((await testSend('nobody')).status).toBe(404);

    // a disabled webhook is still tested; a removed one cannot be
    const file = JSON.parse(readFileSync(clientsFile, 'utf8')) as { clients: ClientEntryJson[] };
    file.clients.find((c) => c.client_id === 'demo')!.webhook!.enabled = false;
    delete file.clients.find((c) => c.client_id === 'demo-b')!.webhook;
    writeFileSync(clientsFile, JSON.stringify(file));
    const reload = await fetch(`${n.stack.bffUrl}/admin/config/reload`, {
      method: 'POST',
      headers: { authorization: `Bearer ${n.adminToken}` },
    });
    expect(((await reload.json()) as { ok: boolean }).ok).toBe(true);
    receiver.behave(() => ({ status: 200 }));
    expect(await (await testSend('demo')).json()).toMatchObject({ delivered: true, status_code: 200 });
    const none = await testSend('demo-b');
    expect(none.status).toBe(409);
    expect(((await none.json()) as { error: { code: string } }).error.code).toBe('conflict');
  });
});
