import { spawn } from 'node:child_process';
import { join } from 'node:path';
import { Injectable, Module, OnApplicationBootstrap } from '@nestjs/common';
import { RedisService } from '../../apps/connect-api/src/platform/redis/redis.service';
import { startStack } from '../support/stack';
import { REPO_ROOT } from '../support/local-env';

jest.setTimeout(30_000);

let seenRedis: RedisService | undefined;

/** Test-only: fails the boot after the platform connected to Redis (like any failing init hook would). */
@Injectable()
class FailingBootHook implements OnApplicationBootstrap {
  constructor(private readonly redis: RedisService) {}

  async onApplicationBootstrap(): Promise<void> {
    seenRedis = this.redis;
    for (let i = 0; i < 50 && this.redis.client.status !== 'ready'; i++)
      await new Promise((r) => setTimeout(r, 50));
    throw new Error('boot hook failed on purpose');
  }
}

@Module({ providers: [FailingBootHook] })
class FailingBootModule {}

describe('createConnectApp boot failure', () => {
  afterAll(() => {
    if (seenRedis && seenRedis.client.status !== 'end') seenRedis.client.disconnect();
  });

  it('closes the half-initialised app (Redis connection included) before rethrowing the boot error', async () => {
    await expect(startStack({ extraModules: [FailingBootModule] })).rejects.toThrow(
      'boot hook failed on purpose',
    );
    // QUIT was sent during the close; the socket ends right after its reply.
    for (let i = 0; i < 40 && seenRedis?.client.status !== 'end'; i++)
      await new Promise((r) => setTimeout(r, 25));
    expect(seenRedis?.client.status).toBe('end');
  });
});

/** Runs the real entry point (tracer first, then the bootstrap) and collects its exit code and stderr. */
function bootProcess(env: Record<string, string>): Promise<{ code: number | null; stderr: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(
      process.execPath,
      ['-r', '@swc-node/register', join(REPO_ROOT, 'apps/connect-api/src/main.ts')],
      {
        cwd: REPO_ROOT,
        env: { PATH: process.env.PATH ?? '', NODE_ENV: 'test', PORT: '0', ...env },
        stdio: ['ignore', 'ignore', 'pipe'],
      },
    );
    let stderr = '';
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    const timer = setTimeout(() => child.kill('SIGKILL'), 50_000);
    child.on('error', reject);
    child.on('exit', (code) => {
      clearTimeout(timer);
      resolve({ code, stderr });
    });
  });
}

describe('the boot stops on a bad setting of any feature, with the one-list error', () => {
  it('lists SEARCH_PAIR_CONCURRENCY, a notifications variable and DD_TRACE_ENABLED together and exits 1', async () => {
    const { code, stderr } = await bootProcess({
      SEARCH_PAIR_CONCURRENCY: 'abc',
      NOTIFY_QUEUE_LOCK_MS: 'soon',
      DD_TRACE_ENABLED: 'maybe',
    });
    expect(code).toBe(1);
    expect(stderr).toContain('connect-api: Invalid configuration:');
    expect(stderr).toContain('  - SEARCH_PAIR_CONCURRENCY must be an integer');
    expect(stderr).toContain('  - NOTIFY_QUEUE_LOCK_MS must be an integer');
    expect(stderr).toContain('  - DD_TRACE_ENABLED must be true or false');
  }, 60_000);
});
