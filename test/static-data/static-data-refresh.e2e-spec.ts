import { CatalogRefreshService } from '../../apps/connect-api/src/static-data/catalog-refresh.service';
import { startStack, type TestStack } from '../support/stack';
import { startCatalogSource } from './catalog-source.fixture';
import { eventually, rawGet } from './static-data.helpers';

/**
 * Catalogue refresh over the real sandbox catalogue through a source the test can break: the first load
 * failing (503 until it succeeds), a change being published, failed refreshes keeping the last good version,
 * and a second instance on the same Redis serving the version the first one built.
 */
describe('static data refresh', () => {
  let source: Awaited<ReturnType<typeof startCatalogSource>>;
  let stack: TestStack;
  let second: TestStack | undefined;
  const key = () => ({ 'x-api-key': stack.demoKey });
  const refresh = (s: TestStack) => s.app.get(CatalogRefreshService).refreshNow();
  const stationsVia = async (s: TestStack) => {
    const link = await rawGet(`${s.bffUrl}/v1/demo/stations`, { 'x-api-key': s.demoKey });
    expect(link.status).toBe(200);
    const doc = await rawGet(link.text);
    expect(doc.status).toBe(200);
    return {
      etag: doc.headers.etag as string,
      stations: doc.json<Array<{ id: string; name: string }>>(),
      link: link.text,
    };
  };

  beforeAll(async () => {
    source = await startCatalogSource();
    stack = await startStack({ env: { CATALOG_URL: source.url } });
  });
  afterAll(async () => {
    await second?.close();
    await stack?.close();
    await source?.close();
  });

  it('answers 503 upstream_unavailable until a first load succeeds', async () => {
    expect(await refresh(stack)).toBe('failed');
    for (const path of ['stations', 'operating_carriers/GetList', 'pois']) {
      const res = await rawGet(`${stack.bffUrl}/v1/demo/${path}`, key());
      expect(res.status).toBe(503);
      expect(res.json<{ error: { code: string } }>().error.code).toBe('upstream_unavailable');
      expect(Number(res.headers['retry-after'])).toBeGreaterThan(0);
    }
    expect(stack.logs.lines().some((l) => l.msg === 'static_data.refresh_failed')).toBe(true);

    source.set('pass', stack.sandboxUrl);
    // The retry loop picks it up on its own (short backoff while nothing is published).
    await eventually(async () =>
      (await rawGet(`${stack.bffUrl}/v1/demo/stations`, key())).status === 200 ? true : undefined,
    );
  });

  it('publishes a changed catalogue and keeps the last good version when refreshes fail', async () => {
    const before = await stationsVia(stack);
    expect(await refresh(stack)).toBe('unchanged');
    expect((await stationsVia(stack)).etag).toBe(before.etag);

    source.set('renamed');
    expect(await refresh(stack)).toBe('updated');
    const renamed = await stationsVia(stack);
    expect(renamed.etag).not.toBe(before.etag);
    expect(renamed.stations.find((s) => s.id === '4055')!.name).toBe('Mo Chit 2 Bus Terminal (renamed)');
    // A link handed out before the change serves the current version.
    expect((await rawGet(before.link)).headers.etag).toBe(renamed.etag);

    for (const mode of ['fail', 'garbage'] as const) {
      source.set(mode);
      const failuresBefore = stack.app.get(CatalogRefreshService).stats.failures;
      expect(await refresh(stack)).toBe('failed');
      expect(stack.app.get(CatalogRefreshService).stats.failures).toBe(failuresBefore + 1);
      const still = await stationsVia(stack);
      expect(still.etag).toBe(renamed.etag);
      expect(still.stations).toEqual(renamed.stations);
    }
    const failures = stack.logs.lines().filter((l) => l.msg === 'static_data.refresh_failed');
    expect(failures.length).toBeGreaterThanOrEqual(3);
    expect(failures[failures.length - 1]).toMatchObject({ serving_static_version: expect.any(String) });
  });

  it('lets a second instance on the same Redis serve the version the first one built', async () => {
    // Its own catalogue source is down: everything it serves comes from Redis.
    second = await startStack({
      twelvegoBaseUrl: stack.sandboxUrl,
      env: { REDIS_KEY_PREFIX: stack.keyPrefix, CATALOG_URL: 'http://127.0.0.1:9/catalog.json' },
    });
    const fromFirst = await stationsVia(stack);
    const fromSecond = await stationsVia(second);
    expect(fromSecond.etag).toBe(fromFirst.etag);
    expect(fromSecond.stations).toEqual(fromFirst.stations);
    // Links are interchangeable between instances (same signing key, same version).
    expect((await rawGet(fromFirst.link.replace(stack.bffUrl, second.bffUrl))).status).toBe(200);
  });
});
