import { createConnectApp } from '../../apps/connect-api/src/create-connect-app';
import { LOCAL_CLIENTS_FILE } from '../support/stack';
import { readLocalEnv } from '../support/local-env';

jest.setTimeout(20_000);

const refTimers = () => process.getActiveResourcesInfo().filter((r) => r === 'Timeout').length;

/**
 * A closed app must leave nothing that keeps the process alive (a test worker that cannot exit, a pod that
 * hangs after SIGTERM) — also when Redis was unreachable the whole time, where every ioredis disconnect()
 * used to leave a 2 s timer behind.
 */
describe('shutdown leaves no timers behind', () => {
  it('closes with Redis unreachable without leaving ref-ed timers', async () => {
    const before = refTimers();
    const app = await createConnectApp({
      env: {
        ...readLocalEnv(),
        NODE_ENV: 'test',
        TWELVEGO_BASE_URL: 'http://127.0.0.1:1',
        REDIS_URL: 'redis://127.0.0.1:1/15',
        REDIS_COMMAND_TIMEOUT_MS: '50',
        CLIENTS_CONFIG_PATH: LOCAL_CLIENTS_FILE,
        CLIENTS_CONFIG_POLL_MS: '0',
        LOG_LEVEL: 'fatal',
      },
      logStream: { write: () => true } as unknown as NodeJS.WritableStream,
    });
    await new Promise((r) => setTimeout(r, 200)); // connections are attempted and refused
    await app.close();
    await new Promise((r) => setTimeout(r, 300));
    expect(refTimers()).toBeLessThanOrEqual(before);
  });
});
