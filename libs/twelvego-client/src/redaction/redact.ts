export const REDACTED = '[REDACTED]';

/** Secrets shorter than this are not searched for literally (too many false hits, nothing to hide). */
const MIN_SECRET_LENGTH = 4;

const K_PARAM = /([?&;]k=)[^&#\s"'<>]*/gi;

/** Removes the `k` query parameter from a URL (absolute or path); other parameters are kept. */
export function redactUrl(url: string): string {
  const hash = url.indexOf('#');
  const base = hash >= 0 ? url.slice(0, hash) : url;
  const q = base.indexOf('?');
  if (q < 0) return base;
  const kept = base
    .slice(q + 1)
    .split('&')
    .filter((pair) => pair !== '' && pair.split('=')[0]?.toLowerCase() !== 'k');
  return kept.length > 0 ? `${base.slice(0, q)}?${kept.join('&')}` : base.slice(0, q);
}

/** Replaces every `k=` query value and every literal occurrence of the given secrets. */
export function redactText(text: string, secrets: ReadonlyArray<string | undefined> = []): string {
  let out = text.replace(K_PARAM, `$1${REDACTED}`);
  for (const secret of secrets) {
    if (!secret || secret.length < MIN_SECRET_LENGTH) continue;
    out = out.split(secret).join(REDACTED);
    const encoded = encodeURIComponent(secret);
    if (encoded !== secret) out = out.split(encoded).join(REDACTED);
  }
  return out;
}

/** The first `max` characters of a body for an error, secrets redacted. */
export function redactedSnippet(text: string, secrets: ReadonlyArray<string | undefined>, max = 200): string {
  const head = text.slice(0, max * 4);
  return redactText(head, secrets).slice(0, max);
}
