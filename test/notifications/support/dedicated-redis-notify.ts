import type { StartStackOptions } from '../../support/stack';
import { notifyClientsFile, startNotifyStack, type NotifyStack } from './notify-stack';
import { DedicatedRedis } from './redis-server';
import { WebhookReceiver } from './webhook-receiver';

/**
 * The notification stack on a private redis-server a test may stop and start (a Redis outage), with the
 * partner webhook receiver the demo clients point at. Create it at describe level so `close()` in afterAll
 * also cleans up after a start that failed half-way.
 */
export class DedicatedRedisNotify {
  readonly redis: DedicatedRedis;
  readonly receiver = new WebhookReceiver();
  /** The receiver path of the `demo` client's webhook. */
  demoPath = '';
  private stack?: NotifyStack;

  /** `redisArgs` go to redis-server (e.g. AOF so an outage loses the connection, not the data). */
  constructor(redisArgs: string[] = []) {
    this.redis = new DedicatedRedis(redisArgs);
  }

  /** Starts Redis, the receiver and the stack; `REDIS_URL` points at the private Redis unless `env` sets it. */
  async start(
    opts: Omit<StartStackOptions, 'clientsFile'> & { routeSandboxWebhooks?: boolean } = {},
  ): Promise<NotifyStack> {
    await this.redis.start();
    await this.receiver.start();
    const made = notifyClientsFile(this.receiver);
    this.demoPath = made.clients.demo.path;
    this.stack = await startNotifyStack({
      ...opts,
      clientsFile: made.file,
      env: { REDIS_URL: this.redis.url, ...opts.env },
    });
    return this.stack;
  }

  async close(): Promise<void> {
    await this.stack?.close();
    await this.redis.destroy();
    await this.receiver.close();
  }
}
