/**
 * Baselines of `npm run bench`: a bare Fastify server (no Nest, no guards, no logging) doing what the BFF's
 * search does for one place pair, against the same sandbox and with the same mapper
 * (apps/connect-api/src/contract/itinerary/search.mapper.ts). `GET /search?from=4055s&to=4s&date=…&pax=1`.
 * `BASELINE_TRANSPORT` picks how 12go is fetched:
 * - `client` (default, P1/P2): the project's TwelveGoClient (undici, breakers, retries, typed errors);
 * - `undici` (P1c): the minimal pipeline — an undici Pool, `request()`, gunzip, `JSON.parse`;
 * - `axios` (P1b): the previous transport — axios on a keep-alive agent, decompressed text, `JSON.parse`.
 * `GET /health/ready` answers 200 once 12go answers (P5's baseline cold start).
 * Listens on an ephemeral port (or PORT) and prints `{"port":n}` on stdout.
 */
import { createHmac } from 'node:crypto';
import * as http from 'node:http';
import { gunzipSync } from 'node:zlib';
import axios from 'axios';
import Fastify from 'fastify';
import { Pool } from 'undici';
import { TwelveGoClient, type TwelveGoSearchResponse } from '../../libs/twelvego-client/src';
import { mapSearchResponses } from '../../apps/connect-api/src/contract/itinerary/search.mapper';

const silent = {
  log: () => undefined,
  warn: () => undefined,
  error: () => undefined,
  debug: () => undefined,
};

type Fetch = (from: string, to: string, date: string, seats: number) => Promise<TwelveGoSearchResponse>;

function searchPath(apiKey: string, from: string, to: string, date: string, seats: number): string {
  const enc = encodeURIComponent;
  return `/search/${enc(from)}/${enc(to)}/${enc(date)}?seats=${seats}&direct=true&k=${enc(apiKey)}`;
}

function fetcher(transport: string, baseUrl: string, apiKey: string): Fetch {
  const headers = { accept: 'application/json', 'accept-encoding': 'gzip' };
  if (transport === 'undici') {
    const pool = new Pool(new URL(baseUrl).origin, { connections: 128 });
    return async (from, to, date, seats) => {
      const res = await pool.request({
        path: searchPath(apiKey, from, to, date, seats),
        method: 'GET',
        headers,
      });
      const raw = Buffer.from(await res.body.arrayBuffer());
      const text = res.headers['content-encoding'] === 'gzip' ? gunzipSync(raw).toString() : raw.toString();
      if (res.statusCode !== 200) throw new Error(`12go answered ${res.statusCode}`);
      return JSON.parse(text) as TwelveGoSearchResponse;
    };
  }
  if (transport === 'axios') {
    const instance = axios.create({
      httpAgent: new http.Agent({ keepAlive: true, maxSockets: 128, maxFreeSockets: 32 }),
      responseType: 'text',
      transformResponse: [(body: unknown) => body],
      decompress: true,
      maxRedirects: 0,
    });
    return async (from, to, date, seats) => {
      const res = await instance.get<string>(`${baseUrl}${searchPath(apiKey, from, to, date, seats)}`, {
        headers,
      });
      return JSON.parse(res.data) as TwelveGoSearchResponse;
    };
  }
  const client = new TwelveGoClient({ baseUrl, logger: silent });
  return (from, to, date, seats) => client.search({ apiKey }, { from, to, date, seats });
}

async function main(): Promise<void> {
  const baseUrl = process.env.TWELVEGO_BASE_URL;
  if (!baseUrl) throw new Error('TWELVEGO_BASE_URL is required');
  const apiKey = process.env.TWELVEGO_API_KEY ?? 'sandbox-key-1';
  const search = fetcher(process.env.BASELINE_TRANSPORT ?? 'client', baseUrl, apiKey);
  const app = Fastify({ logger: false });
  // P5's baseline cold start ends at the first 200 here: 12go reachable, like the BFF's /health/ready.
  const health = new TwelveGoClient({ baseUrl, logger: silent, health: { cacheMs: 0 } });
  app.get('/health/ready', async (_request, reply) => {
    const ping = await health.ping();
    return reply.code(ping.up ? 200 : 503).send({ status: ping.up ? 'ready' : 'starting' });
  });
  app.get('/search', async (request, reply) => {
    const q = request.query as Record<string, string>;
    const pax = Number(q.pax ?? 1);
    const response = await search(q.from, q.to, q.date, pax);
    const body = mapSearchResponses([response], {
      pax,
      itineraryIdFormat: 'native',
      contractCode: '12go',
      searchTime: new Date().toISOString().replace(/\.\d{3}Z$/, 'Z'),
      markup: null,
      clientStationId: (id) => String(id),
      clientOperatorId: (id) => String(id),
    });
    reply.header('content-type', 'application/json; charset=utf-8');
    return JSON.stringify(body);
  });
  const hookSecret = process.env.BASELINE_WEBHOOK_SECRET;
  const receiverUrl = process.env.BASELINE_RECEIVER_URL;
  if (hookSecret && receiverUrl) {
    // P6's baseline: per inbound event read the booking, sign, POST to the partner — no queue, no owner lookup.
    const key = Buffer.from(hookSecret.slice('whsec_'.length), 'base64');
    const receiver = new URL(receiverUrl);
    const pool = new Pool(receiver.origin, { connections: 32 });
    app.post('/webhooks/bench', async (request, reply) => {
      const event = request.body as { bid: number; type: string; stamp: number };
      const booking = await health.getBookingDetails({ apiKey }, String(event.bid));
      const id = `evt_base_${event.bid}_${event.stamp}`;
      const ts = String(Math.floor(Date.now() / 1000));
      const payload = JSON.stringify({ id, type: 'booking.updated', data: booking });
      const sig = `v1,${createHmac('sha256', key).update(`${id}.${ts}.${payload}`).digest('base64')}`;
      const res = await pool.request({
        path: receiver.pathname,
        method: 'POST',
        headers: {
          'content-type': 'application/json',
          'webhook-id': id,
          'webhook-timestamp': ts,
          'webhook-signature': sig,
        },
        body: payload,
      });
      await res.body.dump();
      return reply.code(200).send({ delivered: res.statusCode });
    });
  }
  await app.listen({ port: Number(process.env.PORT ?? 0), host: '127.0.0.1' });
  const { port } = app.server.address() as { port: number };
  process.stdout.write(`${JSON.stringify({ port })}\n`);
  const stop = () => void app.close().finally(() => process.exit(0));
  process.once('SIGTERM', stop);
  process.once('SIGINT', stop);
}

void main().catch((e) => {
  process.stderr.write(`bench baseline: ${(e as Error).stack}\n`);
  process.exit(1);
});
