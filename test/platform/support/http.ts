/* eslint-disable @typescript-eslint/no-explicit-any -- JSON bodies and log lines are walked dynamically */
export interface CallOptions {
  key?: string | null;
  method?: string;
  headers?: Record<string, string>;
  body?: string;
}

export interface CallResult {
  status: number;
  headers: Headers;
  text: string;
  json: any;
}

/** One HTTP call to the BFF; `key: null` sends no x-api-key. */
export async function call(baseUrl: string, path: string, opts: CallOptions = {}): Promise<CallResult> {
  const headers: Record<string, string> = { ...(opts.headers ?? {}) };
  if (opts.key) headers['x-api-key'] = opts.key;
  const res = await fetch(`${baseUrl}${path}`, { method: opts.method ?? 'GET', headers, body: opts.body });
  const text = await res.text();
  let json: any;
  try {
    json = text ? JSON.parse(text) : undefined;
  } catch {
    json = undefined;
  }
  return { status: res.status, headers: res.headers, text, json };
}

export const UUID_V4 = /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;

/** The docs/contract/errors.md envelope with the per-request ids, so bodies can be compared across requests. */
export function withoutIds(json: any): any {
  const { correlation_id, request_id, ...rest } = json ?? {};
  return { ...rest, has_ids: typeof correlation_id === 'string' && typeof request_id === 'string' };
}
