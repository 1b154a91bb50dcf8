import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { basename, dirname, join, relative, resolve, sep } from 'node:path';

/**
 * The repository stands on its own: no test, script, config or comment reads or cites anything outside it.
 * A clone without siblings must run every suite, and every document a comment or a doc cites must exist.
 *
 * Left-over citations of the original design documents are re-pointed by
 * `node scripts/repoint-spec-citations.js` (see that script for the mapping).
 */

const ROOT = resolve(__dirname, '..', '..');
const SCANNED_ROOTS = ['apps', 'libs', 'test', 'scripts', '.ci', 'docker', 'config', 'docs'];
const SCANNED_FILES = ['README.md', 'package.json', 'jest.config.js', 'nest-cli.json', '.dockerignore'];
const TEXT_FILE = /\.(ts|js|mjs|cjs|json|md|ya?ml|sh|txt|env)$|^Dockerfile|^run$|^\.dockerignore$/;
const SKIPPED = [
  /(^|\/)(node_modules|dist|coverage)\//,
  // Verbatim copies of external data (test/fixtures/README.md says where they came from).
  /^test\/fixtures\/[^/]+\//,
  /^libs\/twelvego-client\/src\/__fixtures__\/[^/]+\.json$/,
  // This guard and the re-pointing script hold the patterns they look for.
  /^test\/unit\/repo-stands-alone\.spec\.ts$/,
  /^scripts\/repoint-spec-citations\.js$/,
];

export interface Problem {
  file: string;
  line: number;
  what: string;
}

function walk(rel: string, out: string[]): void {
  const abs = join(ROOT, rel);
  if (!existsSync(abs)) return;
  if (statSync(abs).isDirectory()) {
    for (const entry of readdirSync(abs)) walk(rel ? `${rel}/${entry}` : entry, out);
    return;
  }
  if (TEXT_FILE.test(basename(rel)) && !SKIPPED.some((re) => re.test(rel))) out.push(rel);
}

export function scannedFiles(): string[] {
  const files: string[] = [];
  for (const r of [...SCANNED_ROOTS, ...SCANNED_FILES]) walk(r, files);
  return files.sort();
}

/** GitHub's heading anchors of a markdown text (fenced code ignored, duplicates suffixed `-1`, `-2`, …). */
export function headingAnchors(markdown: string): Set<string> {
  const anchors = new Set<string>();
  const seen = new Map<string, number>();
  let fenced = false;
  for (const line of markdown.split('\n')) {
    if (/^\s*(```|~~~)/.test(line)) fenced = !fenced;
    const m = !fenced && /^#{1,6}\s+(.*?)\s*#*\s*$/.exec(line);
    if (!m) continue;
    const slug = m[1]
      .toLowerCase()
      .replace(/[^\p{L}\p{N}\s_-]/gu, '')
      .trim()
      .replace(/\s/g, '-');
    const n = seen.get(slug) ?? 0;
    seen.set(slug, n + 1);
    anchors.add(n ? `${slug}-${n}` : slug);
  }
  return anchors;
}

/** Paths of the repository a bare file name may mean: next to the citing file, at the root, under docs/ etc. */
function bareNameIndex(): Map<string, string[]> {
  const index = new Map<string, string[]>();
  const files: string[] = [];
  for (const r of ['docs', 'docker', 'test/fixtures']) walk(r, files);
  for (const r of ['test/fixtures']) {
    // the verbatim data sets are skipped by walk(); their file names still resolve
    const abs = join(ROOT, r);
    if (!existsSync(abs)) continue;
    for (const set of readdirSync(abs)) {
      const dir = join(abs, set);
      if (statSync(dir).isDirectory()) for (const f of readdirSync(dir)) files.push(`${r}/${set}/${f}`);
    }
  }
  for (const f of files) index.set(basename(f), [...(index.get(basename(f)) ?? []), f]);
  return index;
}

const anchorCache = new Map<string, Set<string>>();
function anchorsOf(rel: string): Set<string> {
  if (!anchorCache.has(rel)) anchorCache.set(rel, headingAnchors(readFileSync(join(ROOT, rel), 'utf8')));
  return anchorCache.get(rel)!;
}

function insideRoot(abs: string): boolean {
  const r = relative(ROOT, abs);
  return r === '' || (!r.startsWith('..') && !r.startsWith(sep) && !/^[A-Za-z]:/.test(r));
}

/** (a) paths that reach outside the repository, e.g. into a sibling `shared` tree next to the clone. */
export function outsidePaths(file: string, text: string): Problem[] {
  const problems: Problem[] = [];
  text.split('\n').forEach((line, i) => {
    const add = (what: string) => problems.push({ file, line: i + 1, what });
    if (/(^|[^\w.-])\/work\/shared\b/.test(line)) add('absolute path to /work/shared');
    if (/\bshared\/(fixtures|spec)\b/.test(line)) add('path into a shared/fixtures or shared/spec tree');
    if (/['"]\.\.['"]\s*,\s*['"]shared['"]/.test(line)) add("join(…, '..', 'shared') outside the repository");
    for (const m of line.matchAll(/(?:\.\.\/)+shared\b/g)) {
      if (!insideRoot(resolve(ROOT, dirname(file), m[0]))) add(`${m[0]} resolves outside the repository`);
    }
  });
  return problems;
}

const CITED_FILE = /(?<![\w$@{}*.\\/-])((?:\.{1,2}\/)*[\w][\w./-]*\.(?:md|ya?ml))(#[\w-]+)?/g;

/** (b) cited markdown/YAML files (and `#anchors`) that the repository lacks; (c) numbered-section citations. */
export function danglingCitations(file: string, text: string, names = bareNameIndex()): Problem[] {
  const problems: Problem[] = [];
  text.split('\n').forEach((line, i) => {
    const add = (what: string) => problems.push({ file, line: i + 1, what });
    for (const m of line.matchAll(CITED_FILE)) {
      const [, cited, anchor] = m;
      if (/[a-z][a-z0-9+.-]*:\/\/\S*$/i.test(line.slice(0, m.index))) continue; // part of a URL
      const candidates = cited.includes('/')
        ? [join(dirname(file), cited), cited]
        : [join(dirname(file), cited), cited, ...(names.get(cited) ?? [])];
      const found = candidates
        .map((c) => relative(ROOT, resolve(ROOT, c)))
        .find((c) => insideRoot(join(ROOT, c)) && existsSync(join(ROOT, c)));
      if (!found) {
        add(`cites ${cited}, which is not in the repository`);
        continue;
      }
      if (anchor && found.endsWith('.md') && !anchorsOf(found).has(anchor.slice(1))) {
        add(`cites ${found}${anchor}, a heading ${found} does not have`);
      }
    }
    for (const m of line.matchAll(/§\s?\d/g)) {
      if (/RFC \d+ $/.test(line.slice(0, m.index))) continue;
      add(
        `cites a numbered section (${line.slice(m.index, m.index! + 8).trim()}…) of a document the repository does not have`,
      );
    }
    if (/\breconciliation \d/.test(line))
      add('cites a numbered reconciliation of a document the repository does not have');
  });
  return problems;
}

const format = (problems: Problem[]) => problems.map((p) => `${p.file}:${p.line}: ${p.what}`).join('\n');

describe('the repository stands on its own', () => {
  const files = scannedFiles();

  it('scans the code, tests, scripts, CI, Docker files and docs', () => {
    for (const expected of [
      'apps/connect-api/src/main.ts',
      'libs/twelvego-client/src/index.ts',
      'test/support/stack.ts',
      'scripts/run-tests.js',
      '.ci/run',
      'docker/Dockerfile',
      'README.md',
      'docs/contract/README.md',
      'docs/upstream-12go.md',
      'test/fixtures/README.md',
    ]) {
      expect(files).toContain(expected);
    }
    expect(files.some((f) => f.startsWith('test/fixtures/twelvego/'))).toBe(false);
  });

  it('reads nothing outside the repository (no sibling shared tree, shared/fixtures or shared/spec paths)', () => {
    const problems = files.flatMap((f) => outsidePaths(f, readFileSync(join(ROOT, f), 'utf8')));
    if (problems.length) throw new Error(`Paths outside the repository:\n${format(problems)}`);
  });

  it('cites only files and headings the repository has, and no numbered sections of outside documents', () => {
    const names = bareNameIndex();
    const problems = files.flatMap((f) => danglingCitations(f, readFileSync(join(ROOT, f), 'utf8'), names));
    if (problems.length) {
      throw new Error(
        `Citations of documents the repository does not have (run \`node scripts/repoint-spec-citations.js\`, ` +
          `then fix what it cannot map by hand):\n${format(problems)}`,
      );
    }
  });

  it('holds every fixture the tests read', () => {
    for (const dir of ['twelvego', 'search-poc', 'booking-schema', 'contract']) {
      expect(readdirSync(join(ROOT, 'test', 'fixtures', dir)).length).toBeGreaterThan(0);
    }
  });
});

describe('the guard itself', () => {
  const file = 'apps/connect-api/src/example.ts';

  it('flags paths into the sibling shared tree, but not a folder named shared inside the repository', () => {
    const up = '../';
    const text = [
      `const A = join(__dirname, '${up.repeat(5)}shared/fixtures/twelvego/search.json');`,
      "const B = join(__dirname, '..', '..', '..', 'shared', 'spec', 'x.yaml');",
      `import { x } from '${up}shared/notification-jobs';`,
      'const C = "/work/shared/fixtures";',
    ].join('\n');
    expect(outsidePaths(file, text).map((p) => p.line)).toEqual([1, 1, 2, 4, 4]);
  });

  it('flags citations of missing documents, missing headings and numbered sections', () => {
    // The names are assembled so that this file does not cite them itself.
    const [clientApi, twelvegoApi] = ['client-api', 'twelvego-api'].map((name) => `${name}.md`);
    const text = [
      `/** Codes of ${clientApi} §5.3. */`,
      '/** See docs/contract/errors.md#codes and docs/contract/errors.md#no-such-heading. */',
      `/** Rules of §4.4 (${twelvegoApi}), reconciliation 4. */`,
      '/** RFC 9110 §8.8.3, https://example.com/a.md, docs/operations.md#admin-api, README.md. */',
    ].join('\n');
    const problems = danglingCitations(file, text);
    expect(problems.map((p) => `${p.line} ${p.what.split(',')[0]}`)).toEqual([
      `1 cites ${clientApi}`,
      '1 cites a numbered section (§5.3. */…) of a document the repository does not have',
      '2 cites docs/contract/errors.md#no-such-heading',
      `3 cites ${twelvegoApi}`,
      '3 cites a numbered section (§4.4 (tw…) of a document the repository does not have',
      '3 cites a numbered reconciliation of a document the repository does not have',
    ]);
  });

  it("computes GitHub's heading anchors", () => {
    const anchors = headingAnchors(
      '# A\n## IncompleteResults (async flow)\n## Monitors: what they mean, what to do\n```\n# not a heading\n```\n## A\n',
    );
    expect([...anchors]).toEqual([
      'a',
      'incompleteresults-async-flow',
      'monitors-what-they-mean-what-to-do',
      'a-1',
    ]);
  });
});
