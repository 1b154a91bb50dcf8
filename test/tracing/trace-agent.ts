import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { decode } from '@msgpack/msgpack';

/** One span as dd-trace sends it to the agent (v0.4 msgpack payload); ids as decimal strings. */
export interface AgentSpan {
  trace_id: string;
  span_id: string;
  parent_id: string;
  name: string;
  resource: string;
  service: string;
  type?: string;
  error: number;
  meta: Record<string, string>;
  metrics: Record<string, number>;
}

export interface StandInAgent {
  url: string;
  spans(): AgentSpan[];
  close(): Promise<void>;
}

const id = (v: unknown): string =>
  typeof v === 'bigint' || typeof v === 'number' ? BigInt(v).toString() : String(v);

/**
 * A stand-in Datadog agent on a free loopback port: decodes `PUT /v0.4/traces` (an array of traces, each an
 * array of span maps; 64-bit ids kept exact as BigInt) with @msgpack/msgpack and answers every other agent
 * endpoint (`/info`, telemetry, DogStatsD proxy) as a real agent would not mind: 200 `{}`.
 */
export async function startStandInAgent(): Promise<StandInAgent> {
  const spans: AgentSpan[] = [];
  const server: Server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      if (req.method === 'PUT' && req.url === '/v0.4/traces') {
        const traces = decode(Buffer.concat(chunks), { useBigInt64: true }) as Array<
          Array<Record<string, unknown>>
        >;
        for (const trace of traces)
          for (const s of trace)
            spans.push({
              trace_id: id(s.trace_id),
              span_id: id(s.span_id),
              parent_id: id(s.parent_id),
              name: String(s.name),
              resource: String(s.resource),
              service: String(s.service),
              type: s.type === undefined ? undefined : String(s.type),
              error: Number(s.error ?? 0),
              meta: (s.meta ?? {}) as Record<string, string>,
              metrics: Object.fromEntries(
                Object.entries((s.metrics ?? {}) as Record<string, unknown>).map(([k, v]) => [k, Number(v)]),
              ),
            });
        res.writeHead(200, { 'content-type': 'application/json' });
        res.end('{"rate_by_service":{}}');
        return;
      }
      res.writeHead(req.url === '/info' ? 404 : 200, { 'content-type': 'application/json' });
      res.end('{}');
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    spans: () => [...spans],
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}
