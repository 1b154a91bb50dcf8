import { createServer, type IncomingHttpHeaders, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface ReceivedWebhook {
  path: string;
  headers: IncomingHttpHeaders;
  body: string;
  at: number;
  /** Status the receiver answered with. */
  status: number;
}

export interface Reply {
  status: number;
  headers?: Record<string, string>;
  /** Delay before answering (ms). */
  delayMs?: number;
}

/** A real HTTP receiver on an ephemeral port standing in for partner endpoints; behaviour per request. */
export class WebhookReceiver {
  readonly received: ReceivedWebhook[] = [];
  private server!: Server;
  private decide: (req: { path: string; headers: IncomingHttpHeaders; body: string }, nth: number) => Reply =
    () => ({ status: 200 });
  url = '';

  async start(): Promise<this> {
    this.server = createServer((req, res) => {
      const chunks: Buffer[] = [];
      req.on('data', (c: Buffer) => chunks.push(c));
      req.on('end', () => {
        const path = req.url ?? '/';
        const body = Buffer.concat(chunks).toString('utf8');
        const nth = this.received.filter(
          (r) =>
            r.path.split('?')[0] === path.split('?')[0] &&
            r.headers['webhook-id'] === req.headers['webhook-id'],
        ).length;
        const reply = this.decide({ path, headers: req.headers, body }, nth);
        this.received.push({ path, headers: req.headers, body, at: Date.now(), status: reply.status });
        const send = () => res.writeHead(reply.status, reply.headers ?? {}).end();
        if (reply.delayMs) setTimeout(send, reply.delayMs);
        else send();
      });
    });
    await new Promise<void>((r) => this.server.listen(0, '127.0.0.1', r));
    this.url = `http://127.0.0.1:${(this.server.address() as AddressInfo).port}`;
    return this;
  }

  /** `nth` = how many earlier requests with this path and webhook-id arrived (0 for the first attempt). */
  behave(
    fn: (req: { path: string; headers: IncomingHttpHeaders; body: string }, nth: number) => Reply,
  ): void {
    this.decide = fn;
  }

  at(path: string): ReceivedWebhook[] {
    return this.received.filter((r) => r.path.split('?')[0] === path);
  }

  /** Successfully delivered (2xx) requests to `path`. */
  delivered(path: string): ReceivedWebhook[] {
    return this.at(path).filter((r) => r.status >= 200 && r.status < 300);
  }

  async close(): Promise<void> {
    this.server.closeAllConnections();
    await new Promise((r) => this.server.close(r));
  }
}

/** Polls until `fn` returns a truthy value or the timeout passes. */
export async function waitFor<T>(
  fn: () => T | Promise<T>,
  timeoutMs: number,
  what = 'condition',
  intervalMs = 50,
): Promise<NonNullable<T>> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const v = await fn();
    if (v) return v as NonNullable<T>;
    if (Date.now() > deadline) throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}`);
    await new Promise((r) => setTimeout(r, intervalMs));
  }
}

/** Polls until `fn` yields at least `count` items; returns them. */
export async function waitForItems<T>(
  fn: () => T[],
  count: number,
  timeoutMs: number,
  what = 'items',
): Promise<T[]> {
  await waitFor(() => fn().length >= count, timeoutMs, `${count} ${what}`);
  return fn();
}
