import type { ChildProcess } from 'node:child_process';
import { join } from 'node:path';
import { spawnCaptured } from '../../support/captured-child';
import { REPO_ROOT } from '../../support/local-env';
import { freePort } from '../../support/stack';

export interface BffProcess {
  url: string;
  proc: ChildProcess;
  output(): string;
  /** Resolves with the exit code (or signal name). */
  exited: Promise<number | string>;
}

/**
 * Runs the production entry point (`apps/connect-api/src/main.ts`: tracer, bootstrap, SIGTERM handling) as a
 * separate OS process with Node 22 + @swc-node/register, and waits until `/health/live` answers.
 */
export async function spawnBff(env: Record<string, string>, timeoutMs = 60_000): Promise<BffProcess> {
  const port = await freePort();
  const node = join(REPO_ROOT, 'node_modules', '.bin', 'node');
  const { proc, output, exited } = spawnCaptured(
    node,
    ['-r', '@swc-node/register', join(REPO_ROOT, 'apps', 'connect-api', 'src', 'main.ts')],
    { ...env, PORT: String(port), HOST: '127.0.0.1' },
  );
  const url = `http://127.0.0.1:${port}`;
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    if (proc.exitCode !== null || proc.signalCode !== null)
      throw new Error(`BFF child exited before listening:\n${output().slice(-3000)}`);
    const live = await fetch(`${url}/health/live`).catch(() => null);
    if (live?.ok) break;
    if (Date.now() > deadline) {
      proc.kill('SIGKILL');
      throw new Error(`BFF child did not start in ${timeoutMs} ms:\n${output().slice(-3000)}`);
    }
    await new Promise((r) => setTimeout(r, 100));
  }
  return { url, proc, output, exited };
}
