import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

const ADR_DIR = join(__dirname, '..', '..', 'docs', 'adr');

/** docs/adr/README.md promises to list every decision record in the folder, and only those. */
describe('docs/adr/README.md', () => {
  const index = readFileSync(join(ADR_DIR, 'README.md'), 'utf8');
  const records = readdirSync(ADR_DIR).filter((f) => /^\d{4}-.+\.md$/.test(f));
  const linked = [...index.matchAll(/\]\((\d{4}-[^)]+\.md)\)/g)].map((m) => m[1]);

  it('links every record in the folder', () => {
    expect(records.filter((f) => !linked.includes(f))).toEqual([]);
  });

  it('links no record that is missing', () => {
    expect(linked.filter((f) => !records.includes(f))).toEqual([]);
  });

  it('gives every record its own number', () => {
    const numbers = records.map((f) => f.slice(0, 4));
    expect(numbers.filter((n, i) => numbers.indexOf(n) !== i)).toEqual([]);
  });
});
