import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';

const SCRIPT = join(__dirname, '../../../scripts/prune-source-maps.js');
const script = require(SCRIPT) as {
  prune(dir: string, options?: { dryRun?: boolean }): { files: string[]; bytes: number };
};

const TREE = [
  'node_modules/swagger-ui-dist/swagger-ui-bundle.js',
  'node_modules/swagger-ui-dist/swagger-ui-bundle.js.map',
  'node_modules/swagger-ui-dist/swagger-ui.css.map',
  'node_modules/@scope/pkg/dist/index.cjs',
  'node_modules/@scope/pkg/dist/index.cjs.map',
  'node_modules/@scope/pkg/dist/sitemap.json',
  'node_modules/pkg/map/index.js',
];

describe('scripts/prune-source-maps.js', () => {
  let root: string;
  beforeEach(() => {
    root = mkdtempSync(join(tmpdir(), 'tc-maps-'));
    for (const f of TREE) {
      mkdirSync(dirname(join(root, f)), { recursive: true });
      writeFileSync(join(root, f), 'x'.repeat(10));
    }
  });
  afterEach(() => rmSync(root, { recursive: true, force: true }));
  const left = () => TREE.filter((f) => existsSync(join(root, f)));

  it('deletes *.map files and nothing else', () => {
    expect(script.prune(join(root, 'node_modules'), { dryRun: true }).files).toHaveLength(3);
    expect(left()).toEqual(TREE);
    const { files, bytes } = script.prune(join(root, 'node_modules'));
    expect(files).toHaveLength(3);
    expect(bytes).toBe(30);
    expect(left()).toEqual([
      'node_modules/swagger-ui-dist/swagger-ui-bundle.js',
      'node_modules/@scope/pkg/dist/index.cjs',
      'node_modules/@scope/pkg/dist/sitemap.json',
      'node_modules/pkg/map/index.js',
    ]);
  });

  it('refuses to run on anything but a node_modules folder', () => {
    const run = spawnSync(process.execPath, [SCRIPT, join(root, 'node_modules/pkg')], { encoding: 'utf8' });
    expect(run.status).toBe(1);
    expect(run.stderr).toMatch(/usage/);
    expect(left()).toEqual(TREE);
  });
});
