/**
 * PCRE (PHP, with delimiters) → ECMAScript pattern for the `u` flag (docs/contract/booking-schema.md#patterns).
 * Returns `null` when the pattern cannot be translated; the caller drops it and logs `regexp_dropped`.
 */
export function translatePcre(source: string): string | null {
  const split = splitDelimiters(source);
  if (!split) return null;
  const { body, flags } = split;
  if (!/^[A-Za-z]*$/.test(flags)) return null;
  if (/[ix]/.test(flags)) return null;
  if (/\[:[A-Za-z]+:\]/.test(body)) return null;
  const rewritten = rewriteEscapes(body);
  try {
    new RegExp(rewritten, 'u');
  } catch {
    return null;
  }
  return rewritten;
}

function splitDelimiters(source: string): { body: string; flags: string } | null {
  if (source.startsWith('\\/')) return cut(source, '\\/');
  const first = source.charAt(0);
  if (first === '' || /[A-Za-z0-9\\\s^([]/.test(first)) return { body: source, flags: '' };
  return cut(source, first);
}

function cut(source: string, delimiter: string): { body: string; flags: string } | null {
  const last = source.lastIndexOf(delimiter);
  if (last < delimiter.length) return null;
  return { body: source.slice(delimiter.length, last), flags: source.slice(last + delimiter.length) };
}

const KEPT_PUNCTUATION = new Set([
  '^',
  '$',
  '\\',
  '.',
  '*',
  '+',
  '?',
  '(',
  ')',
  '[',
  ']',
  '{',
  '}',
  '|',
  '/',
  '-',
]);

function rewriteEscapes(body: string): string {
  let out = '';
  for (let i = 0; i < body.length; i++) {
    const ch = body[i];
    if (ch !== '\\' || i + 1 >= body.length) {
      out += ch;
      continue;
    }
    const next = body[i + 1];
    const hex = next === 'x' ? /^\{([0-9A-Fa-f]+)\}/.exec(body.slice(i + 2)) : null;
    if (hex) {
      out += `\\u{${hex[1]}}`;
      i += 1 + hex[0].length;
    } else if ((next === 'p' || next === 'P') && /^[A-Za-z]$/.test(body[i + 2] ?? '')) {
      out += `\\${next}{${body[i + 2]}}`;
      i += 2;
    } else if (next === 'A') {
      out += '^';
      i += 1;
    } else if (next === 'z' || next === 'Z') {
      out += '$';
      i += 1;
    } else if (!/[A-Za-z0-9]/.test(next) && !KEPT_PUNCTUATION.has(next)) {
      out += next;
      i += 1;
    } else {
      out += ch + next;
      i += 1;
    }
  }
  return out;
}
