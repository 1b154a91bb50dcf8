/** Faults of docs/upstream-12go.md#faults (request header) and docs/upstream-12go.md#admin-api (admin rules): parsing and canned bodies. */

export type BodyFault = 'truncate' | 'html' | 'empty' | 'notjson' | 'wrongshape';
const BODY_FAULTS = new Set<string>(['truncate', 'html', 'empty', 'notjson', 'wrongshape']);

export interface FaultAction {
  status?: number;
  delayMs?: number;
  /** A body corruption, or `json`/`html` to choose the format of an injected status. */
  body?: BodyFault | 'json';
  conn?: 'reset' | 'hang';
  execute?: boolean;
  headers?: Record<string, string>;
  retryAfterSec?: number;
  /** Webhook-sender rules only (docs/upstream-12go.md#webhook-sender). */
  webhook?: 'drop' | 'duplicate';
}

export const MAX_FAULT_DELAY_MS = 120_000;

/** Parses `X-Sandbox-Fault: status=503;delay=1500`; unknown keys and invalid values are ignored. */
export function parseFaultHeader(value: string | undefined): FaultAction | null {
  if (!value) return null;
  const action: FaultAction = {};
  for (const part of value.split(';')) {
    const eq = part.indexOf('=');
    if (eq < 0) continue;
    const key = part.slice(0, eq).trim().toLowerCase();
    const raw = part.slice(eq + 1).trim();
    switch (key) {
      case 'status': {
        const n = Number(raw);
        if (Number.isInteger(n) && n >= 400 && n <= 599) action.status = n;
        break;
      }
      case 'delay': {
        const n = Number(raw);
        if (Number.isFinite(n) && n >= 0) action.delayMs = Math.min(n, MAX_FAULT_DELAY_MS);
        break;
      }
      case 'body':
        if (BODY_FAULTS.has(raw.toLowerCase())) action.body = raw.toLowerCase() as BodyFault;
        break;
      case 'conn':
        if (raw === 'reset' || raw === 'hang') action.conn = raw;
        break;
      case 'execute':
        if (raw === 'true' || raw === 'false') action.execute = raw === 'true';
        break;
      case 'retryafter': {
        const n = Number(raw);
        if (Number.isInteger(n) && n >= 0) action.retryAfterSec = n;
        break;
      }
      default:
        break;
    }
  }
  return Object.keys(action).length ? action : null;
}

/** True when the action only delays (passes the request through afterwards). */
export function isDelayOnly(action: FaultAction): boolean {
  return action.status === undefined && action.body === undefined && action.conn === undefined;
}

const STATUS_TEXT: Record<number, string> = {
  400: 'Bad request',
  401: 'Invalid API key',
  403: 'Forbidden',
  404: 'Not found',
  409: 'Conflict',
  422: 'Unprocessable entity',
  429: 'Too many requests',
  502: 'Bad Gateway',
  503: 'Service Unavailable',
  504: 'Gateway Timeout',
};

export interface CannedResponse {
  status: number;
  contentType: string;
  body: string;
  headers: Record<string, string>;
}

export function proxyPage(status: number): string {
  const title = `${status} ${STATUS_TEXT[status] ?? 'Error'}`;
  return `<html>\r\n<head><title>${title}</title></head>\r\n<body>\r\n<center><h1>${title}</h1></center>\r\n<hr><center>nginx</center>\r\n</body>\r\n</html>\r\n`;
}

/** The canned answer of an injected status (docs/upstream-12go.md#faults): JSON error body, or an HTML proxy page for 502/504. */
export function cannedStatusResponse(action: FaultAction & { status: number }): CannedResponse {
  const { status } = action;
  const headers: Record<string, string> = {};
  if (status === 429) headers['retry-after'] = String(action.retryAfterSec ?? 1);
  else if (action.retryAfterSec !== undefined) headers['retry-after'] = String(action.retryAfterSec);
  const html = action.body === 'html' || ((status === 502 || status === 504) && action.body !== 'json');
  if (html) return { status, contentType: 'text/html; charset=utf-8', body: proxyPage(status), headers };
  const message = status >= 500 ? 'Internal server error' : (STATUS_TEXT[status] ?? 'Request failed');
  return {
    status,
    contentType: 'application/json; charset=utf-8',
    body: JSON.stringify({ messages: [message] }),
    headers,
  };
}

/** Corrupts a successful body (docs/upstream-12go.md#faults `body`). `isSearch` selects the wrong shape `{"trips":null}`. */
export function corruptBody(
  kind: BodyFault,
  payload: string,
  isSearch: boolean,
): { body: string; contentType: string } {
  switch (kind) {
    case 'truncate':
      return {
        body: payload.slice(0, Math.floor(payload.length / 2)),
        contentType: 'application/json; charset=utf-8',
      };
    case 'html':
      return {
        body: '<!DOCTYPE html><html><head><title>Maintenance</title></head><body><h1>We will be back soon</h1></body></html>',
        contentType: 'text/html; charset=utf-8',
      };
    case 'empty':
      return { body: '', contentType: 'application/json; charset=utf-8' };
    case 'notjson':
      return { body: 'OK: request processed', contentType: 'text/plain; charset=utf-8' };
    case 'wrongshape':
      return { body: isSearch ? '{"trips":null}' : '[]', contentType: 'application/json; charset=utf-8' };
  }
}

/** Glob on a path without query: `*` = one segment, `**` = any (docs/upstream-12go.md#admin-api). */
export function globToRegExp(glob: string): RegExp {
  let re = '';
  for (let i = 0; i < glob.length; i++) {
    const c = glob[i];
    if (c === '*') {
      if (glob[i + 1] === '*') {
        re += '.*';
        i++;
      } else re += '[^/]*';
    } else re += c.replace(/[.+?^${}()|[\]\\]/g, '\\$&');
  }
  return new RegExp(`^${re}$`);
}
