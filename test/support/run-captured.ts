import { spawn } from 'node:child_process';
import { REPO_ROOT } from './local-env';

export interface CapturedRun {
  code: number | null;
  output: string;
}

/** Runs a command from the repository root with extra environment; stdout and stderr captured together. */
export function runCaptured(
  command: string,
  args: string[],
  env: Record<string, string> = {},
): Promise<CapturedRun> {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, {
      cwd: REPO_ROOT,
      env: { ...process.env, ...env },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let output = '';
    child.stdout.on('data', (d) => (output += d));
    child.stderr.on('data', (d) => (output += d));
    child.once('error', reject);
    child.once('exit', (code) => resolve({ code, output }));
  });
}
