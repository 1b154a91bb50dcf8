/**
 * Converts a 12go PCRE pattern with delimiters and flags (`/^[\pL\s'.-]{2,30}$/u`) into a JS RegExp
 * (docs/upstream-12go.md#checkout-field-sets: `\pL` → `\p{L}`, `\x{HHHH}` → `\u{HHHH}`, trailing flags kept). Null when unusable.
 */
export function pcreToRegExp(pattern: string): RegExp | null {
  const m = /^(.)([\s\S]*)\1([a-zA-Z]*)$/.exec(pattern);
  if (!m) return null;
  let body = m[2]
    .replace(/\\pL/g, '\\p{L}')
    .replace(/\\PL/g, '\\P{L}')
    .replace(/\\x\{([0-9a-fA-F]+)\}/g, '\\u{$1}');
  let flags = [...new Set(m[3].split('').filter((f) => 'imsu'.includes(f)))].join('');
  if (/\\[pP]\{|\\u\{/.test(body) && !flags.includes('u')) flags += 'u';
  if (flags.includes('x')) body = body.replace(/\s+/g, '');
  try {
    return new RegExp(body, flags);
  } catch {
    return null;
  }
}
