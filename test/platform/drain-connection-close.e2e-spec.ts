import { Agent, request } from 'node:http';
import { LifecycleState } from '../../apps/connect-api/src/platform/lifecycle/lifecycle-state';
import { startStack, type TestStack } from '../support/stack';

const agent = new Agent({ keepAlive: true });

/** Raw response headers (fetch hides `connection`), on a keep-alive connection. */
function get(url: string): Promise<{ status: number; connection: string | undefined }> {
  return new Promise((resolve, reject) => {
    const req = request(url, { agent }, (res) => {
      res.resume();
      res.on('end', () => resolve({ status: res.statusCode ?? 0, connection: res.headers.connection }));
    });
    req.on('error', reject);
    req.end();
  });
}

/** A draining instance tells keep-alive clients to leave before its listener closes (rolling restarts). */
describe('draining responses close the connection', () => {
  let stack: TestStack;
  beforeAll(async () => {
    stack = await startStack({ twelvegoBaseUrl: 'http://127.0.0.1:9' });
  });
  afterAll(async () => {
    agent.destroy();
    await stack?.close();
  });

  it('keeps connections alive normally and answers `Connection: close` once draining', async () => {
    expect((await get(`${stack.bffUrl}/health/live`)).connection).not.toBe('close');
    stack.app.get(LifecycleState).markDraining();
    const live = await get(`${stack.bffUrl}/health/live`);
    expect(live).toEqual({ status: 200, connection: 'close' });
    const ready = await get(`${stack.bffUrl}/health/ready`);
    expect(ready).toEqual({ status: 503, connection: 'close' });
  });
});
