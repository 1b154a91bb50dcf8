#!/usr/bin/env node
'use strict';
/**
 * `npm run test:cluster`: build the production bundle (the fleet test runs dist/ as real processes), start
 * a throwaway 3-master Redis Cluster (scripts/lib/redis-cluster.js), run the e2e suites that use Redis
 * meaningfully against it, then the fleet and Sentinel suites (test/fleet). Exit code ≠ 0 when a step fails;
 * the cluster is stopped before exit.
 */
const path = require('node:path');
const { createStepRunner } = require('./lib/child-steps');
const { startRedisCluster } = require('./lib/redis-cluster');

const ROOT = path.join(__dirname, '..');
const STEP_TIMEOUT_MS = Number(process.env.CLUSTER_STEP_TIMEOUT_MS || 12 * 60 * 1000);

/** The e2e suites whose Redis use (Lua scripts, MULTI, BullMQ, owner records, static data) Cluster changes. */
const CLUSTER_E2E_SUITES = [
  'test/operations/rate-limit.e2e-spec.ts',
  'test/booking/booking-funnel.e2e-spec.ts',
  'test/booking/booking-async-flow.e2e-spec.ts',
  'test/post-booking/post-booking.e2e-spec.ts',
  'test/post-booking/post-booking-isolation.e2e-spec.ts',
  'test/notifications/notifications-delivery.e2e-spec.ts',
  'test/notifications/notifications-dead-letters.e2e-spec.ts',
  'test/notifications/notifications-webhook-test.e2e-spec.ts',
  'test/static-data/static-data-refresh.e2e-spec.ts',
  'test/sandbox/sandbox-restart-ids.e2e-spec.ts',
  'test/operations/admin.e2e-spec.ts',
  'test/platform/redis-topology.e2e-spec.ts',
  'test/reliability/cross-client-cart.e2e-spec.ts',
  'test/reliability/search-fan-out.e2e-spec.ts',
  'test/migration/legacy-routing.e2e-spec.ts',
  'test/operations/queue-board.e2e-spec.ts',
];

const steps = createStepRunner(ROOT);

async function main() {
  const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';
  const built = await steps.run('production build (npm run build)', npm, ['run', 'build', '--silent']);
  if (!built) process.exit(1);

  const startedAt = Date.now();
  const cluster = await startRedisCluster({ masters: 3 });
  console.log(
    `Redis Cluster: ${cluster.nodesEnv} (3 masters, ${Date.now() - startedAt} ms to cluster_state:ok)`,
  );
  const stop = steps.stopper(() => cluster.stop());

  const jest = require.resolve('jest/bin/jest', { paths: [ROOT] });
  const env = {
    ...process.env,
    TEST_REDIS_CLUSTER_NODES: cluster.nodesEnv,
    // The e2e globalSetup checks this answers; a Cluster has no db 15, keys are separated by prefix.
    TEST_REDIS_URL: `redis://${cluster.nodesEnv.split(',')[0]}`,
    DD_TRACE_ENABLED: 'false',
    NODE_ENV: 'test',
  };
  const extra = process.argv.slice(2);
  const results = [
    await steps.run(
      'e2e suites on the Redis Cluster',
      process.execPath,
      [jest, '--selectProjects', 'e2e', '--maxWorkers=2', ...extra, ...CLUSTER_E2E_SUITES],
      { env, timeoutMs: STEP_TIMEOUT_MS },
    ),
    await steps.run(
      'fleet and Sentinel suites (real processes)',
      process.execPath,
      // --forceExit: the suites kill Redis nodes on purpose; a client's reconnect timer must not hold CI.
      [jest, '--selectProjects', 'fleet', '--maxWorkers=1', '--verbose', '--forceExit', ...extra],
      { env, timeoutMs: STEP_TIMEOUT_MS },
    ),
  ];
  const ok = results.every(Boolean);
  console.log(ok ? '\nCluster checks passed.' : '\nSome cluster checks failed.');
  await stop(ok ? 0 : 1);
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
