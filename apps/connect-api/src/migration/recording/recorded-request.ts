import { withFakePii } from './pii-fakes';

/** Request headers a recording keeps (never credentials: the key travels as its key id). */
export const RECORDED_HEADERS = [
  'accept',
  'accept-language',
  'content-type',
  'travelier-version',
  'x-api-experiment',
];

/** One line of a recording (JSONL), also what the replay CLI reads. */
export interface RecordedRequest {
  v: 1;
  at: string;
  client_id: string;
  /** The id of the API key the partner used (`api_keys[].id`); the replay maps it to a key locally. */
  key_id: string;
  method: string;
  /** Path without the query, e.g. `/v1/acme/itineraries`. */
  path: string;
  /** The raw query string without `?` (order and `[]` kept), empty when none. */
  query: string;
  headers: Record<string, string>;
  /** The JSON body with PII faked; null when none, not JSON or (proxied) larger than 1 MiB. */
  body: unknown;
}

export interface RecordInput {
  at: Date;
  clientId: string;
  keyId: string;
  method: string;
  url: string;
  headers: Record<string, string | string[] | undefined>;
  body: unknown;
}

export function toRecordedRequest(input: RecordInput): RecordedRequest {
  const q = input.url.indexOf('?');
  const headers: Record<string, string> = {};
  for (const name of RECORDED_HEADERS) {
    const v = input.headers[name];
    if (v !== undefined) headers[name] = Array.isArray(v) ? v.join(', ') : v;
  }
  const body = input.body !== null && typeof input.body === 'object' ? withFakePii(input.body) : null;
  return {
    v: 1,
    at: input.at.toISOString(),
    client_id: input.clientId,
    key_id: input.keyId,
    method: input.method,
    path: q >= 0 ? input.url.slice(0, q) : input.url,
    query: q >= 0 ? input.url.slice(q + 1) : '',
    headers,
    body,
  };
}
