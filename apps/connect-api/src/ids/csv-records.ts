import { CsvError, parse } from 'csv-parse/sync';

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

/** Reasons carry no row content (the files hold client ids). */
const REASONS: Record<string, string> = {
  INVALID_OPENING_QUOTE: 'stray quote inside a field',
  CSV_INVALID_CLOSING_QUOTE: 'text after a closing quote',
  CSV_QUOTE_NOT_CLOSED: 'unterminated quoted field',
};

/**
 * RFC 4180 via csv-parse: comma separator, `"` quoting with `""` escapes, LF or CRLF (CRLF is read as LF,
 * also inside quoted fields), quoted fields may span lines. A UTF-8 BOM is dropped; blank lines are skipped.
 * A malformed record is reported with the line it starts on and reading resumes on the line after the
 * fault, so one bad row does not hide the rest of the file.
 */
export function parseCsv(text: string): CsvParseResult {
  const lines = text
    .replace(/^\uFEFF/, '')
    .replace(/\r\n/g, '\n')
    .split('\n');
  const records: CsvRecord[] = [];
  const errors: CsvParseResult['errors'] = [];
  let fromLine = 1;
  // Each pass consumes at least one line, so the loop ends after at most one pass per line.
  for (let pass = 0; pass <= lines.length && fromLine <= lines.length; pass++) {
    let lastLine = fromLine - 1;
    try {
      parse(lines.slice(fromLine - 1).join('\n'), {
        record_delimiter: '\n',
        relax_column_count: true,
        skip_empty_lines: true,
        on_record: (fields: string[], { lines: n }) => {
          const endLine = fromLine - 1 + n;
          const inner = fields.reduce((sum, f) => sum + f.split('\n').length - 1, 0);
          records.push({ line: endLine - inner, fields });
          lastLine = endLine;
          return null;
        },
      });
      break;
    } catch (err) {
      if (!(err instanceof CsvError)) throw err;
      let start = lastLine + 1;
      while (start < lines.length && lines[start - 1] === '') start++;
      errors.push({ line: start, reason: REASONS[err.code] ?? `malformed record (${err.code})` });
      if (err.code === 'CSV_QUOTE_NOT_CLOSED') break;
      fromLine = Math.max(fromLine - 1 + Number(err.lines), start) + 1;
    }
  }
  return { records, errors };
}
