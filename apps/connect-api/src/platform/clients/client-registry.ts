import { readFileSync, unwatchFile, watchFile, type Stats } from 'node:fs';
import { Injectable, OnApplicationShutdown, OnModuleInit, Optional } from '@nestjs/common';
import { AppConfig } from '../config/app-config';
import { SecretScrubber } from '../logging/redaction';
import { AppLogger, ContextLogger } from '../logging/app-logger';
import { MetricsService } from '../metrics/metrics.service';
import { buildRegistrySnapshot, ClientsConfigError } from './build-registry-snapshot';
import type { ClientSnapshot } from './client-snapshot';
import type { RegistrySnapshot } from './registry-snapshot';

export interface ReloadResult {
  ok: boolean;
  problems?: string[];
  sha256: string;
  enabledClients: number;
  loadedAt: string;
}

/**
 * The client registry of docs/platform.md#client-registry: loads the clients file at boot (invalid → boot fails),
 * reloads on SIGHUP, on file change (polling) and on `reload()`; an invalid reload keeps the previous
 * snapshot. A request keeps the snapshot it started with (the guard stores it in the request).
 */
@Injectable()
export class ClientRegistry implements OnModuleInit, OnApplicationShutdown {
  private current!: RegistrySnapshot;
  private readonly onSighup = () => void this.reload('sighup');
  private readonly onFileChange = (curr: Stats, prev: Stats) => {
    if (curr.mtimeMs !== prev.mtimeMs || curr.size !== prev.size || curr.ino !== prev.ino)
      void this.reload('file_change');
  };
  private watching = false;
  /** Observers (metrics, caches) told after every reload attempt. */
  private readonly listeners: Array<(result: ReloadResult) => void> = [];

  private readonly logger: ContextLogger;

  constructor(
    private readonly config: AppConfig,
    appLogger: AppLogger,
    @Optional() private readonly scrubber?: SecretScrubber,
    @Optional() private readonly metrics?: MetricsService,
  ) {
    this.logger = appLogger.forContext('ClientRegistry');
  }

  onModuleInit(): void {
    this.current = this.load().snapshot;
    this.logger.log({
      msg: 'config.reloaded',
      trigger: 'startup',
      sha256: this.current.sha256,
      clients_enabled: this.current.enabledCount,
    });
    process.on('SIGHUP', this.onSighup);
    if (this.config.CLIENTS_CONFIG_POLL_MS > 0) {
      watchFile(
        this.config.CLIENTS_CONFIG_PATH,
        { interval: this.config.CLIENTS_CONFIG_POLL_MS, persistent: false },
        this.onFileChange,
      );
      this.watching = true;
    }
  }

  onApplicationShutdown(): void {
    process.off('SIGHUP', this.onSighup);
    if (this.watching) unwatchFile(this.config.CLIENTS_CONFIG_PATH, this.onFileChange);
    this.watching = false;
  }

  get(clientId: string): ClientSnapshot | undefined {
    return this.current.clients.get(clientId);
  }

  all(): ClientSnapshot[] {
    return [...this.current.clients.values()];
  }

  snapshot(): RegistrySnapshot {
    return this.current;
  }

  onReload(listener: (result: ReloadResult) => void): void {
    this.listeners.push(listener);
  }

  /** Same as SIGHUP (also used by `POST /admin/config/reload`). Never throws. */
  async reload(trigger: 'sighup' | 'file_change' | 'admin' | 'manual' = 'manual'): Promise<ReloadResult> {
    let result: ReloadResult;
    try {
      const built = this.load();
      this.current = built.snapshot;
      result = {
        ok: true,
        sha256: built.snapshot.sha256,
        enabledClients: built.snapshot.enabledCount,
        loadedAt: built.snapshot.loadedAt.toISOString(),
      };
      this.logger.log({
        msg: 'config.reloaded',
        trigger,
        sha256: result.sha256,
        clients_enabled: result.enabledClients,
      });
    } catch (e) {
      const problems = e instanceof ClientsConfigError ? e.problems : [(e as Error).message];
      result = {
        ok: false,
        problems,
        sha256: this.current.sha256,
        enabledClients: this.current.enabledCount,
        loadedAt: this.current.loadedAt.toISOString(),
      };
      this.logger.error({ msg: 'config.reload_failed', trigger, problems, kept_sha256: this.current.sha256 });
    }
    this.metrics?.increment('config.reload', { result: result.ok ? 'success' : 'failed', trigger });
    this.metrics?.gauge('config.clients', this.current.enabledCount);
    for (const listener of this.listeners) listener(result);
    return result;
  }

  /** Every secret the service knows is scrubbed from log lines (defence in depth, docs/platform.md#logs-and-redaction). */
  private feedScrubber(snapshot: RegistrySnapshot): void {
    if (!this.scrubber) return;
    const secrets: string[] = [
      this.config.TWELVEGO_HEALTH_API_KEY,
      ...this.config.webhookPathSecrets,
      ...this.config.adminTokens,
    ];
    for (const c of snapshot.clients.values()) secrets.push(c.twelvegoApiKey, ...(c.webhook?.secrets ?? []));
    this.scrubber.setSecrets(secrets.filter(Boolean));
  }

  private load() {
    let content: string;
    try {
      content = readFileSync(this.config.CLIENTS_CONFIG_PATH, 'utf8');
    } catch (e) {
      throw new ClientsConfigError([
        `cannot read CLIENTS_CONFIG_PATH ${this.config.CLIENTS_CONFIG_PATH} (${(e as NodeJS.ErrnoException).code ?? 'error'})`,
      ]);
    }
    const built = buildRegistrySnapshot(content, {
      env: this.config.rawEnv,
      allowInlineSecrets: this.config.CONFIG_ALLOW_INLINE_SECRETS,
      requireHttpsWebhooks: this.config.WEBHOOK_REQUIRE_HTTPS,
      allowPrivateTargets: this.config.WEBHOOK_ALLOW_PRIVATE_TARGETS,
      defaultRateLimit: {
        rps: this.config.RATE_LIMIT_DEFAULT_RPS,
        burst: this.config.RATE_LIMIT_DEFAULT_BURST,
      },
      readFile: (path) => readFileSync(path, 'utf8'),
      legacyBaseUrl: this.config.LEGACY_BASE_URL,
    });
    for (const w of built.warnings)
      this.logger.warn({ msg: w.event, client_id: w.clientId, key_id: w.keyId, detail: w.message });
    this.feedScrubber(built.snapshot);
    return built;
  }
}
