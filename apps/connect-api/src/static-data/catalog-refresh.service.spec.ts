import pino from 'pino';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { IdMapping } from '../ids/id-mapping';
import type { AppConfig } from '../platform/config/app-config';
import { AppLogger } from '../platform/logging/app-logger';
import { CatalogRefreshService } from './catalog-refresh.service';
import type { DocumentSet } from './documents/document-set.builder';
import type { StaticDataStore, VersionMeta } from './store/static-data.store';
import { handMadeCatalog } from './testing/hand-made-catalog';

/** In-memory stand-in for the Redis store (the one mocked class). */
function fakeStore() {
  const state = {
    current: null as VersionMeta | null,
    checkedAt: null as Date | null,
    locked: false,
    publishes: 0,
    touches: 0,
  };
  const store = {
    whenReady: jest.fn(async () => undefined),
    newLockToken: () => 'token',
    acquireLock: jest.fn(async () => {
      if (state.locked) return false;
      state.locked = true;
      return true;
    }),
    releaseLock: jest.fn(async () => {
      state.locked = false;
    }),
    lastCheckedAt: jest.fn(async () => state.checkedAt),
    currentVersion: jest.fn(async () => state.current?.version ?? null),
    current: jest.fn(async () => state.current),
    hasAllBlobs: jest.fn(async () => true),
    touch: jest.fn(async (_meta: VersionMeta, _r: number, now: Date) => {
      state.touches++;
      state.checkedAt = now;
    }),
    publish: jest.fn(async (set: DocumentSet, _prev: VersionMeta | null, _r: number, now: Date) => {
      state.publishes++;
      state.checkedAt = now;
      const documents = {} as VersionMeta['documents'];
      for (const [key, doc] of set.documents)
        documents[key] = { etag: doc.etag, count: doc.count, bytes: doc.body.length };
      state.current = {
        version: set.version,
        builtAt: now.toISOString(),
        locales: set.locales,
        schemes: set.schemes,
        documents,
      };
      return state.current;
    }),
  };
  return { state, store };
}

const logger = new AppLogger(pino({ level: 'silent' }));

describe('CatalogRefreshService', () => {
  let dir: string;
  let file: string;
  const write = (body: unknown) =>
    writeFileSync(file, typeof body === 'string' ? body : JSON.stringify(body));
  const config = () =>
    ({ CATALOG_REFRESH_MIN: 360, catalogUrl: pathToFileURL(file).href }) as unknown as AppConfig;

  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'catalog-'));
    file = join(dir, 'catalog.json');
    write(handMadeCatalog());
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it('publishes a first version, skips while fresh, and only touches an unchanged catalogue', async () => {
    const { state, store } = fakeStore();
    const service = new CatalogRefreshService(
      config(),
      store as unknown as StaticDataStore,
      IdMapping.identity(),
      logger,
    );
    expect(await service.refreshNow(false)).toBe('updated');
    expect(state.current!.documents['native:en:stations'].count).toBe(7);
    expect(await service.refreshNow(false)).toBe('fresh');
    expect(await service.refreshNow(true)).toBe('unchanged');
    expect(state.publishes).toBe(1);
    expect(state.touches).toBe(1);
    expect(state.locked).toBe(false);
  });

  it('publishes a new version when the catalogue changes', async () => {
    const { state, store } = fakeStore();
    const service = new CatalogRefreshService(
      config(),
      store as unknown as StaticDataStore,
      IdMapping.identity(),
      logger,
    );
    await service.refreshNow();
    const first = state.current!.version;
    const changed = handMadeCatalog();
    (changed.stations as unknown[]).push({ station_id: 70000, province_id: 70, station_name: 'New Stop' });
    write(changed);
    expect(await service.refreshNow()).toBe('updated');
    expect(state.current!.version).not.toBe(first);
    expect(store.publish.mock.calls[1][1]!.version).toBe(first);
  });

  it.each([['not json'], [JSON.stringify({ stations: [] })]])(
    'keeps the last good version when a refresh fails (%s)',
    async (broken) => {
      const { state, store } = fakeStore();
      const service = new CatalogRefreshService(
        config(),
        store as unknown as StaticDataStore,
        IdMapping.identity(),
        logger,
      );
      await service.refreshNow();
      const good = state.current;
      write(broken);
      expect(await service.refreshNow()).toBe('failed');
      expect(await service.refreshNow()).toBe('failed');
      expect(state.current).toBe(good);
      expect(service.stats).toMatchObject({ failures: 2, consecutiveFailures: 2, lastOutcome: 'failed' });
      expect(state.locked).toBe(false);
      write(handMadeCatalog());
      expect(await service.refreshNow()).toBe('unchanged');
      expect(service.stats.consecutiveFailures).toBe(0);
    },
  );

  it('fails without a version when the first load fails', async () => {
    const { state, store } = fakeStore();
    rmSync(file);
    const service = new CatalogRefreshService(
      config(),
      store as unknown as StaticDataStore,
      IdMapping.identity(),
      logger,
    );
    expect(await service.refreshNow()).toBe('failed');
    expect(state.current).toBeNull();
    expect(service.stats.lastError).toMatch(/catalogue file unreadable/);
  });

  it('does not build while another instance holds the lock, and joins a refresh already running', async () => {
    const { state, store } = fakeStore();
    const service = new CatalogRefreshService(
      config(),
      store as unknown as StaticDataStore,
      IdMapping.identity(),
      logger,
    );
    state.locked = true;
    expect(await service.refreshNow()).toBe('locked');
    expect(state.publishes).toBe(0);
    state.locked = false;
    const [a, b] = await Promise.all([service.refreshNow(), service.refreshNow()]);
    expect([a, b]).toEqual(['updated', 'updated']);
    expect(state.publishes).toBe(1);
  });
});
