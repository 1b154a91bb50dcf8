import type { IncomingHttpHeaders } from 'node:http';

/** RFC 9110 §7.6.1 connection-specific headers, plus the ones a proxy must not pass on. */
const HOP_BY_HOP = new Set([
  'connection',
  'keep-alive',
  'proxy-connection',
  'proxy-authenticate',
  'proxy-authorization',
  'te',
  'trailer',
  'transfer-encoding',
  'upgrade',
  'http2-settings',
]);

/** The headers without hop-by-hop ones and without those the `connection` header names. */
export function withoutHopByHop<T extends IncomingHttpHeaders | Record<string, unknown>>(
  headers: T,
  drop: readonly string[] = [],
): T {
  const named = String(headers.connection ?? '')
    .split(',')
    .map((h) => h.trim().toLowerCase())
    .filter(Boolean);
  const out: Record<string, unknown> = {};
  for (const [name, value] of Object.entries(headers)) {
    const lower = name.toLowerCase();
    if (HOP_BY_HOP.has(lower) || named.includes(lower) || drop.includes(lower) || value === undefined)
      continue;
    out[name] = value;
  }
  return out as T;
}
