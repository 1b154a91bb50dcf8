import { spawn } from 'node:child_process';
import { existsSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { REPO_ROOT } from '../support/local-env';
import { startStack, TestStack } from '../support/stack';

/**
 * examples/typescript-client (issue 16): types generated from docs/openapi.yaml by openapi-typescript, the
 * example type-checked by tsc, and the program (openapi-fetch) run against a real stack on free ports:
 * search → GetItinerary → CreateBooking from the returned schema → ConfirmBooking → Cancel.
 */

interface Run {
  code: number | null;
  output: string;
}

function npmRun(script: string, env: Record<string, string> = {}): Promise<Run> {
  return new Promise((resolve, reject) => {
    const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';
    const child = spawn(npm, ['run', '--silent', script], {
      cwd: REPO_ROOT,
      env: { ...process.env, ...env },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let output = '';
    child.stdout.on('data', (d) => (output += d));
    child.stderr.on('data', (d) => (output += d));
    child.once('error', reject);
    child.once('exit', (code) => resolve({ code, output }));
  });
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
