import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { sendWebhook, type DeliveryRequest } from './webhook-sender';

type Handler = (req: IncomingMessage, res: ServerResponse, body: string) => void;

describe('sendWebhook (one delivery attempt)', () => {
  let server: Server;
  let handler: Handler;
  let base: string;
  let hits: { path: string; body: string; headers: IncomingMessage['headers'] }[];

  beforeAll(async () => {
    server = createServer((req, res) => {
      let body = '';
      req.on('data', (c) => (body += c));
      req.on('end', () => {
        hits.push({ path: req.url ?? '', body, headers: req.headers });
        handler(req, res, body);
      });
    });
    await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });
  afterAll(async () => {
    server.closeAllConnections();
    await new Promise((r) => server.close(r));
  });
  beforeEach(() => {
    hits = [];
  });

  const request = (path: string, over: Partial<DeliveryRequest> = {}): DeliveryRequest => ({
    url: `${base}${path}`,
    headers: { 'content-type': 'application/json', 'webhook-id': 'evt_1' },
    body: '{"a":1}',
    timeoutMs: 2000,
    connectTimeoutMs: 1000,
    requireHttps: false,
    allowPrivate: true,
    ...over,
  });

  it('counts any 2xx as success and sends the exact bytes and headers', async () => {
    handler = (_q, res) => res.writeHead(204).end();
    const r = await sendWebhook(request('/hook?x=1'));
    expect(r).toMatchObject({ outcome: 'success', status: 204 });
    expect(hits).toEqual([expect.objectContaining({ path: '/hook?x=1', body: '{"a":1}' })]);
    expect(hits[0].headers['webhook-id']).toBe('evt_1');
  });

  it('does not follow redirects: a 3xx is a failure', async () => {
    handler = (q, res) =>
      q.url === '/moved'
        ? res.writeHead(301, { location: `${base}/target` }).end()
        : res.writeHead(200).end();
    const r = await sendWebhook(request('/moved'));
    expect(r).toMatchObject({ outcome: 'http_3xx', status: 301 });
    expect(hits.map((h) => h.path)).toEqual(['/moved']);
  });

  it('classifies 4xx / 5xx and reads Retry-After only on 429 / 503', async () => {
    handler = (_q, res) => res.writeHead(429, { 'retry-after': '7' }).end('slow down');
    expect(await sendWebhook(request('/'))).toMatchObject({
      outcome: 'http_4xx',
      status: 429,
      retryAfterMs: 7000,
    });
    handler = (_q, res) => res.writeHead(503, { 'retry-after': '2' }).end();
    expect(await sendWebhook(request('/'))).toMatchObject({
      outcome: 'http_5xx',
      status: 503,
      retryAfterMs: 2000,
    });
    handler = (_q, res) => res.writeHead(500, { 'retry-after': '9' }).end();
    const r = await sendWebhook(request('/'));
    expect(r).toMatchObject({ outcome: 'http_5xx', status: 500 });
    expect(r.retryAfterMs).toBeUndefined();
    handler = (_q, res) => res.writeHead(404).end();
    expect(await sendWebhook(request('/'))).toMatchObject({ outcome: 'http_4xx', status: 404 });
  });

  it('times out a receiver that never answers', async () => {
    handler = () => undefined;
    const r = await sendWebhook(request('/', { timeoutMs: 300 }));
    expect(r.outcome).toBe('timeout');
    // a receiver that never answers: only the 300 ms timeout can have ended the call
    expect(r.durationMs).toBeGreaterThanOrEqual(290);
  });

  it('reports a refused connection as a network failure', async () => {
    const r = await sendWebhook(request('/', { url: 'http://127.0.0.1:1/hook' }));
    expect(r.outcome).toBe('network');
  });

  it('stops reading a response after 64 KiB', async () => {
    handler = (_q, res) => {
      res.writeHead(200);
      res.end(Buffer.alloc(512 * 1024, 'x'));
    };
    expect(await sendWebhook(request('/'))).toMatchObject({ outcome: 'success', status: 200 });
  });

  it('refuses private targets unless allowed, including names that resolve to them', async () => {
    handler = (_q, res) => res.writeHead(200).end();
    expect(await sendWebhook(request('/', { allowPrivate: false }))).toMatchObject({
      outcome: 'blocked_target',
    });
    const port = new URL(base).port;
    expect(
      await sendWebhook(request('/', { url: `http://localhost:${port}/`, allowPrivate: false })),
    ).toMatchObject({
      outcome: 'blocked_target',
    });
    expect(hits).toHaveLength(0);
    expect(
      await sendWebhook(request('/', { url: `http://localhost:${port}/`, allowPrivate: true })),
    ).toMatchObject({ outcome: 'success' });
  });

  it('refuses http when https is required', async () => {
    expect(await sendWebhook(request('/', { requireHttps: true }))).toMatchObject({
      outcome: 'blocked_target',
      detail: 'https_required',
    });
  });
});
