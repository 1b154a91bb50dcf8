import { spawn, type ChildProcess } from 'node:child_process';
import { REPO_ROOT } from './local-env';

/** A child process of the repository whose stdout and stderr are kept for assertions and failure messages. */
export interface CapturedChild {
  proc: ChildProcess;
  output(): string;
  /** Resolves with the exit code (or signal name). */
  exited: Promise<number | string>;
}

/** Spawns `command args` in the repository root with only PATH and HOME of this environment, plus `env`. */
export function spawnCaptured(command: string, args: string[], env: Record<string, string>): CapturedChild {
  const proc = spawn(command, args, {
    cwd: REPO_ROOT,
    env: { PATH: process.env.PATH ?? '', HOME: process.env.HOME ?? '', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let out = '';
  proc.stdout!.on('data', (c: Buffer) => (out += c.toString()));
  proc.stderr!.on('data', (c: Buffer) => (out += c.toString()));
  const exited = new Promise<number | string>((resolve) =>
    proc.once('exit', (code, signal) => resolve(code ?? signal ?? -1)),
  );
  return { proc, output: () => out, exited };
}
