/* global jest */
// Runs in every e2e test file (setupFilesAfterEnv): e2e tests start real apps, allow them time.
jest.setTimeout(60_000);
