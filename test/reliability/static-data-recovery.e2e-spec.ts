import { randomBytes } from 'node:crypto';
import { mkdtempSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { DedicatedRedis } from '../notifications/support/redis-server';
import {
  deleteKeysWithPrefixes,
  startSandbox,
  startStack,
  type RunningSandbox,
  type TestStack,
} from '../support/stack';

jest.setTimeout(120_000);

/**
 * Static data after Redis lost its data (hardening issue, item 2): the BFF keeps running; a missing
 * current version is rebuilt within seconds (no restart, no waiting for CATALOG_REFRESH_MIN), readiness
 * reports `static_data` down meanwhile, and `POST /admin/static-data/refresh` forces a rebuild. A
 * dedicated redis-server (never the shared one); the catalogue is a file the test can take away.
 */
describe('reliability: static data comes back after Redis loses its data', () => {
  const redis = new DedicatedRedis();
  const adminToken = randomBytes(20).toString('hex');
  const dir = mkdtempSync(join(tmpdir(), 'tc-catalog-'));
  const catalog = join(dir, 'catalog.json');
  let sandbox: RunningSandbox;
  let stack: TestStack;

  const get = (path: string, headers: Record<string, string> = {}) =>
    fetch(`${stack.bffUrl}${path}`, { headers: { 'x-api-key': stack.demoKey, ...headers } });
  /** The signed link and the inline list (which needs the documents themselves). */
  const stationsStatus = async () => {
    const [link, list] = await Promise.all([get('/v1/demo/stations'), get('/v1/demo/stations/GetList')]);
    await Promise.all([link.arrayBuffer(), list.arrayBuffer()]);
    return link.status === 200 && list.status === 200 ? 200 : Math.max(link.status, list.status);
  };
  const ready = async () => (await (await get('/health/ready')).json()) as any; // eslint-disable-line @typescript-eslint/no-explicit-any
  async function within<T>(ms: number, probe: () => Promise<T | undefined>): Promise<T | undefined> {
    const deadline = Date.now() + ms;
    for (;;) {
      const value = await probe();
      if (value !== undefined || Date.now() > deadline) return value;
      await new Promise((r) => setTimeout(r, 250));
    }
  }

  beforeAll(async () => {
    await redis.start();
    sandbox = await startSandbox();
    writeFileSync(
      catalog,
      Buffer.from(await (await fetch(`${sandbox.url}/__sandbox/catalog`)).arrayBuffer()),
    );
    stack = await startStack({
      twelvegoBaseUrl: sandbox.url,
      env: { REDIS_URL: redis.url, CATALOG_URL: pathToFileURL(catalog).href, ADMIN_TOKENS: adminToken },
      secrets: [adminToken],
    });
    expect(await within(15_000, async () => ((await stationsStatus()) === 200 ? true : undefined))).toBe(
      true,
    );
  });
  afterAll(async () => {
    await stack?.close();
    await sandbox?.close();
    await redis.destroy();
    rmSync(dir, { recursive: true, force: true });
  });

  it('reports static_data down while no version can be rebuilt, and serves stations again within 30 s', async () => {
    expect((await ready()).checks.static_data).toMatchObject({ status: 'up' });
    renameSync(catalog, `${catalog}.away`);
    await deleteKeysWithPrefixes(redis.url, [stack.keyPrefix]);

    expect(await stationsStatus()).toBe(503);
    const degraded = await ready();
    expect(degraded.status).toBe('degraded');
    expect(degraded.checks.static_data).toMatchObject({ status: 'down' });

    renameSync(`${catalog}.away`, catalog);
    const served = await within(30_000, async () => ((await stationsStatus()) === 200 ? true : undefined));
    expect(served).toBe(true);
    const after = await ready();
    expect(after.status).toBe('ready');
    expect(after.checks.static_data).toMatchObject({ status: 'up', static_version: expect.any(String) });
  });

  it('serves stations again within 30 s after Redis restarts empty (same BFF process)', async () => {
    await redis.stop();
    await redis.start();
    // Until the BFF has reconnected it serves what it holds in memory; the question is what happens after.
    const reconnected = await within(15_000, async () =>
      (await ready()).checks.redis.status === 'up' ? true : undefined,
    );
    expect(reconnected).toBe(true);
    const served = await within(30_000, async () => ((await stationsStatus()) === 200 ? true : undefined));
    expect(served).toBe(true);
  });

  it('rebuilds on POST /admin/static-data/refresh', async () => {
    await deleteKeysWithPrefixes(redis.url, [stack.keyPrefix]);
    const res = await fetch(`${stack.bffUrl}/admin/static-data/refresh`, {
      method: 'POST',
      headers: { authorization: `Bearer ${adminToken}` },
    });
    expect(res.status).toBe(200);
    const body = (await res.json()) as { outcome: string; static_version: string | null };
    expect(['updated', 'unchanged']).toContain(body.outcome);
    expect(body.static_version).toEqual(expect.any(String));
    expect(await stationsStatus()).toBe(200);
  });
});
