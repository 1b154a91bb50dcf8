import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { createServer, type IncomingHttpHeaders, type Server } from 'node:http';
import { join } from 'node:path';
import { REPO_ROOT } from '../../support/local-env';

/** The recorded legacy search answer served for every search (test/fixtures/search-poc). */
export const LEGACY_SEARCH_FILE = join(
  REPO_ROOT,
  'test/fixtures/search-poc/station-to-station.response.json',
);
export const LEGACY_SEARCH_BYTES = readFileSync(LEGACY_SEARCH_FILE);
export const sha256 = (b: Buffer | string) => createHash('sha256').update(b).digest('hex');

export interface ReceivedRequest {
  method: string;
  url: string;
  headers: IncomingHttpHeaders;
  body: Buffer;
}

export interface LegacyStandIn {
  url: string;
  received: ReceivedRequest[];
  /** Milliseconds before each answer's headers are written. */
  delayMs: number;
  close(): Promise<void>;
}

/**
 * A stand-in for the legacy Travelier Connect system: answers searches with a recorded legacy response
 * (bytes as recorded), static data with a small list, POSTs with a digest of the body it received, and
 * keeps every request it saw.
 */
export async function startLegacyStandIn(): Promise<LegacyStandIn> {
  const received: ReceivedRequest[] = [];
  const state = { delayMs: 0 };
  const server: Server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const body = Buffer.concat(chunks);
      received.push({ method: req.method ?? '', url: req.url ?? '', headers: req.headers, body });
      const answer = () => {
        const common = {
          'x-legacy-server': 'stand-in',
          'travelier-version': '2023-07-01',
          'x-correlation-id': String(req.headers['x-correlation-id'] ?? ''),
        };
        const path = (req.url ?? '').split('?')[0];
        if (req.method === 'GET' && /^\/v1\/[^/]+\/itineraries$/.test(path)) {
          res.writeHead(200, {
            ...common,
            'content-type': 'application/json',
            'content-length': LEGACY_SEARCH_BYTES.length,
          });
          res.end(LEGACY_SEARCH_BYTES);
        } else if (req.method === 'POST') {
          const out = JSON.stringify({
            legacy: true,
            received_sha256: sha256(body),
            received_bytes: body.length,
          });
          res.writeHead(201, { ...common, 'content-type': 'application/json' });
          res.end(out);
        } else if (req.method === 'GET' && /^\/v1\/[^/]+\/itineraries\/.+/.test(path)) {
          res.writeHead(200, { ...common, 'content-type': 'application/json' });
          res.end(JSON.stringify({ id: 'legacy-itinerary', booking_token: 'legacy-token' }));
        } else {
          res.writeHead(404, { ...common, 'content-type': 'application/json' });
          res.end(JSON.stringify({ error: { code: 'not_found' } }));
        }
      };
      if (state.delayMs > 0) setTimeout(answer, state.delayMs).unref();
      else answer();
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const port = (server.address() as { port: number }).port;
  return {
    url: `http://127.0.0.1:${port}`,
    received,
    get delayMs() {
      return state.delayMs;
    },
    set delayMs(v: number) {
      state.delayMs = v;
    },
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
