/**
 * docs/contract/README.md D21: the URL is a JSON string when `Accept` contains `application/json` and does not prefer
 * `text/plain`; otherwise (no Accept, `*\/*`, `text/plain`, anything else) it is plain text.
 */
export function wantsJsonString(accept: string | undefined): boolean {
  if (!accept) return false;
  let json = -1;
  let text = -1;
  for (const part of accept.split(',')) {
    const [rawType, ...params] = part.split(';').map((s) => s.trim());
    const type = rawType.toLowerCase();
    const qParam = params.find((p) => /^q\s*=/i.test(p));
    const q = qParam ? Number(qParam.split('=')[1]) : 1;
    const weight = Number.isFinite(q) ? q : 0;
    if (type === 'application/json') json = Math.max(json, weight);
    if (type === 'text/plain') text = Math.max(text, weight);
  }
  return json > 0 && json >= text;
}
