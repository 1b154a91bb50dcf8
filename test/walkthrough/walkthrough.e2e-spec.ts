import { join } from 'node:path';
import { REPO_ROOT } from '../support/local-env';
import { runCaptured } from '../support/run-captured';
import { startStack, TestStack, writeClientsFile } from '../support/stack';

/**
 * `npm run walkthrough` (issue 16): the partner collection (walkthrough/*.http, httpyac) against a real
 * stack on free ports — search, itinerary, seat lock, booking from the schema, confirm, details, ticket,
 * cancel, static data, the first errors, and IncompleteResults polling with an async_flow client. Any
 * unexpected status fails the run (and this test), so the walkthrough cannot rot.
 */

function walkthrough(env: Record<string, string>) {
  return runCaptured(process.execPath, [join(REPO_ROOT, 'scripts/walkthrough.js')], env);
}

describe('partner walkthrough (walkthrough/*.http via npm run walkthrough)', () => {
  let stack: TestStack;
  let env: Record<string, string>;

  beforeAll(async () => {
    const clientsFile = writeClientsFile((file) => {
      file.clients.find((c) => c.client_id === 'demo-b').async_flow = true;
    });
    stack = await startStack({
      clientsFile,
      env: { ASYNC_FLOW_THRESHOLD_MS: '300' },
      sandboxEnv: { SANDBOX_SLOW_CONFIRM_MS: '2500', SANDBOX_CONFIRM_DELAY_MS: '300' },
    });
    env = {
      WALKTHROUGH_BASE_URL: stack.bffUrl,
      WALKTHROUGH_SANDBOX_URL: stack.sandboxUrl,
      WALKTHROUGH_CLIENT_ID: 'demo',
      WALKTHROUGH_API_KEY: stack.demoKey,
      WALKTHROUGH_ASYNC_CLIENT_ID: 'demo-b',
      WALKTHROUGH_ASYNC_API_KEY: stack.demoBKey,
    };
  });
  afterAll(() => stack?.close());

  it('runs the whole collection against the running stack with only expected statuses', async () => {
    const run = await walkthrough(env);
    expect({ code: run.code, tail: run.output.slice(-3000) }).toMatchObject({ code: 0 });
    const summary = /(\d+) requests processed \((\d+) succeeded\)/.exec(run.output);
    expect(summary).not.toBeNull();
    expect(Number(summary![2])).toBe(Number(summary![1]));
    // funnel.http 11 + errors.http 7 + async.http ≥ 5 (the poll loop repeats one request).
    expect(Number(summary![1])).toBeGreaterThanOrEqual(23);
    expect(run.output).not.toMatch(/✖|failed|errored/);
    expect(run.output).not.toContain('No stack answers'); // it used the running stack
  }, 180_000);

  it('fails on an unexpected status (a wrong API key)', async () => {
    const run = await walkthrough({ ...env, WALKTHROUGH_API_KEY: 'not-the-right-key-0123456789' });
    expect(run.code).not.toBe(0);
    expect(run.output).toMatch(/status \(401\) == 200/);
  });
});
