import { ConfigValidationError, loadAppConfig } from '../platform/config/load-app-config';
import { searchSettingsFrom } from './search.settings';

function problemsOf(env: Record<string, string>): string[] {
  try {
    loadAppConfig(env);
  } catch (e) {
    if (e instanceof ConfigValidationError) return e.problems;
    throw e;
  }
  return [];
}

describe('search settings (validated by the boot config)', () => {
  it('has the documented defaults', () => {
    expect(searchSettingsFrom(loadAppConfig({}))).toEqual({
      pairConcurrency: 8,
      recheckPollMs: 500,
      recheckMaxWaitS: 30,
    });
  });

  it('reads valid values', () => {
    const config = loadAppConfig({
      SEARCH_PAIR_CONCURRENCY: '3',
      SEARCH_RECHECK_POLL_MS: '50',
      SEARCH_RECHECK_MAX_WAIT_S: '0',
    });
    expect(searchSettingsFrom(config)).toEqual({ pairConcurrency: 3, recheckPollMs: 50, recheckMaxWaitS: 0 });
  });

  it('stops the boot on a bad value instead of falling back, listing every problem', () => {
    expect(problemsOf({ SEARCH_PAIR_CONCURRENCY: 'abc' })).toContain(
      'SEARCH_PAIR_CONCURRENCY must be an integer',
    );
    expect(
      problemsOf({
        SEARCH_PAIR_CONCURRENCY: '0',
        SEARCH_RECHECK_POLL_MS: '10',
        SEARCH_RECHECK_MAX_WAIT_S: '31',
      }),
    ).toEqual([
      'SEARCH_PAIR_CONCURRENCY must be at least 1',
      'SEARCH_RECHECK_POLL_MS must be at least 50',
      'SEARCH_RECHECK_MAX_WAIT_S must be at most 30',
    ]);
    expect(problemsOf({ SEARCH_PAIR_CONCURRENCY: '65' })).toEqual([
      'SEARCH_PAIR_CONCURRENCY must be at most 64',
    ]);
  });
});
