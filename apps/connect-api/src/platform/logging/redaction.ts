/** operations.md §4.3: what never reaches a log line. */

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

function bracket(prop: string): string {
  return /^[A-Za-z_$][\w$]*$/.test(prop) ? `.${prop}` : `["${prop}"]`;
}

/** pino `redact` paths (wildcards cover the first three nesting levels). */
export const REDACT_PATHS: string[] = [
  ...HEADER_PROPS.flatMap((h) => [
    `req.headers${bracket(h)}`,
    `res.headers${bracket(h)}`,
    `headers${bracket(h)}`,
  ]),
  ...SECRET_PROPS.flatMap((p) =>
    [p, `*${bracket(p)}`, `*.*${bracket(p)}`, `*.*.*${bracket(p)}`].map((s) => s.replace(/^\./, '')),
  ),
];

const PERSONAL_KEY =
  /(first_name|last_name|middle_name|(^|[[_.])name\]?$|email|mobile|phone|id_no|id_number|passport|dob|birth|id_scan|id_exp_date|id_issue_date|address)/i;

/** Removes the `k` query value and masks the 12go webhook path secret. */
export function sanitizeUrl(url: string | undefined): string | undefined {
  if (!url) return url;
  return url
    .replace(/([?&]k=)[^&#\s]*/gi, '$1[REDACTED]')
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
    let out = line.replace(/([?&]k=)[^&"\s\\#]*/gi, '$1[REDACTED]');
    for (const secret of this.secrets) if (out.includes(secret)) out = out.split(secret).join('[REDACTED]');
    return out;
  }
}
