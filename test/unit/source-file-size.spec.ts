import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';

const ROOT = join(__dirname, '..', '..');
const MAX_LINES = 300;

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return entry.name === 'node_modules' ? [] : sourceFiles(path);
    return entry.name.endsWith('.ts') && !entry.name.endsWith('.spec.ts') ? [path] : [];
  });
}

/** Small files with names that say what they hold (docs/adr/0197-source-files-at-most-300-lines.md). */
describe('source file size', () => {
  it(`keeps every source file under apps/ and libs/ at ${MAX_LINES} lines or fewer`, () => {
    const tooLong = ['apps', 'libs']
      .flatMap((top) => sourceFiles(join(ROOT, top)))
      .map((path) => ({ file: relative(ROOT, path).split('\\').join('/'), path }))
      .map(({ file, path }) => ({ file, lines: readFileSync(path, 'utf8').split('\n').length - 1 }))
      .filter(({ lines }) => lines > MAX_LINES);
    expect(tooLong).toEqual([]);
  });
});
