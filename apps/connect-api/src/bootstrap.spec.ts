import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import pino from 'pino';
import { loadAppConfig } from './platform/config/load-app-config';
import { AppLogger } from './platform/logging/app-logger';
import { installGracefulShutdown } from './bootstrap';
import { LifecycleState } from './platform/lifecycle/lifecycle-state';

describe('graceful shutdown (docs/operations.md#shutdown-and-restarts)', () => {
  it('marks draining, keeps serving for the drain delay, closes the listener, then the app, and exits 0', async () => {
    const lifecycle = new LifecycleState();
    const events: string[] = [];
    const app = {
      get: (token: unknown) =>
        token === LifecycleState ? lifecycle : new AppLogger(pino({ level: 'silent' })),
      getHttpAdapter: () => ({
        close: async () => {
          events.push(`listener closed (draining=${lifecycle.draining})`);
        },
      }),
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
    // answers sent from now on carry `Connection: close` (the HTTP pipeline's onSend hook reads lifecycle.draining;
    // test/platform/drain-connection-close.e2e-spec.ts)
    expect(await exited).toBe(0);
    expect(Date.now() - started).toBeGreaterThanOrEqual(25);
    // the listener drains before any provider is shut down
    expect(events).toEqual(['listener closed (draining=true)', 'close (draining=true)']);
  });
});
