import Ajv2020 from 'ajv/dist/2020';
import addFormats from 'ajv-formats';
import { readFileSync } from 'node:fs';
import { request as httpRequest } from 'node:http';
import { join } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { parse as parseYaml } from 'yaml';

/** The partner contract's OpenAPI document (test/fixtures/README.md). */
const SPEC = join(__dirname, '..', 'fixtures', 'contract', 'client-api.openapi.yaml');

/** Validators for the master-data schemas of client-api.openapi.yaml. */
export function openApiValidators() {
  const doc = parseYaml(readFileSync(process.env.CLIENT_API_OPENAPI ?? SPEC, 'utf8')) as Record<
    string,
    unknown
  >;
  const ajv = new Ajv2020({ strict: false, allErrors: true });
  addFormats(ajv);
  ajv.addSchema({ ...doc, $id: 'client-api' }, 'client-api');
  const arrayOf = (name: string) =>
    ajv.compile({ type: 'array', items: { $ref: `client-api#/components/schemas/${name}` } });
  return {
    stations: arrayOf('Station'),
    operating_carriers: arrayOf('OperatingCarrier'),
    pois: arrayOf('Poi'),
    error: ajv.compile({ $ref: 'client-api#/components/schemas/Error' }),
    url: ajv.compile({ type: 'string', format: 'uri' }),
  };
}

export interface RawResponse {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  /** Body as sent (still gzipped when content-encoding is gzip). */
  raw: Buffer;
  /** Decoded body text. */
  text: string;
  json<T = unknown>(): T;
}

/** A GET over node:http, so compression and conditional headers are exactly what the test sends. */
export function rawGet(url: string, headers: Record<string, string> = {}): Promise<RawResponse> {
  return new Promise((resolve, reject) => {
    const req = httpRequest(url, { method: 'GET', headers }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () => {
        const raw = Buffer.concat(chunks);
        const decoded = res.headers['content-encoding'] === 'gzip' ? gunzipSync(raw) : raw;
        const text = decoded.toString('utf8');
        resolve({
          status: res.statusCode ?? 0,
          headers: res.headers,
          raw,
          text,
          json: () => JSON.parse(text),
        });
      });
      res.on('error', reject);
    });
    req.on('error', reject);
    req.end();
  });
}

/** Polls until `fn` returns a value (not undefined) or the time is up. */
export async function eventually<T>(
  fn: () => Promise<T | undefined>,
  timeoutMs = 15_000,
  stepMs = 100,
): Promise<T> {
  const end = Date.now() + timeoutMs;
  let last: unknown;
  for (;;) {
    try {
      const v = await fn();
      if (v !== undefined) return v;
    } catch (e) {
      last = e;
    }
    if (Date.now() > end)
      throw new Error(`condition not met within ${timeoutMs} ms${last ? `: ${String(last)}` : ''}`);
    await new Promise((r) => setTimeout(r, stepMs));
  }
}
