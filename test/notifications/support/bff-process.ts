import { spawn, type ChildProcess } from 'node:child_process';
import { join } from 'node:path';
import { REPO_ROOT } from '../../support/local-env';

export interface BffProcess {
  url: string;
  proc: ChildProcess;
  output(): string;
  /** Resolves with the exit code (or signal name). */
  exited: Promise<number | string>;
}

/** Spawns the BFF as a child process (Node 22 + @swc-node/register) and waits until it listens. */
export async function spawnBff(env: Record<string, string>, timeoutMs = 60_000): Promise<BffProcess> {
  const node = join(REPO_ROOT, 'node_modules', '.bin', 'node');
  const proc = spawn(node, ['-r', '@swc-node/register', join(__dirname, 'bff-child.ts')], {
    cwd: REPO_ROOT,
    env: { PATH: process.env.PATH ?? '', HOME: process.env.HOME ?? '', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let out = '';
  proc.stdout!.on('data', (c: Buffer) => (out += c.toString()));
  proc.stderr!.on('data', (c: Buffer) => (out += c.toString()));
  const exited = new Promise<number | string>((resolve) => proc.once('exit', (code, signal) => resolve(code ?? signal ?? -1)));
  const url = await new Promise<string>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`BFF child did not start in ${timeoutMs} ms:\n${out.slice(-3000)}`)), timeoutMs);
    const onData = () => {
      const m = /BFF_LISTENING (\d+)/.exec(out);
      if (m) {
        clearTimeout(timer);
        resolve(`http://127.0.0.1:${m[1]}`);
      }
    };
    proc.stdout!.on('data', onData);
    void exited.then((code) => {
      clearTimeout(timer);
      reject(new Error(`BFF child exited (${code}) before listening:\n${out.slice(-3000)}`));
    });
  });
  return { url, proc, output: () => out, exited };
}
