import { spawnSync } from 'node:child_process';
import { join } from 'node:path';

const MODULE = join(__dirname, '../../../scripts/lib/child-steps.js');

const { createStepRunner } = require(MODULE) as {
  createStepRunner(cwd: string): {
    run(label: string, command: string, args: string[], options?: { timeoutMs?: number }): Promise<boolean>;
    stopAll(): void;
  };
};

describe('createStepRunner (scripts/lib/child-steps.js)', () => {
  const steps = createStepRunner(__dirname);
  let log: jest.SpyInstance;
  let error: jest.SpyInstance;
  beforeEach(() => {
    log = jest.spyOn(console, 'log').mockImplementation(() => undefined);
    error = jest.spyOn(console, 'error').mockImplementation(() => undefined);
  });
  afterEach(() => jest.restoreAllMocks());

  it('resolves true for a child that exits 0 and false with the exit code otherwise', async () => {
    expect(await steps.run('ok step', process.execPath, ['-e', 'process.exit(0)'])).toBe(true);
    expect(await steps.run('bad step', process.execPath, ['-e', 'process.exit(3)'])).toBe(false);
    const lines = log.mock.calls.map((c) => String(c[0]));
    expect(lines).toContain('\n▶ ok step');
    expect(lines.some((l) => l.startsWith('✔ ok step ('))).toBe(true);
    expect(lines.some((l) => l.startsWith('✖ bad step (') && l.includes('exit 3'))).toBe(true);
  });

  it('stops a child that outlives its time limit and reports the step as failed', async () => {
    const ok = await steps.run('slow step', process.execPath, ['-e', 'setTimeout(() => {}, 60000)'], {
      timeoutMs: 200,
    });
    expect(ok).toBe(false);
    expect(
      error.mock.calls.map((c) => String(c[0])).some((l) => l.includes('slow step: still running')),
    ).toBe(true);
  });

  it('stopAll ends a running child', async () => {
    const done = steps.run('long step', process.execPath, ['-e', 'setTimeout(() => {}, 60000)']);
    await new Promise((r) => setTimeout(r, 200));
    steps.stopAll();
    expect(await done).toBe(false);
  });

  it('stopper: on SIGTERM ends the running steps, runs the cleanup and exits 143', () => {
    const script = `
      const steps = require(${JSON.stringify(MODULE)}).createStepRunner(process.cwd());
      steps.stopper(async () => console.log('cleaned up'));
      steps.run('long', process.execPath, ['-e', 'setTimeout(() => {}, 60000)']);
      setTimeout(() => process.kill(process.pid, 'SIGTERM'), 300);
    `;
    const res = spawnSync(process.execPath, ['-e', script], { encoding: 'utf8', timeout: 20_000 });
    expect(res.status).toBe(143);
    expect(res.stdout).toContain('cleaned up');
  });
});
