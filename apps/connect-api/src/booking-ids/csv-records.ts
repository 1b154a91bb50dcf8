/** One CSV record with the 1-based line on which it starts. */
export interface CsvRecord {
  line: number;
  fields: string[];
}

export interface CsvParseResult {
  records: CsvRecord[];
  /** Records that could not be parsed (an unterminated quote swallows the rest of the file). */
  errors: { line: number; reason: string }[];
}

/**
 * RFC 4180 reader: comma separator, `"` quoting with `""` escapes, LF or CRLF, quoted fields may span
 * lines. A UTF-8 BOM is dropped. Blank lines are skipped.
 */
export function parseCsv(text: string): CsvParseResult {
  const src = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  const records: CsvRecord[] = [];
  const errors: CsvParseResult['errors'] = [];
  let line = 1;
  let i = 0;
  while (i < src.length) {
    const startLine = line;
    const fields: string[] = [];
    let field = '';
    let quoted = false;
    let wasQuoted = false;
    let bad: string | null = null;
    for (; i < src.length; i++) {
      const ch = src[i];
      if (quoted) {
        if (ch === '"') {
          if (src[i + 1] === '"') {
            field += '"';
            i++;
          } else quoted = false;
        } else {
          if (ch === '\n') line++;
          field += ch;
        }
        continue;
      }
      if (ch === '"') {
        if (field === '' && !wasQuoted) {
          quoted = wasQuoted = true;
        } else bad ??= 'stray quote inside a field';
      } else if (ch === ',') {
        fields.push(field);
        field = '';
        wasQuoted = false;
      } else if (ch === '\n' || (ch === '\r' && src[i + 1] === '\n')) {
        if (ch === '\r') i++;
        i++;
        line++;
        break;
      } else if (wasQuoted) {
        bad ??= 'text after a closing quote';
      } else field += ch;
    }
    if (quoted) {
      errors.push({ line: startLine, reason: 'unterminated quoted field' });
      break;
    }
    fields.push(field);
    if (bad) errors.push({ line: startLine, reason: bad });
    else if (!(fields.length === 1 && fields[0] === '' && !wasQuoted))
      records.push({ line: startLine, fields });
  }
  return { records, errors };
}
