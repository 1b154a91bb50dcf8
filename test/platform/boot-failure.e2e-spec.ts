import { Injectable, Module, OnApplicationBootstrap } from '@nestjs/common';
import { RedisService } from '../../apps/connect-api/src/platform/redis/redis.service';
import { startStack } from '../support/stack';

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
