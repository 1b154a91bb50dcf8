/**
 * P1/P2 baseline of `npm run bench`: a bare Fastify server (no Nest, no guards, no logging) doing what the
 * BFF's search does for one place pair — the same 12go client library against the same sandbox and the
 * same mapper (apps/connect-api/src/search/search.mapper.ts). `GET /search?from=4055s&to=4s&date=…&pax=1`.
 * Listens on an ephemeral port and prints `{"port":n}` on stdout.
 */
import { HttpService } from '@nestjs/axios';
import axios from 'axios';
import Fastify from 'fastify';
import { TwelveGoClient } from '../../libs/twelvego-client/src';
import { mapSearchResponses } from '../../apps/connect-api/src/search/search.mapper';

const silent = {
  log: () => undefined,
  warn: () => undefined,
  error: () => undefined,
  debug: () => undefined,
};

async function main(): Promise<void> {
  const baseUrl = process.env.TWELVEGO_BASE_URL;
  if (!baseUrl) throw new Error('TWELVEGO_BASE_URL is required');
  const apiKey = process.env.TWELVEGO_API_KEY ?? 'sandbox-key-1';
  const client = new TwelveGoClient({ baseUrl, logger: silent }, new HttpService(axios.create()));
  const app = Fastify({ logger: false });
  app.get('/search', async (request, reply) => {
    const q = request.query as Record<string, string>;
    const pax = Number(q.pax ?? 1);
    const response = await client.search({ apiKey }, { from: q.from, to: q.to, date: q.date, seats: pax });
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
