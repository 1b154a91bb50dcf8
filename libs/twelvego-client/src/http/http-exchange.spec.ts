import { createServer, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import * as zlib from 'node:zlib';
import { ExchangeFailure, HttpExchange } from './http-exchange';

/** The undici exchange against a real local server: content codings, deadlines, failures without the URL. */
let server: Server;
let baseUrl: string;
let handler: (res: ServerResponse, acceptEncoding: string | undefined) => void = (res) => res.end('{}');

beforeAll(async () => {
  server = createServer((req, res) => {
    req.resume();
    req.on('end', () => handler(res, req.headers['accept-encoding']));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  baseUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});

afterAll(async () => {
  server.closeAllConnections();
  await new Promise((resolve) => server.close(resolve));
});

let exchange: HttpExchange;
beforeEach(() => (exchange = new HttpExchange(4)));
afterEach(() => exchange.destroy());

const body = JSON.stringify({ trips: Array.from({ length: 50 }, (_, i) => ({ id: `t${i}`, note: 'é ✓' })) });
const encoded = (encoding: string, payload: Buffer) => (res: ServerResponse) => {
  res.writeHead(200, { 'content-type': 'application/json', 'content-encoding': encoding });
  res.end(payload);
};

describe('HttpExchange', () => {
  it('asks for gzip, deflate and br', async () => {
    let seen: string | undefined;
    handler = (res, accept) => {
      seen = accept;
      res.end('{}');
    };
    await exchange.send({ method: 'GET', url: `${baseUrl}/x?k=s`, headers: {} }, 1000);
    expect(seen).toBe('gzip, deflate, br');
  });

  it.each([
    ['gzip', zlib.gzipSync(body)],
    ['deflate', zlib.deflateSync(body)],
    ['deflate', zlib.deflateRawSync(body)],
    ['br', zlib.brotliCompressSync(body)],
  ])('decodes %s answers to UTF-8 text', async (encoding, payload) => {
    handler = encoded(encoding, payload);
    const answer = await exchange.send({ method: 'GET', url: `${baseUrl}/x`, headers: {} }, 1000);
    expect([answer.status, answer.text]).toEqual([200, body]);
  });

  it('decodes a large gzip answer (inflated asynchronously)', async () => {
    const big = JSON.stringify({
      rows: Array.from({ length: 40_000 }, (_, i) => `${i}-${(i * 7919) % 104729}`),
    });
    const payload = zlib.gzipSync(big, { level: 0 });
    expect(payload.length).toBeGreaterThan(256 * 1024);
    handler = encoded('gzip', payload);
    const answer = await exchange.send({ method: 'GET', url: `${baseUrl}/x`, headers: {} }, 5000);
    expect(answer.text).toBe(big);
  });

  it('a corrupt gzip body is a failure that does not carry the URL', async () => {
    handler = encoded('gzip', Buffer.from('not gzip at all'));
    const error = await exchange
      .send({ method: 'GET', url: `${baseUrl}/x?k=secret-key-123`, headers: {} }, 1000)
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ExchangeFailure);
    expect((error as ExchangeFailure).timedOut).toBe(false);
    expect(JSON.stringify(error) + String(error)).not.toContain('secret-key-123');
  });

  it('the deadline covers the body, not only the headers', async () => {
    handler = (res) => {
      res.writeHead(200, { 'content-type': 'application/json' });
      res.write('{"partial":'); // never ends
    };
    const error = await exchange
      .send({ method: 'GET', url: `${baseUrl}/x`, headers: {} }, 100)
      .catch((e: unknown) => e);
    expect([error instanceof ExchangeFailure, (error as ExchangeFailure).timedOut]).toEqual([true, true]);
  });

  it('does not follow redirects', async () => {
    handler = (res) => {
      res.writeHead(302, { location: `${baseUrl}/elsewhere` });
      res.end();
    };
    const answer = await exchange.send({ method: 'GET', url: `${baseUrl}/x?k=s`, headers: {} }, 1000);
    expect(answer.status).toBe(302);
  });
});
