import { Injectable, OnApplicationShutdown } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import { gunzipSync, gzipSync } from 'node:zlib';
import { AppConfig } from '../../platform/config/app-config';
import type { RedisClient } from '../../platform/redis/redis-connection.factory';
import { RedisService } from '../../platform/redis/redis.service';
import type { DocumentSet, DocumentVariantKey } from '../documents/document-set.builder';
import { redisKeys } from '../../platform/redis/redis-keys';

export interface VersionMeta {
  version: string;
  builtAt: string;
  locales: string[];
  schemes: string[];
  documents: Record<DocumentVariantKey, { etag: string; count: number; bytes: number }>;
}

export interface StoredDocument {
  etag: string;
  lastModified: Date;
  gzip: Buffer;
  /** Lazily unzipped JSON body. */
  json(): Buffer;
}

const RELEASE_LOCK = `if redis.call('get', KEYS[1]) == ARGV[1] then return redis.call('del', KEYS[1]) else return 0 end`;
/** Blobs only of a superseded version stay readable this long for requests in flight. */
const SUPERSEDED_GRACE_S = 600;
/** Documents can be megabytes: the builder writes them on its own connection with a generous timeout. */
const WRITER_COMMAND_TIMEOUT_MS = 30_000;

/**
 * The built documents in Redis, shared by every instance (docs/contract/endpoints.md#master-data). Keys (under REDIS_KEY_PREFIX,
 * written `{static}:…`): `static:current` → version id; `static:meta:{version}` → VersionMeta JSON; `static:blob:{etag}` → gzipped
 * document (content-addressed, so variants and versions with equal content share one blob);
 * `static:checked` → time of the last successful catalogue check; `static:lock` → builder lock.
 */
@Injectable()
export class StaticDataStore implements OnApplicationShutdown {
  private readonly metaCache = new Map<string, VersionMeta>();
  private readonly blobCache = new Map<string, Buffer>();
  private lastServed: VersionMeta | null = null;

  private writerConnection: RedisClient | null = null;

  constructor(
    private readonly redis: RedisService,
    private readonly config: AppConfig,
  ) {}

  async onApplicationShutdown(): Promise<void> {
    const writer = this.writerConnection;
    this.writerConnection = null;
    if (!writer || writer.status === 'end') return;
    // QUIT is queued until the connection is ready, so it would hang shutdown while Redis is unreachable.
    if (writer.status !== 'ready') return writer.disconnect();
    await writer.quit().catch(() => writer.disconnect());
  }

  /** The request-path connection has a short command timeout (docs/operations.md#when-redis-is-down); publishing may need longer. */
  private writer(): RedisClient {
    this.writerConnection ??= this.redis.connection({
      commandTimeout: WRITER_COMMAND_TIMEOUT_MS,
      maxRetriesPerRequest: 1,
      enableOfflineQueue: true,
      connectionName: 'tc-bff-static-data-writer',
    });
    // Failures surface as rejected commands; without a listener ioredis prints every reconnect error to stderr.
    this.writerConnection.on('error', () => undefined);
    return this.writerConnection;
  }

  private k(...parts: string[]): string {
    // One hash tag: every static-data key lives in one cluster slot, so MULTI works with REDIS_CLUSTER_NODES.
    return redisKeys.staticData(this.redis.keyPrefix, ...parts);
  }

  /** Resolves when the connection is up, or after `timeoutMs` (boot does not wait for Redis otherwise). */
  async whenReady(timeoutMs: number): Promise<void> {
    if (this.redis.isAvailable()) return;
    await new Promise<void>((resolve) => {
      const done = () => {
        clearTimeout(timer);
        this.redis.client.off('ready', done);
        resolve();
      };
      const timer = setTimeout(done, timeoutMs);
      this.redis.client.once('ready', done);
    });
  }

  newLockToken(): string {
    return randomUUID();
  }

  async acquireLock(token: string, ttlMs: number): Promise<boolean> {
    return (await this.redis.client.set(this.k('lock'), token, 'PX', ttlMs, 'NX')) === 'OK';
  }

  async releaseLock(token: string): Promise<void> {
    await this.redis.client.eval(RELEASE_LOCK, 1, this.k('lock'), token);
  }

  async lastCheckedAt(): Promise<Date | null> {
    const v = await this.redis.client.get(this.k('checked'));
    const d = v ? new Date(v) : null;
    return d && !Number.isNaN(d.getTime()) ? d : null;
  }

  async currentVersion(): Promise<string | null> {
    return this.redis.client.get(this.k('current'));
  }

  /**
   * The published version. While Redis is unreachable, the version this instance served last is used (its
   * blobs stay in memory), so the documents degrade rather than stop (docs/operations.md#when-redis-is-down).
   */
  async current(): Promise<VersionMeta | null> {
    try {
      const version = await this.currentVersion();
      const meta = version ? await this.meta(version) : null;
      this.lastServed = meta;
      return meta;
    } catch (e) {
      if (this.lastServed) return this.lastServed;
      throw e;
    }
  }

  async meta(version: string): Promise<VersionMeta | null> {
    const cached = this.metaCache.get(version);
    if (cached) return cached;
    const raw = await this.redis.client.get(this.k('meta', version));
    if (!raw) return null;
    const meta = JSON.parse(raw) as VersionMeta;
    this.metaCache.clear();
    this.metaCache.set(version, meta);
    return meta;
  }

  /** True when every blob of `meta` is still stored. */
  async hasAllBlobs(meta: VersionMeta): Promise<boolean> {
    const ids = blobIds(meta);
    if (ids.length === 0) return true;
    return (await this.redis.client.exists(...ids.map((id) => this.k('blob', id)))) === ids.length;
  }

  /** Same content as the current version: extend the lifetime of what is stored and record the check. */
  async touch(meta: VersionMeta, retentionS: number, now: Date, checkTtlS: number): Promise<void> {
    const multi = this.writer().multi();
    multi.expire(this.k('current'), retentionS);
    multi.expire(this.k('meta', meta.version), retentionS);
    for (const etag of blobIds(meta)) multi.expire(this.k('blob', etag), retentionS);
    multi.set(this.k('checked'), now.toISOString(), 'EX', checkTtlS);
    await execOrThrow(multi);
  }

  /** Writes every blob and the meta, then switches `current` in one MULTI (readers see the old or the new version). */
  async publish(
    set: DocumentSet,
    previous: VersionMeta | null,
    retentionS: number,
    now: Date,
    checkTtlS: number,
  ): Promise<VersionMeta> {
    const meta: VersionMeta = {
      version: set.version,
      builtAt: new Date(Math.floor(now.getTime() / 1000) * 1000).toISOString(),
      locales: set.locales,
      schemes: set.schemes,
      documents: {} as VersionMeta['documents'],
    };
    const blobs = new Map<string, Buffer>();
    for (const [key, doc] of set.documents) {
      meta.documents[key] = { etag: doc.etag, count: doc.count, bytes: doc.body.length };
      const id = blobId(doc.etag);
      if (!blobs.has(id)) blobs.set(id, gzipSync(doc.body));
    }
    // Blobs are content-addressed, so writing them one by one before the switch is safe.
    const writer = this.writer();
    for (const [id, gz] of blobs) await writer.set(this.k('blob', id), gz, 'EX', retentionS);
    await writer.set(this.k('meta', meta.version), JSON.stringify(meta), 'EX', retentionS);

    const swap = writer.multi();
    swap.set(this.k('current'), meta.version, 'EX', retentionS);
    swap.set(this.k('checked'), now.toISOString(), 'EX', checkTtlS);
    if (previous && previous.version !== meta.version) {
      const kept = new Set(blobs.keys());
      for (const id of blobIds(previous))
        if (!kept.has(id)) swap.expire(this.k('blob', id), SUPERSEDED_GRACE_S);
      swap.expire(this.k('meta', previous.version), SUPERSEDED_GRACE_S);
    }
    await execOrThrow(swap);
    return meta;
  }

  /** A document of the given version, or null when it was evicted. */
  async document(meta: VersionMeta, key: DocumentVariantKey): Promise<StoredDocument | null> {
    const entry = meta.documents[key];
    if (!entry) return null;
    const id = blobId(entry.etag);
    let gzip = this.blobCache.get(id);
    if (!gzip) {
      const raw = await this.redis.client.getBuffer(this.k('blob', id));
      if (!raw) return null;
      gzip = raw;
      this.rememberBlob(meta, id, gzip);
    }
    let json: Buffer | undefined;
    const zipped = gzip;
    return {
      etag: entry.etag,
      lastModified: new Date(meta.builtAt),
      gzip: zipped,
      json: () => (json ??= gunzipSync(zipped)),
    };
  }

  private rememberBlob(meta: VersionMeta, id: string, gzip: Buffer): void {
    // Keep only blobs of the version being served (bounded by one version's size).
    const live = new Set(blobIds(meta));
    for (const cached of this.blobCache.keys()) if (!live.has(cached)) this.blobCache.delete(cached);
    this.blobCache.set(id, gzip);
  }
}

function blobId(etag: string): string {
  return etag.replace(/"/g, '');
}

function blobIds(meta: VersionMeta): string[] {
  return [...new Set(Object.values(meta.documents).map((d) => blobId(d.etag)))];
}

async function execOrThrow(multi: { exec(): Promise<[Error | null, unknown][] | null> }): Promise<void> {
  const results = await multi.exec();
  const failed = results?.find(([err]) => err);
  if (!results || failed) throw failed?.[0] ?? new Error('Redis transaction aborted');
}
