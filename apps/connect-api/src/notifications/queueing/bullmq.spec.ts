import { execFileSync } from 'node:child_process';
import { join } from 'node:path';

/** Loads the notifications module in a fresh Node process and reports whether BullMQ was loaded. */
function bullmqLoadedAfter(script: string): boolean {
  const out = execFileSync(
    process.execPath,
    [
      '-r',
      '@swc-node/register',
      '-e',
      `require(${JSON.stringify(join(__dirname, '..', 'notifications.module.ts'))});
       ${script}
       const loaded = Object.keys(require.cache).some((f) => f.includes('/node_modules/bullmq/'));
       process.stdout.write(String(loaded));`,
    ],
    { encoding: 'utf8', env: { ...process.env, SWC_NODE_PROJECT: join(process.cwd(), 'tsconfig.json') } },
  );
  return out.trim().endsWith('true');
}

describe('BullMQ loaded on first use', () => {
  it('is not loaded by importing the notifications module (what every role does at boot)', () => {
    expect(bullmqLoadedAfter('')).toBe(false);
  });

  it('is loaded once a queue, worker or final failure needs it', () => {
    expect(
      bullmqLoadedAfter(`require(${JSON.stringify(join(__dirname, 'bullmq.ts'))}).bullmq().Queue;`),
    ).toBe(true);
  });
});
