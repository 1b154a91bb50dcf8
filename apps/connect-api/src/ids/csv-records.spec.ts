import { parseCsv } from './csv-records';

describe('parseCsv', () => {
  it('reads LF and CRLF records with their line numbers and skips blank lines', () => {
    const r = parseCsv('a,b,c\r\n1,2,3\n\n4,5,6\n');
    expect(r.errors).toEqual([]);
    expect(r.records).toEqual([
      { line: 1, fields: ['a', 'b', 'c'] },
      { line: 2, fields: ['1', '2', '3'] },
      { line: 4, fields: ['4', '5', '6'] },
    ]);
  });

  it('handles quotes, escaped quotes, commas and newlines inside quotes', () => {
    const r = parseCsv('"x,1","say ""hi""","two\nlines"\nnext,row,here');
    expect(r.records).toEqual([
      { line: 1, fields: ['x,1', 'say "hi"', 'two\nlines'] },
      { line: 3, fields: ['next', 'row', 'here'] },
    ]);
  });

  it('numbers records after a CRLF inside quotes by file line', () => {
    expect(parseCsv('a,b\r\n"x\r\ny",2\r\n3,4\r\n').records).toEqual([
      { line: 1, fields: ['a', 'b'] },
      { line: 2, fields: ['x\ny', '2'] },
      { line: 4, fields: ['3', '4'] },
    ]);
  });

  it('drops a BOM and keeps a last line without newline', () => {
    expect(parseCsv('\ufeffh1,h2\nv1,v2').records).toEqual([
      { line: 1, fields: ['h1', 'h2'] },
      { line: 2, fields: ['v1', 'v2'] },
    ]);
  });

  it('reports a malformed record and keeps the others', () => {
    const r = parseCsv('a,b\nx"y,2\n3,4\n"q"z,5\n');
    expect(r.records).toEqual([
      { line: 1, fields: ['a', 'b'] },
      { line: 3, fields: ['3', '4'] },
    ]);
    expect(r.errors.map((e) => e.line)).toEqual([2, 4]);
  });

  it('reports an unterminated quote', () => {
    const r = parseCsv('a,b\n1,2\n"open,3\n4,5\n');
    expect(r.records).toHaveLength(2);
    expect(r.errors).toEqual([{ line: 3, reason: 'unterminated quoted field' }]);
  });
});
