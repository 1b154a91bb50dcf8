import { existsSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { REPO_ROOT } from '../support/local-env';
import { runCaptured } from '../support/run-captured';
import { startStack, TestStack } from '../support/stack';

/**
 * examples/typescript-client (issue 16): types generated from docs/openapi.yaml by openapi-typescript, the
 * example type-checked by tsc, and the program (openapi-fetch) run against a real stack on free ports:
 * search → GetItinerary → CreateBooking from the returned schema → ConfirmBooking → Cancel.
 */

function npmRun(script: string, env: Record<string, string> = {}) {
  return runCaptured(process.platform === 'win32' ? 'npm.cmd' : 'npm', ['run', '--silent', script], env);
}

const GENERATED = join(REPO_ROOT, 'examples/typescript-client/generated/api.d.ts');

describe('typed client example (examples/typescript-client)', () => {
  let stack: TestStack;
  let env: Record<string, string>;

  beforeAll(async () => {
    stack = await startStack();
    env = { TC_BASE_URL: stack.bffUrl, TC_CLIENT_ID: 'demo', TC_API_KEY: stack.demoKey };
  });
  afterAll(() => stack?.close());

  it('generates the types from docs/openapi.yaml and type-checks the example', async () => {
    rmSync(GENERATED, { force: true });
    const run = await npmRun('client:check');
    expect({ code: run.code, output: run.output.slice(-3000) }).toMatchObject({ code: 0 });
    expect(existsSync(GENERATED)).toBe(true);
  }, 120_000);

  it('books and cancels a trip against the running stack', async () => {
    const run = await npmRun('client:example', env);
    expect({ code: run.code, output: run.output.slice(-3000) }).toMatchObject({ code: 0 });
    expect(run.output).toMatch(/search: \d+ itineraries \(20[06]\), booking \S*ZALLFLD/);
    expect(run.output).toMatch(/confirm: approved/);
    expect(run.output).toMatch(/booking \S+: cancelled/);
    // The booking really exists on the BFF and is cancelled there.
    const id = /booking (\S+): cancelled/.exec(run.output)![1];
    const res = await fetch(`${stack.bffUrl}/v1/demo/bookings/${id}`, {
      headers: { 'x-api-key': stack.demoKey },
    });
    expect(res.status).toBe(200);
    expect(((await res.json()) as { status: string }).status).toBe('cancelled');
  }, 180_000);

  it('fails with the API error when the key is wrong', async () => {
    const run = await npmRun('client:example', { ...env, TC_API_KEY: 'not-the-right-key-0123456789' });
    expect(run.code).not.toBe(0);
    expect(run.output).toMatch(/search answered 401/);
  }, 120_000);
});
