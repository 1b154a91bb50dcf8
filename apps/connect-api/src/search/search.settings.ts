import { AppConfig } from '../platform/config/app-config';

/**
 * Tunables of Search, read from the environment through AppConfig.rawEnv (docs/adr/0024-search-partial-results-and-rechecks.md).
 * - `SEARCH_PAIR_CONCURRENCY` (8): 12go searches in flight per partner request.
 * - `SEARCH_RECHECK_POLL_MS` (500): pause between re-queries while waiting for rechecks.
 * - `SEARCH_RECHECK_MAX_WAIT_S` (30): cap on the partner's `timeout` (the contract clamps it to 30 too).
 */
export interface SearchSettings {
  pairConcurrency: number;
  recheckPollMs: number;
  recheckMaxWaitS: number;
}

export const DEFAULT_SEARCH_SETTINGS: SearchSettings = {
  pairConcurrency: 8,
  recheckPollMs: 500,
  recheckMaxWaitS: 30,
};

export function searchSettingsFrom(config: Pick<AppConfig, 'rawEnv'>): SearchSettings {
  const env = config.rawEnv ?? {};
  const int = (name: string, fallback: number, min: number, max: number): number => {
    const raw = env[name];
    if (raw === undefined || raw.trim() === '') return fallback;
    const n = Number(raw);
    return Number.isInteger(n) && n >= min && n <= max ? n : fallback;
  };
  return {
    pairConcurrency: int('SEARCH_PAIR_CONCURRENCY', DEFAULT_SEARCH_SETTINGS.pairConcurrency, 1, 64),
    recheckPollMs: int('SEARCH_RECHECK_POLL_MS', DEFAULT_SEARCH_SETTINGS.recheckPollMs, 50, 10_000),
    recheckMaxWaitS: int('SEARCH_RECHECK_MAX_WAIT_S', DEFAULT_SEARCH_SETTINGS.recheckMaxWaitS, 0, 30),
  };
}
