import { ChildProcess, spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Redis from 'ioredis';
import { LifecycleState } from '../../apps/connect-api/src/platform/lifecycle/lifecycle-state';
import { freePort, startStack, TestStack } from '../support/stack';
import { call } from './support/http';

/**
 * A dedicated redis-server on an ephemeral port, so the shared Redis is never touched. `pause()` stops
 * the process (SIGSTOP: connections stay open, nothing answers), `resume()` continues it.
 */
async function startPrivateRedis(): Promise<{
  url: string;
  pause(): void;
  resume(): void;
  stop(): Promise<void>;
}> {
  const dir = mkdtempSync(join(tmpdir(), 'tc-health-redis-'));
  const port = await freePort();
  const child: ChildProcess = spawn(
    'redis-server',
    ['--port', String(port), '--bind', '127.0.0.1', '--dir', dir, '--save', '', '--appendonly', 'no'],
    {
      stdio: 'ignore',
    },
  );
  const url = `redis://127.0.0.1:${port}`;
  const probe = new Redis(url, { lazyConnect: true, maxRetriesPerRequest: 0, retryStrategy: () => null });
  for (let i = 0; i < 50; i++) {
    try {
      await probe.connect();
      break;
    } catch {
      await new Promise((r) => setTimeout(r, 100));
    }
  }
  await probe.ping();
  probe.disconnect();
  const exited = new Promise((r) => child.once('exit', r));
  let stopped = false;
  return {
    url,
    pause: () => child.kill('SIGSTOP'),
    resume: () => child.kill('SIGCONT'),
    stop: async () => {
      if (stopped) return;
      stopped = true;
      child.kill('SIGCONT');
      child.kill('SIGKILL');
      await exited;
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

describe('health (docs/operations.md#health-endpoints)', () => {
  it('live answers ok; ready reports config, Redis and 12go', async () => {
    const stack = await startStack();
    try {
      const live = await call(stack.bffUrl, '/health/live');
      expect(live.status).toBe(200);
      expect(live.json).toEqual({ status: 'ok' });
      const ready = await call(stack.bffUrl, '/health/ready');
      expect(ready.status).toBe(200);
      expect(ready.json.status).toBe('ready');
      expect(ready.json.checks.config.status).toBe('up');
      expect(ready.json.checks.redis.status).toBe('up');
      expect(ready.json.checks.twelvego).toMatchObject({ status: 'up', http_status: expect.any(Number) });
      expect(
        stack.logs.lines().some((l) => l.msg === 'request completed' && String(l.url).startsWith('/health/')),
      ).toBe(false);
    } finally {
      await stack.close();
    }
  });

  describe('when Redis goes away after startup', () => {
    let redis: Awaited<ReturnType<typeof startPrivateRedis>>;
    let stack: TestStack;
    beforeAll(async () => {
      redis = await startPrivateRedis();
      stack = await startStack({ env: { REDIS_URL: redis.url } });
    });
    afterAll(async () => {
      await stack?.close();
      await redis?.stop();
    });

    it('stays 200 with status degraded and redis down', async () => {
      const before = await call(stack.bffUrl, '/health/ready');
      expect(before.json.status).toBe('ready');
      redis.pause();
      try {
        const after = await call(stack.bffUrl, '/health/ready');
        expect(after.status).toBe(200);
        expect(after.json.status).toBe('degraded');
        expect(after.json.checks.redis.status).toBe('down');
        expect(after.json.checks.twelvego.status).toBe('up');
      } finally {
        redis.resume();
      }
      expect((await call(stack.bffUrl, '/health/ready')).json.status).toBe('ready');
    });

    it('answers 503 draining once shutdown has begun', async () => {
      stack.app.get(LifecycleState).markDraining();
      const draining = await call(stack.bffUrl, '/health/ready');
      expect(draining.status).toBe(503);
      expect(draining.json.status).toBe('draining');
    });
  });

  it('is 503 starting while 12go has never been reached', async () => {
    const stack = await startStack({ twelvegoBaseUrl: 'http://127.0.0.1:9' });
    try {
      const res = await call(stack.bffUrl, '/health/ready');
      expect(res.status).toBe(503);
      expect(res.json.status).toBe('starting');
      expect(res.json.checks.twelvego.status).toBe('down');
    } finally {
      await stack.close();
    }
  });

  it('READY_STRICT=true turns a failing check into 503', async () => {
    const redis = await startPrivateRedis();
    const stack = await startStack({ env: { REDIS_URL: redis.url, READY_STRICT: 'true' } });
    try {
      expect((await call(stack.bffUrl, '/health/ready')).status).toBe(200);
      redis.pause();
      try {
        const res = await call(stack.bffUrl, '/health/ready');
        expect(res.status).toBe(503);
        expect(res.json.status).toBe('degraded');
      } finally {
        redis.resume();
      }
    } finally {
      await stack.close();
      await redis.stop();
    }
  });
});
