import { readFile } from 'node:fs/promises';
import { Injectable, Logger, OnModuleInit, Optional } from '@nestjs/common';
import { ClientRegistry } from '../platform/clients/client-registry';
import { AppConfig } from '../platform/config/app-config';
import {
  forwardKey,
  type LegacyBookingMapIndex,
  type LegacyBookingRow,
  type LegacyMapProblem,
  parseLegacyBookingMap,
} from './legacy-booking-map.parser';

export interface LegacyMapLoadReport {
  path: string | null;
  loaded: number;
  errors: LegacyMapProblem[];
  warnings: LegacyMapProblem[];
}

const EMPTY: LegacyBookingMapIndex = { forward: new Map(), reverse: new Map(), errors: [], warnings: [] };

/**
 * The legacy booking-id mapping file (docs/contract/ids.md#booking-ids) in memory: loaded at start (a missing or
 * header-less file fails start-up), reloaded with the client registry (SIGHUP, `POST /admin/config/reload`,
 * clients-file change) or by `reload()`; a failing reload keeps the current index. Bad rows are logged with
 * their line numbers — never their content — and skipped.
 */
@Injectable()
export class LegacyBookingMapService implements OnModuleInit {
  private readonly logger = new Logger(LegacyBookingMapService.name);
  private index: LegacyBookingMapIndex = EMPTY;
  constructor(
    private readonly config: AppConfig,
    @Optional() private readonly registry?: ClientRegistry,
  ) {}

  get path(): string | null {
    return this.config.LEGACY_BOOKING_MAP_PATH || null;
  }

  async onModuleInit(): Promise<void> {
    await this.load();
    this.registry?.onReload(() => void this.reload());
  }

  /** Loads the file or throws (start-up). */
  async load(): Promise<LegacyMapLoadReport> {
    const path = this.path;
    if (!path) {
      this.index = EMPTY;
      return { path: null, loaded: 0, errors: [], warnings: [] };
    }
    const index = parseLegacyBookingMap(await readFile(path, 'utf8'));
    this.index = index;
    const report = { path, loaded: index.forward.size, errors: index.errors, warnings: index.warnings };
    for (const e of index.errors)
      this.logger.error({
        msg: 'legacy_booking_map.bad_row',
        event: 'legacy_booking_map.bad_row',
        line: e.line,
        reason: e.reason,
      });
    for (const w of index.warnings)
      this.logger.warn({
        msg: 'legacy_booking_map.duplicate_bid',
        event: 'legacy_booking_map.duplicate_bid',
        line: w.line,
        reason: w.reason,
      });
    this.logger.log({
      msg: 'legacy_booking_map.loaded',
      event: 'legacy_booking_map.loaded',
      rows: report.loaded,
      bad_rows: index.errors.length,
    });
    return report;
  }

  /** Re-reads the file; on failure logs and keeps the current index. */
  async reload(): Promise<LegacyMapLoadReport | null> {
    try {
      return await this.load();
    } catch (err) {
      this.logger.error({
        msg: 'legacy_booking_map.reload_failed',
        event: 'legacy_booking_map.reload_failed',
        err: (err as Error).message,
      });
      return null;
    }
  }

  /** Forward index, scoped to the calling client. */
  lookup(clientId: string, legacyBookingId: string): string | undefined {
    return this.index.forward.get(forwardKey(clientId, legacyBookingId));
  }

  /** docs/contract/ids.md#booking-ids: the legacy id and owner of `bid`, when the file has one. */
  reverse(bid: string): LegacyBookingRow | undefined {
    return this.index.reverse.get(bid);
  }
}
