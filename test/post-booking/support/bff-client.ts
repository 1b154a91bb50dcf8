import { ORDER } from '../../contract-audit/contract-key-order';

/** Minimal partner-side HTTP helpers for post-booking e2e tests. */
export interface BffResponse {
  status: number;
  headers: Headers;
  text: string;
  // eslint-disable-next-line @typescript-eslint/no-explicit-any -- bodies are asserted field by field
  json: any;
}

export async function bff(
  bffUrl: string,
  apiKey: string,
  method: string,
  path: string,
): Promise<BffResponse> {
  const res = await fetch(`${bffUrl}${path}`, { method, headers: { 'x-api-key': apiKey } });
  const text = await res.text();
  let json: BffResponse['json'];
  try {
    json = text ? JSON.parse(text) : undefined;
  } catch {
    json = undefined;
  }
  return { status: res.status, headers: res.headers, text, json };
}

/** The error body without the per-request ids, to compare two 404s. */
export function errorShape(r: BffResponse): unknown {
  const { correlation_id: _c, request_id: _r, ...rest } = r.json ?? {};
  return { status: r.status, body: rest };
}

export const BOOKING_KEYS = [...ORDER.booking].sort();

export async function waitFor<T>(fn: () => Promise<T>, ok: (v: T) => boolean, timeoutMs = 5000): Promise<T> {
  const end = Date.now() + timeoutMs;
  let v = await fn();
  while (!ok(v) && Date.now() < end) {
    await new Promise((r) => setTimeout(r, 50));
    v = await fn();
  }
  return v;
}
