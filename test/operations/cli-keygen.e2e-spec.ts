import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { REPO_ROOT } from '../support/local-env';

/** The CLI entry file as an operator runs it (source through swc; `npm run keygen` runs the built copy). */
function keygen(...args: string[]) {
  return spawnSync(
    process.execPath,
    ['-r', '@swc-node/register', join(REPO_ROOT, 'apps/connect-api/src/cli/keygen.ts'), ...args],
    { cwd: REPO_ROOT, encoding: 'utf8', timeout: 30_000 },
  );
}

describe('npm run keygen (docs/platform.md#client-registry)', () => {
  it('prints a new key once and its sha256 api_keys entry', () => {
    const run = keygen('--client', 'acme', '--id', '2026-04');
    expect(run.status).toBe(0);
    const lines = run.stdout.split('\n').map((l) => l.trim());
    const key = lines.find((l) => /^[A-Za-z0-9_-]{43}$/.test(l))!;
    expect(key).toBeDefined();
    expect(run.stdout.split(key)).toHaveLength(2);
    const entry = JSON.parse(lines.find((l) => l.startsWith('{'))!);
    expect(entry).toEqual({
      id: '2026-04',
      hash: `sha256:${createHash('sha256').update(key).digest('hex')}`,
    });
    // A second run gives another key.
    expect(keygen('--client', 'acme').stdout).not.toContain(key);
  });

  it('exits 2 without a valid --client', () => {
    const run = keygen();
    expect(run.status).toBe(2);
    expect(run.stdout).toContain('usage: npm run keygen');
  });

  it('is an entry point of the connect-api build (npm scripts run dist/apps/connect-api/cli/*.js)', () => {
    const config = require(join(REPO_ROOT, 'apps/connect-api/webpack.config.js')) as (o: object) => {
      entry: Record<string, string>;
      output: { filename: string };
    };
    const built = config({
      entry: 'apps/connect-api/src/main.ts',
      output: { filename: 'apps/connect-api/main.js' },
    });
    expect(built.output.filename).toBe('apps/connect-api/[name].js');
    for (const name of ['cli/keygen', 'cli/verify-clients']) expect(existsSync(built.entry[name])).toBe(true);
    const scripts = require(join(REPO_ROOT, 'package.json')).scripts as Record<string, string>;
    expect(scripts.keygen).toBe('node dist/apps/connect-api/cli/keygen.js');
    expect(scripts['verify-clients']).toBe('node dist/apps/connect-api/cli/verify-clients.js');
    const nestCli = require(join(REPO_ROOT, 'nest-cli.json'));
    expect(nestCli.projects['connect-api'].compilerOptions.webpackConfigPath).toBe(
      'apps/connect-api/webpack.config.js',
    );
  });
});
