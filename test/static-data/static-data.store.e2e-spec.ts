import pino from 'pino';
import { randomBytes } from 'node:crypto';
import { IdMapping } from '../../apps/connect-api/src/ids/id-mapping';
import type { AppConfig } from '../../apps/connect-api/src/platform/config/app-config';
import { AppLogger } from '../../apps/connect-api/src/platform/logging/app-logger';
import { RedisService } from '../../apps/connect-api/src/platform/redis/redis.service';
import { parseCatalog } from '../../apps/connect-api/src/static-data/catalog/catalog.parser';
import { documentIdMapper } from '../../apps/connect-api/src/static-data/documents/document-id-mapper';
import {
  buildDocumentSet,
  variantKey,
} from '../../apps/connect-api/src/static-data/documents/document-set.builder';
import { StaticDataStore } from '../../apps/connect-api/src/static-data/store/static-data.store';
import { handMadeCatalog } from '../../apps/connect-api/src/static-data/testing/hand-made-catalog';
import { deleteKeysWithPrefixes, testRedisUrl } from '../support/stack';

/** The store against the real test Redis: publish, read, version switch, TTLs, lock. */
describe('StaticDataStore (real Redis)', () => {
  const prefix = `test:static-store:${randomBytes(4).toString('hex')}:`;
  const config = {
    REDIS_URL: testRedisUrl(),
    REDIS_KEY_PREFIX: prefix,
    REDIS_COMMAND_TIMEOUT_MS: 2000,
  } as unknown as AppConfig;
  let redis: RedisService;
  let store: StaticDataStore;
  const build = (catalog = handMadeCatalog()) =>
    buildDocumentSet(parseCatalog(catalog).catalog, {
      native: documentIdMapper(IdMapping.identity(), 'native'),
    });

  beforeAll(async () => {
    redis = new RedisService(config, new AppLogger(pino({ level: 'silent' })));
    await redis.onModuleInit();
    store = new StaticDataStore(redis, config);
    await store.whenReady(3000);
  });
  afterAll(async () => {
    await store.onApplicationShutdown();
    await redis.onApplicationShutdown();
    await deleteKeysWithPrefixes(testRedisUrl(), [prefix]);
  });

  it('publishes, serves and switches versions atomically, with TTLs on every key', async () => {
    expect(await store.current()).toBeNull();
    const first = build();
    const now = new Date();
    const meta = await store.publish(first, null, 3600, now, 600);
    expect((await store.current())!.version).toBe(first.version);
    const doc = await store.document(meta, variantKey('native', 'en', 'stations'));
    expect(doc!.json().equals(first.documents.get(variantKey('native', 'en', 'stations'))!.body)).toBe(true);
    expect((await store.lastCheckedAt())!.toISOString()).toBe(now.toISOString());

    const keys = await redis.client.keys(`${prefix}*`);
    expect(keys.every((k) => k.startsWith(`${prefix}{static}:`))).toBe(true);
    for (const k of keys) expect(await redis.client.ttl(k)).toBeGreaterThan(0);

    const changed = handMadeCatalog();
    (changed.provinces as Array<Record<string, unknown>>)[0].name = 'Krung Thep';
    const second = build(changed);
    await store.publish(second, meta, 3600, new Date(), 600);
    expect((await store.current())!.version).toBe(second.version);
    // Blobs only the old version used are kept briefly; shared ones keep the full retention.
    const oldStations = first.documents.get(variantKey('native', 'en', 'stations'))!.etag.replace(/"/g, '');
    const sharedOps = first.documents
      .get(variantKey('native', 'en', 'operating_carriers'))!
      .etag.replace(/"/g, '');
    expect(await redis.client.ttl(`${prefix}{static}:blob:${oldStations}`)).toBeLessThanOrEqual(600);
    expect(await redis.client.ttl(`${prefix}{static}:blob:${sharedOps}`)).toBeGreaterThan(600);
  });

  it('lets one holder take the lock at a time', async () => {
    expect(await store.acquireLock('a', 5000)).toBe(true);
    expect(await store.acquireLock('b', 5000)).toBe(false);
    await store.releaseLock('b');
    expect(await store.acquireLock('b', 5000)).toBe(false);
    await store.releaseLock('a');
    expect(await store.acquireLock('b', 5000)).toBe(true);
    await store.releaseLock('b');
  });
});
