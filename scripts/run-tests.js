#!/usr/bin/env node
'use strict';
/**
 * `npm test`: ensure a Redis for the e2e tests (TEST_REDIS_URL, default db 15 on 127.0.0.1:6379, else a
 * private redis-server), then type-check, unit tests, e2e tests. Exit code ≠ 0 when any step fails.
 * Every child and the private Redis are stopped before exit.
 */
const fs = require('node:fs');
const os = require('node:os');
const path = require('node:path');
const { createStepRunner } = require('./lib/child-steps');
const { ensureRedis, HOW_TO_GET_REDIS } = require('./lib/redis');

const ROOT = path.join(__dirname, '..');
const E2E_TIMEOUT_MS = Number(process.env.E2E_TIMEOUT_MS || 9 * 60 * 1000);
const steps = createStepRunner(ROOT);

async function main() {
  const redis = await ensureRedis({
    explicitUrl: process.env.TEST_REDIS_URL,
    defaultUrl: 'redis://127.0.0.1:6379/15',
  });
  if (!redis) {
    console.error(
      process.env.TEST_REDIS_URL
        ? `No Redis answers at TEST_REDIS_URL=${process.env.TEST_REDIS_URL}; fix it or unset it. ${HOW_TO_GET_REDIS}`
        : HOW_TO_GET_REDIS,
    );
    process.exit(1);
  }
  const stop = steps.stopper(() => redis.stop());
  console.log(`e2e Redis: ${redis.url} (${redis.source})`);

  const tsc = require.resolve('typescript/bin/tsc', { paths: [ROOT] });
  const jest = require.resolve('jest/bin/jest', { paths: [ROOT] });
  const extra = process.argv.slice(2);
  const reportDir = fs.mkdtempSync(path.join(os.tmpdir(), 'tc-jest-'));
  const jsonReport = (name) => ['--json', `--outputFile=${path.join(reportDir, `${name}.json`)}`];
  const env = { ...process.env, TEST_REDIS_URL: redis.url, DD_TRACE_ENABLED: 'false', NODE_ENV: 'test' };
  const results = [];
  results.push(
    await steps.run('type check (tsc --noEmit)', process.execPath, [tsc, '--noEmit', '-p', 'tsconfig.json']),
  );
  results.push(
    await steps.run(
      'unit tests',
      process.execPath,
      [jest, '--selectProjects', 'unit', '--maxWorkers=2', ...jsonReport('unit'), ...extra],
      { env },
    ),
  );
  results.push(
    await steps.run(
      'e2e tests',
      process.execPath,
      [
        jest,
        '--selectProjects',
        'e2e',
        '--maxWorkers=2',
        ...jsonReport('e2e'),
        ...(process.env.JEST_FORCE_EXIT === 'true' ? ['--forceExit'] : []),
        ...extra,
      ],
      { env, timeoutMs: E2E_TIMEOUT_MS },
    ),
  );
  const ok = results.every(Boolean);
  const totals = countTests(reportDir, ['unit', 'e2e']);
  fs.rmSync(reportDir, { recursive: true, force: true });
  console.log(ok ? '\nAll checks passed.' : '\nSome checks failed.');
  // The plain closing line CI reads: a failed step without failed tests (type check, a crash) counts as one.
  const failed = totals.failed + totals.missing;
  console.log(`${totals.passed} passed, ${ok ? failed : Math.max(failed, 1)} failed`);
  await stop(ok ? 0 : 1);
}

/** Sums jest's --json reports; `missing` counts steps that wrote none (crashed or never ran). */
function countTests(dir, names) {
  const totals = { passed: 0, failed: 0, missing: 0 };
  for (const name of names) {
    try {
      const report = JSON.parse(fs.readFileSync(path.join(dir, `${name}.json`), 'utf8'));
      totals.passed += report.numPassedTests;
      totals.failed += report.numFailedTests + report.numRuntimeErrorTestSuites;
    } catch {
      totals.missing += 1;
    }
  }
  return totals;
}

main().catch(async (e) => {
  console.error(e);
  process.exit(1);
});
