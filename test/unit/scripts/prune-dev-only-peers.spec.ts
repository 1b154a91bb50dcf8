import { existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const script = require('../../../scripts/prune-dev-only-peers.js') as {
  productionClosure(lock: unknown): Set<string>;
  prune(dir: string, options?: { dryRun?: boolean }): string[];
};

/**
 * A lockfile shaped like ours: a production package with an optional peer that only a dev dependency
 * provides (valibot → typescript), a required peer, a nested copy, an optional dependency and a dev tool.
 */
const LOCK = {
  lockfileVersion: 3,
  packages: {
    '': {
      dependencies: { board: '1', app: '1' },
      devDependencies: { typescript: '5', tool: '1' },
    },
    'node_modules/board': { dependencies: { valibot: '1' } },
    'node_modules/valibot': {
      peerDependencies: { typescript: '>=5' },
      peerDependenciesMeta: { typescript: { optional: true } },
    },
    'node_modules/typescript': { devOptional: true },
    'node_modules/app': {
      dependencies: { lib: '2' },
      optionalDependencies: { native: '1' },
      peerDependencies: { core: '1' },
    },
    'node_modules/app/node_modules/lib': { dependencies: { util: '1' } },
    'node_modules/lib': { dev: true },
    'node_modules/util': {},
    'node_modules/native': { optional: true },
    'node_modules/core': {},
    'node_modules/tool': { dev: true, dependencies: { lib: '1' } },
  },
};

describe('scripts/prune-dev-only-peers.js', () => {
  it('keeps dependencies, optional dependencies and required peers; not optional peers only dev provides', () => {
    expect([...script.productionClosure(LOCK)].sort()).toEqual(
      [
        '',
        'node_modules/app',
        'node_modules/app/node_modules/lib',
        'node_modules/board',
        'node_modules/core',
        'node_modules/native',
        'node_modules/util',
        'node_modules/valibot',
      ].sort(),
    );
  });

  it('an optional peer that production also depends on stays', () => {
    const lock = JSON.parse(JSON.stringify(LOCK));
    lock.packages[''].dependencies.typescript = '5';
    expect(script.productionClosure(lock)).toContain('node_modules/typescript');
  });

  it('deletes installed packages outside the closure (dry run first)', () => {
    const dir = mkdtempSync(join(tmpdir(), 'tc-peers-'));
    try {
      writeFileSync(join(dir, 'package-lock.json'), JSON.stringify(LOCK));
      for (const p of Object.keys(LOCK.packages).filter((k) => k && k !== 'node_modules/tool'))
        mkdirSync(join(dir, p), { recursive: true });
      expect(script.prune(dir, { dryRun: true })).toEqual(['node_modules/lib', 'node_modules/typescript']);
      expect(existsSync(join(dir, 'node_modules/typescript'))).toBe(true);
      expect(script.prune(dir)).toEqual(['node_modules/lib', 'node_modules/typescript']);
      expect(existsSync(join(dir, 'node_modules/typescript'))).toBe(false);
      expect(existsSync(join(dir, 'node_modules/app/node_modules/lib'))).toBe(true);
      expect(existsSync(join(dir, 'node_modules/valibot'))).toBe(true);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
