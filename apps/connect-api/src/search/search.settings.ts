import type { AppConfig } from '../platform/config/app-config';

/**
 * Tunables of Search, validated at boot with the rest of AppConfig (docs/adr/0024-search-partial-results-and-rechecks.md).
 * - `SEARCH_PAIR_CONCURRENCY` (8): 12go searches in flight per partner request.
 * - `SEARCH_RECHECK_POLL_MS` (500): pause between re-queries while waiting for rechecks.
 * - `SEARCH_RECHECK_MAX_WAIT_S` (30): cap on the partner's `timeout` (the contract clamps it to 30 too).
 */
export interface SearchSettings {
  pairConcurrency: number;
  recheckPollMs: number;
  recheckMaxWaitS: number;
}

export function searchSettingsFrom(
  config: Pick<AppConfig, 'SEARCH_PAIR_CONCURRENCY' | 'SEARCH_RECHECK_POLL_MS' | 'SEARCH_RECHECK_MAX_WAIT_S'>,
): SearchSettings {
  return {
    pairConcurrency: config.SEARCH_PAIR_CONCURRENCY,
    recheckPollMs: config.SEARCH_RECHECK_POLL_MS,
    recheckMaxWaitS: config.SEARCH_RECHECK_MAX_WAIT_S,
  };
}
