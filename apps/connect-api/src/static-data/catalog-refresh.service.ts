import { Injectable, OnApplicationBootstrap, OnApplicationShutdown, Optional } from '@nestjs/common';
import { IdMapping } from '../ids/id-mapping';
import { AppConfig } from '../platform/config/app-config';
import { ReadinessChecks, type ReadinessCheckResult } from '../platform/health/readiness-checks';
import { AppLogger, type ContextLogger } from '../platform/logging/app-logger';
import { RedisService } from '../platform/redis/redis.service';
import { SeatClassImageStore } from '../seat-class-images/seat-class-image.store';
import { indexSeatClassImages } from '../seat-class-images/seat-class-images';
import { parseCatalog } from './catalog/catalog.parser';
import { fetchCatalog } from './catalog/catalog.source';
import { documentIdMapper } from './documents/document-id-mapper';
import { buildDocumentSet } from './documents/document-set.builder';
import { StaticDataStore, type VersionMeta } from './store/static-data.store';

export type RefreshOutcome = 'updated' | 'unchanged' | 'fresh' | 'locked' | 'failed';

const FETCH_TIMEOUT_MS = 15_000;
const LOCK_TTL_MS = 120_000;
/** How long boot waits for the first load before serving (503 until a version exists). */
const BOOT_WAIT_MS = 5_000;
const RETRY_MIN_MS = 2_000;
const RETRY_MAX_MS = 60_000;
const RETRY_MAX_SERVING_MS = 15 * 60_000;
const MIN_RETENTION_S = 7 * 86_400;
const REDIS_WAIT_MS = 3_000;
/**
 * How often each instance checks that a current version is still published: Redis may come back empty
 * (restart without persistence, eviction, flush) long before the next scheduled refresh.
 */
const WATCH_MS = 5_000;
/** setTimeout's ceiling (≈ 24.8 days); longer intervals just check earlier and find the data fresh. */
const MAX_TIMER_MS = 2 ** 31 - 1;

export interface RefreshStats {
  attempts: number;
  failures: number;
  consecutiveFailures: number;
  lastOutcome: RefreshOutcome | null;
  lastError: string | null;
  lastSuccessAt: string | null;
}

/**
 * Loads the catalogue on start and every CATALOG_REFRESH_MIN, builds the documents and publishes them in Redis
 * (docs/contract/endpoints.md#master-data). One instance builds at a time (Redis lock); the others see the version it publishes.
 * A failed refresh keeps the previous version (logged, counted); until a first version exists, it retries
 * with backoff and the endpoints answer 503. A current version that disappears (Redis lost its data) is
 * rebuilt within WATCH_MS, under the same lock, and readiness reports `static_data` down meanwhile
 * (docs/adr/0102-static-data-self-healing.md).
 */
@Injectable()
export class CatalogRefreshService implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger: ContextLogger;
  private timer: NodeJS.Timeout | null = null;
  private watcher: NodeJS.Timeout | null = null;
  private running: Promise<RefreshOutcome> | null = null;
  private stopped = false;
  private retryMs = RETRY_MIN_MS;
  readonly stats: RefreshStats = {
    attempts: 0,
    failures: 0,
    consecutiveFailures: 0,
    lastOutcome: null,
    lastError: null,
    lastSuccessAt: null,
  };

  constructor(
    private readonly config: AppConfig,
    private readonly store: StaticDataStore,
    private readonly ids: IdMapping,
    appLogger: AppLogger,
    @Optional() private readonly redis?: RedisService,
    @Optional() readiness?: ReadinessChecks,
    @Optional() private readonly classImages?: SeatClassImageStore,
  ) {
    this.logger = appLogger.forContext('StaticData');
    readiness?.register('static_data', () => this.readiness());
  }

  private get intervalMs(): number {
    return this.config.CATALOG_REFRESH_MIN * 60_000;
  }

  async onApplicationBootstrap(): Promise<void> {
    this.watcher = setInterval(() => void this.rebuildIfMissing('watch'), WATCH_MS);
    this.watcher.unref();
    // Back from an outage: check at once rather than at the next watch.
    this.redis?.client.on('ready', this.onRedisReady);
    const first = this.tick();
    await Promise.race([first, new Promise((resolve) => setTimeout(resolve, BOOT_WAIT_MS).unref())]);
  }

  onApplicationShutdown(): void {
    this.stopped = true;
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
    if (this.watcher) clearInterval(this.watcher);
    this.watcher = null;
    this.redis?.client.off('ready', this.onRedisReady);
  }

  private readonly onRedisReady = (): void => void this.rebuildIfMissing('redis_ready');

  /**
   * Rebuilds when Redis answers but holds no current version. Joins a refresh already running; another
   * instance holding the build lock makes this a no-op (its version will appear).
   */
  async rebuildIfMissing(trigger: 'watch' | 'redis_ready' | 'request' | 'readiness'): Promise<void> {
    if (this.stopped || this.running || (this.redis && !this.redis.isAvailable())) return;
    const version = await this.store.currentVersion().catch(() => undefined);
    if (version !== null) return; // published, or Redis unreadable right now
    this.logger.warn({ msg: 'static_data.version_missing', trigger });
    await this.refreshNow(false);
  }

  /** `static_data` in /health/ready: down while no version is published. */
  private async readiness(): Promise<ReadinessCheckResult> {
    const version = await this.store.currentVersion();
    if (version) return { status: 'up', static_version: version };
    void this.rebuildIfMissing('readiness');
    return { status: 'down', error: 'no published version', rebuilding: this.running !== null };
  }

  /** Runs one refresh now (joins one already running). `force` ignores the "recently checked" shortcut. */
  refreshNow(force = true): Promise<RefreshOutcome> {
    this.running ??= this.refresh(force).finally(() => (this.running = null));
    return this.running;
  }

  private async tick(): Promise<void> {
    await this.store.whenReady(REDIS_WAIT_MS);
    const outcome = await this.refreshNow(false);
    if (this.stopped) return;
    const hasVersion = await this.store.currentVersion().catch(() => null);
    let delay: number;
    if (hasVersion && (outcome === 'updated' || outcome === 'unchanged' || outcome === 'fresh')) {
      this.retryMs = RETRY_MIN_MS;
      delay = this.intervalMs;
    } else if (hasVersion && outcome === 'locked') {
      delay = this.intervalMs;
    } else {
      // No version yet, or the refresh failed: retry sooner, never later than the regular interval; back off
      // further while a version is being served (nothing is down for partners).
      delay = Math.min(this.retryMs, this.intervalMs);
      this.retryMs = Math.min(this.retryMs * 2, hasVersion ? RETRY_MAX_SERVING_MS : RETRY_MAX_MS);
    }
    // Spread instances so they do not all wake at once.
    const jitter = Math.floor(Math.random() * Math.min(delay * 0.1, 30_000));
    this.timer = setTimeout(() => void this.tick(), Math.min(delay + jitter, MAX_TIMER_MS));
    this.timer.unref();
  }

  private async refresh(force: boolean): Promise<RefreshOutcome> {
    const started = Date.now();
    let token: string | null = null;
    let outcome: RefreshOutcome;
    try {
      const previous = await this.store.current();
      if (!force && previous) {
        const checked = await this.store.lastCheckedAt();
        if (checked && started - checked.getTime() < this.intervalMs * 0.9)
          return this.finish('fresh', started);
      }
      const lockToken = this.store.newLockToken();
      if (!(await this.store.acquireLock(lockToken, LOCK_TTL_MS))) return this.finish('locked', started);
      token = lockToken;
      this.stats.attempts++;
      outcome = await this.build(previous);
    } catch (e) {
      this.stats.failures++;
      this.stats.consecutiveFailures++;
      this.stats.lastError = describe(e);
      const current = await this.store.currentVersion().catch(() => null);
      this.logger.warn({
        msg: 'static_data.refresh_failed',
        error: this.stats.lastError,
        failures_total: this.stats.failures,
        consecutive_failures: this.stats.consecutiveFailures,
        serving_static_version: current,
        duration_ms: Date.now() - started,
      });
      outcome = 'failed';
    } finally {
      if (token) await this.store.releaseLock(token).catch(() => undefined);
    }
    return this.finish(outcome, started);
  }

  private async build(previous: VersionMeta | null): Promise<RefreshOutcome> {
    const body = await fetchCatalog(this.config.catalogUrl, FETCH_TIMEOUT_MS);
    const { catalog, skipped } = parseCatalog(body);
    const set = buildDocumentSet(catalog, {
      native: documentIdMapper(this.ids, 'native'),
      mapped: documentIdMapper(this.ids, 'mapped'),
    });
    const now = new Date();
    const retentionS = Math.max(MIN_RETENTION_S, Math.ceil((this.intervalMs * 3) / 1000));
    const checkTtlS = Math.ceil((this.intervalMs * 2) / 1000);
    // The class images are joined by search and GetItinerary, not part of the documents: written on every check.
    await this.classImages?.save(indexSeatClassImages(catalog.classImages), retentionS);
    // Same content: extend what is stored — unless blobs were lost, then publish them again.
    if (previous && previous.version === set.version && (await this.store.hasAllBlobs(previous))) {
      await this.store.touch(previous, retentionS, now, checkTtlS);
      return 'unchanged';
    }
    const meta = await this.store.publish(set, previous, retentionS, now, checkTtlS);
    const en = (doc: string) =>
      meta.documents[`native:en:${doc}` as keyof VersionMeta['documents']]?.count ?? 0;
    this.logger.log({
      msg: 'static_data.published',
      static_version: meta.version,
      previous_static_version: previous?.version ?? null,
      stations: en('stations'),
      operating_carriers: en('operating_carriers'),
      pois: en('pois'),
      locales: meta.locales,
      dropped_stations: set.droppedStations.length,
      skipped_records: skipped,
    });
    return 'updated';
  }

  private finish(outcome: RefreshOutcome, started: number): RefreshOutcome {
    this.stats.lastOutcome = outcome;
    if (outcome === 'updated' || outcome === 'unchanged') {
      this.stats.consecutiveFailures = 0;
      this.stats.lastSuccessAt = new Date().toISOString();
      this.logger.debug({ msg: 'static_data.refreshed', outcome, duration_ms: Date.now() - started });
    }
    return outcome;
  }
}

function describe(e: unknown): string {
  return e instanceof Error ? `${e.name}: ${e.message}` : String(e);
}
