import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import pino from 'pino';
import { loadAppConfig } from '../config/load-app-config';
import { AppLogger } from '../logging/app-logger';
import { installGracefulShutdown } from './bootstrap';
import { LifecycleState } from './lifecycle-state';

describe('graceful shutdown (docs/operations.md#shutdown-and-restarts)', () => {
  it('marks draining, keeps serving for the drain delay, then closes and exits 0', async () => {
    const lifecycle = new LifecycleState();
    const events: string[] = [];
    const app = {
      get: (token: unknown) =>
        token === LifecycleState ? lifecycle : new AppLogger(pino({ level: 'silent' })),
      close: async () => {
        events.push(`close (draining=${lifecycle.draining})`);
      },
    } as unknown as NestFastifyApplication;
    const exited = new Promise<number>((resolve) =>
      installGracefulShutdown(app, loadAppConfig({ SHUTDOWN_DRAIN_DELAY_MS: '30' }), (code) => resolve(code)),
    );
    const started = Date.now();
    process.emit('SIGTERM', 'SIGTERM');
    expect(lifecycle.draining).toBe(true);
    expect(events).toEqual([]);
    expect(await exited).toBe(0);
    expect(Date.now() - started).toBeGreaterThanOrEqual(25);
    expect(events).toEqual(['close (draining=true)']);
  });
});
