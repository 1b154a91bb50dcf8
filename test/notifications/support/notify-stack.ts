import { randomBytes } from 'node:crypto';
import { startStack, writeClientsFile, type StartStackOptions, type TestStack } from '../../support/stack';
import type { WebhookReceiver } from './webhook-receiver';
import type { ClientEntryJson } from './wire-types';

export const newWhsec = (bytes = 32) => `whsec_${randomBytes(bytes).toString('base64')}`;

/** Shortened schedules so retries happen within a test (docs/contract/webhooks.md#delivery-and-retries shape, milliseconds instead of hours). */
export const FAST_NOTIFY_ENV: Record<string, string> = {
  WEBHOOK_RETRY_SCHEDULE: '150ms,200ms,250ms,300ms,300ms,300ms,300ms,300ms,300ms,300ms',
  NOTIFY_INBOUND_RETRY_SCHEDULE: '100ms,150ms,200ms',
  WEBHOOK_DELIVERY_TIMEOUT_MS: '3000',
  WEBHOOK_CONNECT_TIMEOUT_MS: '1000',
  NOTIFY_QUEUE_LOCK_MS: '3000',
  NOTIFY_QUEUE_STALLED_INTERVAL_MS: '1000',
};

export interface NotifyClients {
  demo: { path: string; secrets: string[] };
  demoB: { path: string; secrets: string[] };
}

/** Clients file: demo and demo-b with webhooks pointing at the test receiver (private targets allowed in tests only). */
export function notifyClientsFile(
  receiver: WebhookReceiver,
  mutate?: (clients: ClientEntryJson[]) => void,
): { file: string; clients: NotifyClients } {
  const clients: NotifyClients = {
    demo: { path: '/hooks/demo', secrets: [newWhsec()] },
    demoB: { path: '/hooks/demo-b', secrets: [newWhsec(), newWhsec(24)] },
  };
  const file = writeClientsFile((f) => {
    for (const c of f.clients as ClientEntryJson[]) {
      const mine = c.client_id === 'demo' ? clients.demo : c.client_id === 'demo-b' ? clients.demoB : null;
      if (mine)
        c.webhook = { url: `${receiver.url}${mine.path}`, secrets: mine.secrets, allow_private_target: true };
    }
    mutate?.(f.clients as ClientEntryJson[]);
  });
  return { file, clients };
}

export interface NotifyStack {
  stack: TestStack;
  pathSecret: string;
  adminToken: string;
  inboundUrl: string;
  postInbound(body: unknown, headers?: Record<string, string>): Promise<Response>;
  admin(path: string, init?: RequestInit): Promise<Response>;
  close(): Promise<void>;
}

export async function startNotifyStack(
  opts: StartStackOptions & { clientsFile: string; routeSandboxWebhooks?: boolean },
): Promise<NotifyStack> {
  const pathSecret = randomBytes(24).toString('hex');
  const adminToken = randomBytes(24).toString('hex');
  const stack = await startStack({
    ...opts,
    env: {
      ...FAST_NOTIFY_ENV,
      TWELVEGO_WEBHOOK_PATH_SECRETS: pathSecret,
      ADMIN_TOKENS: adminToken,
      ...opts.env,
    },
  });
  const inboundUrl = `${stack.bffUrl}/webhooks/12go/${pathSecret}`;
  if (opts.routeSandboxWebhooks !== false && !opts.twelvegoBaseUrl) {
    for (const key of ['sandbox-key-1', 'sandbox-key-2']) {
      const res = await stack.sandboxAdmin(`/webhook-targets/${key}`, {
        method: 'PUT',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ url: inboundUrl }),
      });
      if (!res.ok) throw new Error(`sandbox webhook target → ${res.status}`);
    }
  }
  return {
    stack,
    pathSecret,
    adminToken,
    inboundUrl,
    postInbound: (body, headers = {}) =>
      fetch(inboundUrl, {
        method: 'POST',
        headers: { 'content-type': 'application/json', ...headers },
        body: typeof body === 'string' || Buffer.isBuffer(body) ? (body as string) : JSON.stringify(body),
      }),
    admin: (path, init = {}) =>
      fetch(`${stack.bffUrl}/admin/notifications${path}`, {
        ...init,
        headers: {
          authorization: `Bearer ${adminToken}`,
          ...(init.body ? { 'content-type': 'application/json' } : {}),
          ...(init.headers ?? {}),
        },
      }),
    close: () => stack.close(),
  };
}

export { twelvegoWebhook } from '../../support/twelvego-webhook';
