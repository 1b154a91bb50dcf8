/** docs/platform.md#logs-and-redaction: what never reaches a log line. */

const SECRET_PROPS = [
  'api_key',
  'apiKey',
  'twelvego_api_key',
  'twelvegoApiKey',
  'k',
  'secret',
  'secrets',
  'token',
  'password',
  'hash',
];
const HEADER_PROPS = ['x-api-key', 'authorization', 'cookie', 'set-cookie'];

const CENSOR = '[REDACTED]';
/** Secret properties and credential headers, censored at any depth (HTTP header names are lower-case). */
const REDACTED_KEYS = new Set([...SECRET_PROPS, ...HEADER_PROPS]);
/** Deeper than any log object we write; the old wildcard paths reached the fourth level. */
const MAX_REDACT_DEPTH = 8;

/**
 * Log objects (pino `formatters.log`/`bindings`): every secret property value anywhere becomes
 * `[REDACTED]`. Copy-on-write: the caller's objects are never changed, and an object without secrets is
 * returned as it is, so a typical log line costs one walk and no allocation. (pino's path-based `redact`
 * with `*.*.*` wildcards ran its stringifier over every value of every line: about a quarter of a
 * millisecond per request at this service's log volume.)
 */
/**
 * pino serializers censoring the secret keys at the top level: pino runs serializers on child-logger
 * bindings, which its `formatters` never see.
 */
export const SECRET_KEY_SERIALIZERS: Record<string, () => string> = Object.fromEntries(
  [...REDACTED_KEYS].map((key) => [key, () => CENSOR]),
);

export function redactSecrets<T>(value: T): T {
  return redactValue(value, 0, false) as T;
}

/** The same for a serialised error (pino's error objects have their own prototype). */
export function redactSerializedError<T>(value: T): T {
  return redactValue(value, 0, true) as T;
}

function redactValue(value: unknown, depth: number, anyObject: boolean): unknown {
  if (value === null || typeof value !== 'object' || depth > MAX_REDACT_DEPTH) return value;
  if (Array.isArray(value)) {
    let copy: unknown[] | undefined;
    for (let i = 0; i < value.length; i++) {
      const item: unknown = value[i];
      const redacted = redactValue(item, depth + 1, false);
      if (redacted !== item) (copy ??= value.slice())[i] = redacted;
    }
    return copy ?? value;
  }
  // Plain data and errors are walked; class instances (a request, a socket, a Buffer) are left to their
  // serializers and the line scrubber: walking them would be slow and they may be circular.
  const proto: unknown = Object.getPrototypeOf(value);
  if (!anyObject && proto !== Object.prototype && proto !== null && !(value instanceof Error)) return value;
  const record = value as Record<string, unknown>;
  let copy: Record<string, unknown> | undefined;
  for (const key of Object.keys(record)) {
    const item = record[key];
    const redacted =
      REDACTED_KEYS.has(key) && item !== undefined ? CENSOR : redactValue(item, depth + 1, false);
    if (redacted !== item) (copy ??= { ...record })[key] = redacted;
  }
  return copy ?? value;
}

const PERSONAL_KEY =
  /(first_name|last_name|middle_name|(^|[[_.])name\]?$|email|mobile|phone|id_no|id_number|passport|dob|birth|id_scan|id_exp_date|id_issue_date|address)/i;

/** Query parameters whose values are credentials (a client may misplace its API key into the URL). */
const SECRET_QUERY_PARAM =
  /([?&](?:k|x-api-key|x_api_key|api[-_]?key|apikey|authorization|token|access_token|secret|password)=)[^&#\s]*/gi;

/** The same inside a serialised JSON line (a value ends at a quote or an escape too). */
const SECRET_QUERY_PARAM_IN_JSON =
  /([?&](?:k|x-api-key|x_api_key|api[-_]?key|apikey|authorization|token|access_token|secret|password)=)[^&"\s\\#]*/gi;

/** Removes credential query values (12go's `k`, a misplaced API key) and masks the webhook path secret. */
export function sanitizeUrl(url: string | undefined): string | undefined {
  if (!url) return url;
  return url
    .replace(SECRET_QUERY_PARAM, '$1[REDACTED]')
    .replace(/\/webhooks\/12go\/[^/?#\s]+/g, '/webhooks/12go/***');
}

/** Recursive sanitiser for bodies logged at debug: personal-data values become `[REDACTED]`. */
export function sanitizePersonalData(value: unknown, depth = 0): unknown {
  if (depth > 12) return '[TRUNCATED]';
  if (Array.isArray(value)) return value.map((v) => sanitizePersonalData(v, depth + 1));
  if (value && typeof value === 'object') {
    const out: Record<string, unknown> = {};
    for (const [key, v] of Object.entries(value as Record<string, unknown>)) {
      if (PERSONAL_KEY.test(key) || SECRET_PROPS.includes(key)) out[key] = '[REDACTED]';
      else out[key] = sanitizePersonalData(v, depth + 1);
    }
    return out;
  }
  return value;
}

/**
 * Last line of defence on every serialized log line: removes `k=` query values and any configured
 * secret (12go keys, webhook secrets) wherever it appears. The client registry feeds it on each load.
 */
export class SecretScrubber {
  private secrets: string[] = [];

  setSecrets(values: Iterable<string>): void {
    this.secrets = [...new Set([...values].filter((s) => s.length >= 6))].sort((a, b) => b.length - a.length);
  }

  scrub(line: string): string {
    let out = line.replace(SECRET_QUERY_PARAM_IN_JSON, '$1[REDACTED]');
    for (const secret of this.secrets) if (out.includes(secret)) out = out.split(secret).join('[REDACTED]');
    return out;
  }
}
