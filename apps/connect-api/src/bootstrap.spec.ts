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
    let onSend: ((req: unknown, reply: { header(k: string, v: string): void }) => Promise<void>) | undefined;
    const app = {
      get: (token: unknown) =>
        token === LifecycleState ? lifecycle : new AppLogger(pino({ level: 'silent' })),
      getHttpAdapter: () => ({
        getInstance: () => ({
          addHook: (name: string, hook: typeof onSend) => {
            if (name === 'onSend') onSend = hook;
          },
        }),
        close: async () => {
          events.push(`listener closed (draining=${lifecycle.draining})`);
        },
      }),
      close: async () => {
        events.push(`close (draining=${lifecycle.draining})`);
      },
    } as unknown as NestFastifyApplication;
    const headersSent = async () => {
      const headers: Record<string, string> = {};
      await onSend!({}, { header: (k, v) => (headers[k] = v) });
      return headers;
    };
    const exited = new Promise<number>((resolve) =>
      installGracefulShutdown(app, loadAppConfig({ SHUTDOWN_DRAIN_DELAY_MS: '30' }), (code) => resolve(code)),
    );
    expect(await headersSent()).toEqual({});
    const started = Date.now();
    process.emit('SIGTERM', 'SIGTERM');
    expect(lifecycle.draining).toBe(true);
    expect(events).toEqual([]);
    expect(await headersSent()).toEqual({ connection: 'close' });
    expect(await exited).toBe(0);
    expect(Date.now() - started).toBeGreaterThanOrEqual(25);
    // the listener drains before any provider is shut down
    expect(events).toEqual(['listener closed (draining=true)', 'close (draining=true)']);
  });
});
